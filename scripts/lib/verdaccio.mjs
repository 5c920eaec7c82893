// A throw-away verdaccio for the release test: on 127.0.0.1, storage in a temp folder, no uplinks (nothing it
// holds came from elsewhere), web UI and audit off, anyone may publish our scope.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { children, fail, freePort, killGroup, sleep, tail } from "./processes.mjs"
import { repoRoot } from "./workspaces.mjs"

const verdaccioDir = path.join(repoRoot, "node_modules/verdaccio")
/** The version of verdaccio the repository installs. */
export const verdaccioVersion = () => JSON.parse(fs.readFileSync(path.join(verdaccioDir, "package.json"), "utf8")).version

const config = (dir, scope) =>
  [
    `storage: ${JSON.stringify(path.join(dir, "storage"))}`,
    `plugins: ${JSON.stringify(path.join(dir, "plugins"))}`,
    "web:",
    "  enable: false",
    "auth:",
    "  htpasswd:",
    `    file: ${JSON.stringify(path.join(dir, "htpasswd"))}`,
    "    max_users: -1",
    "uplinks: {}",
    "packages:",
    `  '${scope}/*':`,
    "    access: $all",
    "    publish: $anonymous",
    "    unpublish: $anonymous",
    "  '**':",
    "    access: $all",
    "middlewares:",
    "  audit:",
    "    enabled: false",
    "log: { type: stdout, format: pretty, level: warn }",
    ""
  ].join("\n")

/**
 * Starts verdaccio in `dir` and resolves with `{ child, port, url }` once it answers `/-/ping`. A free port is taken
 * unless `fixedPort`; a port taken meanwhile (EADDRINUSE) is retried twice.
 */
export async function startVerdaccio(dir, { scope, env, fixedPort }) {
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, "config.yaml"), config(dir, scope))
  for (let attempt = 1; ; attempt++) {
    const port = fixedPort || (await freePort())
    const logFile = path.join(dir, "verdaccio.log")
    const out = fs.openSync(logFile, "a")
    const child = spawn(
      process.execPath,
      [path.join(verdaccioDir, "bin/verdaccio"), "--config", path.join(dir, "config.yaml"), "--listen", `127.0.0.1:${port}`],
      { cwd: dir, env, detached: true, stdio: ["ignore", out, out] }
    )
    fs.closeSync(out)
    children.add(child)
    let exited = false
    child.on("exit", () => (exited = true))
    const url = `http://127.0.0.1:${port}/`
    for (const deadline = Date.now() + 30_000; !exited && Date.now() < deadline; await sleep(200)) {
      try {
        if ((await fetch(`${url}-/ping`)).ok) return { child, port, url }
      } catch {
        // not listening yet
      }
    }
    killGroup(child, "SIGKILL")
    children.delete(child)
    const logText = fs.readFileSync(logFile, "utf8")
    if (exited && /EADDRINUSE/.test(logText) && attempt < 3 && !fixedPort) continue
    fail(`verdaccio did not answer on 127.0.0.1:${port}:\n${tail(logText)}`)
  }
}

/** Stops verdaccio (a graceful stop waits for idle keep-alive connections: a second later it is killed). */
export async function stopVerdaccio({ child, port }) {
  const exited = new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", r)))
  killGroup(child, "SIGTERM")
  if (!(await Promise.race([exited.then(() => true), sleep(1_000).then(() => false)]))) killGroup(child, "SIGKILL")
  children.delete(child)
  try {
    await fetch(`http://127.0.0.1:${port}/-/ping`, { signal: AbortSignal.timeout(2_000) })
  } catch {
    return
  }
  fail(`something still answers on 127.0.0.1:${port}`)
}
