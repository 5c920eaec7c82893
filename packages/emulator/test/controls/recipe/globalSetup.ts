/** The other recipe: one emulator for the whole run (vitest's globalSetup), a fresh account per test. */
import { startServer } from "@shortcode-kit/emulator"
import type { TestProject } from "vitest/node"

declare module "vitest" {
  export interface ProvidedContext {
    emulator: { url: string; adminToken: string }
  }
}

export default async function setup(project: TestProject) {
  const server = await startServer({ port: 0, database: ":memory:", log: false, demo: false })
  project.provide("emulator", { url: server.url, adminToken: server.adminToken })
  return () => server.close()
}
