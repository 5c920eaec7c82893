// Child processes for the release scripts: each in its own process group, so that a timeout or a cleanup ends all
// of it (npm, npx and what they start), never a process of someone else.
import { spawn } from "node:child_process"
import net from "node:net"
import path from "node:path"
import { repoRoot } from "./workspaces.mjs"

/** Every child still running; cleanup kills their groups. */
export const children = new Set()

/** Sends `signal` to the process group of `child`; a group that is already gone is not an error. */
export const killGroup = (child, signal) => {
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

/** An error whose message is the whole report of a failed check (no stack). */
export class CheckError extends Error {}
/** Fails the current check with `message`. */
export const fail = (message) => {
  throw new CheckError(message)
}

/** The last `n` lines of `text`, saying how many were left out. */
export const tail = (text, n = 25) => {
  const lines = String(text).trimEnd().split("\n")
  return (lines.length > n ? [`... (${lines.length - n} more lines above)`, ...lines.slice(-n)] : lines).join("\n")
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

// `npm run` exports its configuration to the script as lower-case npm_* variables (npm_config_local_prefix points
// at this repository): children do not inherit those, and read the same configuration from the npmrc files again.
// Upper-case NPM_CONFIG_* set by the user (a registry mirror, say) are kept, except a registry for our scope.
/** The environment of every child: the caller's, less npm's exported configuration and our scope's registry. */
export const baseEnv = (scope) => ({
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !(k.startsWith("npm_") && k !== "npm_config_cache") && k.toLowerCase() !== `npm_config_${scope}:registry`
    )
  ),
  TURBO_TELEMETRY_DISABLED: "1",
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
  NO_UPDATE_NOTIFIER: "1",
  NO_COLOR: "1",
  FORCE_COLOR: "0"
})

/**
 * Runs a command in its own process group and collects its output.
 * Resolves with { code, signal, stdout, stderr, output }; never rejects on a non-zero exit.
 */
export function run(cmd, args, { cwd = repoRoot, env = process.env, input, timeoutMs = 5 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ["pipe", "pipe", "pipe"] })
    children.add(child)
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    const timer = setTimeout(() => {
      stderr += `\n[killed after ${timeoutMs / 1000}s]`
      killGroup(child, "SIGKILL")
    }, timeoutMs)
    child.on("error", (e) => {
      clearTimeout(timer)
      children.delete(child)
      reject(e)
    })
    child.on("close", (code, signal) => {
      clearTimeout(timer)
      children.delete(child)
      resolve({ code, signal, stdout, stderr, output: `${stdout}${stderr ? `\n${stderr}` : ""}`.trim() })
    })
    child.stdin.on("error", () => {}) // a command that exits before reading stdin
    child.stdin.end(input ?? "")
  })
}

/** Runs a command and fails the check unless it exits 0. */
export async function runOk(cmd, args, opts) {
  const r = await run(cmd, args, opts)
  if (r.code !== 0)
    fail(`\`${[path.basename(cmd), ...args].join(" ")}\` exited ${r.code ?? r.signal}:\n${tail(r.output)}`)
  return r
}

/** A free TCP port on 127.0.0.1 (free when asked; the caller retries on EADDRINUSE). */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

/** Runs `fn`s with at most `n` at a time (two cores: two compilers). */
export const limiter = (n) => {
  const slots = new Set()
  return (fn) => async () => {
    while (slots.size >= n) await Promise.race(slots)
    const running = fn()
    const slot = running.then(
      () => {},
      () => {}
    )
    slots.add(slot)
    void slot.then(() => slots.delete(slot))
    return running
  }
}
