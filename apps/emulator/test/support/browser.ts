/**
 * A headless Chromium for the browser tests, found without installing anything by hand: `CHROMIUM_PATH` when set,
 * else the system's `/usr/bin/chromium` when present, else the binary that ships inside the `@sparticuz/chromium`
 * dev dependency (unpacked to the temp folder on first use). The network of the test machines is closed, so the
 * browser is started with everything that would call out switched off.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import sparticuz from "@sparticuz/chromium"
import { type BrowserContext, chromium } from "playwright-core"

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
  return { executablePath: await sparticuz.executablePath(), source: "@sparticuz/chromium" }
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
