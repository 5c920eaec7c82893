/**
 * Noticing that the database's files were deleted or replaced under a running emulator.
 *
 * SQLite keeps the files it opened: after `rm emulator.sqlite` it goes on reading and writing the deleted file,
 * which the kernel frees once the process ends, so every write answered after the delete vanishes at the next
 * start. A file's identity is its device and inode numbers; comparing those of each path with the ones recorded at
 * open costs one `stat` per file, cheap enough to do before every write.
 */
import { statSync } from "node:fs"
import { StorageFault } from "./StorageFault.js"

/** A file to watch and what to call it in the message. */
export interface WatchedFile {
  readonly path: string
  readonly label: string
}

/** Checks that every watched path still names the file that was there when {@link watchFileIdentity} was called. */
export type IdentityCheck = () => StorageFault | undefined

const identity = (path: string): string | undefined => {
  const stats = statSync(path, { bigint: true, throwIfNoEntry: false })
  return stats === undefined ? undefined : `${stats.dev}:${stats.ino}`
}

/**
 * Records the identity of each file (which must exist) and returns the check.
 *
 * @param restart what to tell the user to do, appended to the message.
 */
export const watchFileIdentity = (files: ReadonlyArray<WatchedFile>, restart: string): IdentityCheck => {
  const recorded = files.map((file) => {
    const id = identity(file.path)
    if (id === undefined) throw new Error(`${file.label} ${file.path} is missing right after it was opened`)
    return { ...file, id }
  })
  return () => {
    for (const file of recorded) {
      const now = identity(file.path)
      if (now === file.id) continue
      const what = now === undefined ? "deleted" : "replaced by another file"
      return new StorageFault(`${file.label} ${file.path} was ${what} while the emulator was running; ${restart}`)
    }
    return undefined
  }
}
