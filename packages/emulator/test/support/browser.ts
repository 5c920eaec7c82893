/**
 * A headless Chromium for the browser tests, found without installing anything by hand: `CHROMIUM_PATH` when set,
 * else the system's `/usr/bin/chromium` when present, else the binary that ships inside the `@sparticuz/chromium`
 * dev dependency (unpacked to the temp folder on first use). The network of the test machines is closed, so the
 * browser is started with everything that would call out switched off.
 */
import { execFile } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { pathToFileURL } from "node:url"
import { promisify } from "node:util"
import { type BrowserContext, chromium } from "playwright-core"

// build/cjs/index.cjs of the package: its ESM build and package.json are found from there.
const sparticuzCjs = createRequire(import.meta.url).resolve("@sparticuz/chromium")
const sparticuzEsm = pathToFileURL(join(dirname(sparticuzCjs), "..", "esm", "index.js")).href
/** The version of `@sparticuz/chromium` installed; its major is the Chromium major it ships. */
export const sparticuzVersion = (JSON.parse(readFileSync(join(dirname(sparticuzCjs), "..", "..", "package.json"), "utf8")) as { version: string }).version

/**
 * The binary of `@sparticuz/chromium`, unpacked once per version into `<tmp>/shortcode-kit-chromium-<version>`.
 * The package itself unpacks into the temp folder and trusts any file already there, so it runs in a child process
 * whose TMPDIR is a private staging folder that is renamed into place only when complete: two test runs never share
 * a half-written binary, and a run interrupted while unpacking leaves nothing that looks finished.
 */
export const unpackedSparticuz = async (base: string = tmpdir()): Promise<string> => {
  const folder = join(base, `shortcode-kit-chromium-${sparticuzVersion}`)
  const binary = join(folder, "chromium")
  if (existsSync(binary)) return binary
  const staging = mkdtempSync(`${folder}.partial-`)
  try {
    const script = "const { default: c } = await import(process.argv[1]); process.stdout.write(await c.executablePath())"
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script, sparticuzEsm], { env: { ...process.env, TMPDIR: staging } })
    if (stdout !== join(staging, "chromium")) throw new Error(`@sparticuz/chromium unpacked to ${stdout}, expected ${join(staging, "chromium")}`)
    try {
      renameSync(staging, folder)
    } catch (error) {
      // Another run finished first: its folder is complete, ours is dropped below.
      if (!existsSync(binary)) throw error
    }
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  return binary
}

/** Where Debian's `chromium` package puts the browser. */
export const SYSTEM_CHROMIUM = "/usr/bin/chromium"

/** Which browser the tests run, and why that one. */
export interface ResolvedChromium {
  readonly executablePath: string
  readonly source: "CHROMIUM_PATH" | "system" | "@sparticuz/chromium"
}

/** The browser to run, in the order CHROMIUM_PATH, the system's, the npm package's. */
export const resolveChromium = async (env: NodeJS.ProcessEnv = process.env): Promise<ResolvedChromium> => {
  const fromEnv = env["CHROMIUM_PATH"]
  if (fromEnv !== undefined && fromEnv !== "") {
    // A path the user chose and got wrong is an error, not a reason to quietly run another browser.
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, but there is no file there: expected the path of a Chromium executable, or leave CHROMIUM_PATH unset`)
    return { executablePath: fromEnv, source: "CHROMIUM_PATH" }
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: "system" }
  return { executablePath: await unpackedSparticuz(), source: "@sparticuz/chromium" }
}

/** Flags for a closed network: no GPU, no QUIC, no first-run, background, component-update or sync traffic. */
export const CHROMIUM_ARGS: ReadonlyArray<string> = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
]

/** A running headless Chromium on a fresh profile; `close` stops it and deletes the profile. */
export interface TestBrowser {
  readonly chromium: ResolvedChromium
  readonly context: BrowserContext
  readonly close: () => Promise<void>
}

/** Starts headless Chromium on a fresh `--user-data-dir` (Playwright sets the flag from the folder it is given). */
export const launchChromium = async (): Promise<TestBrowser> => {
  const resolved = await resolveChromium()
  const profile = mkdtempSync(join(tmpdir(), "shortcode-kit-chromium-"))
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: resolved.executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS]
    })
    return {
      chromium: resolved,
      context,
      close: async () => {
        await context.close()
        rmSync(profile, { recursive: true, force: true })
      }
    }
  } catch (error) {
    rmSync(profile, { recursive: true, force: true })
    throw new Error(`Chromium (${resolved.source}: ${resolved.executablePath}) did not start: ${error instanceof Error ? error.message : String(error)}`)
  }
}
