import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { configFromEnv, readSeedFile, resolveConfig } from "../src/Config.js"

let folder: string
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "shortcode-kit-config-"))
})
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

describe("resolveConfig", () => {
  it("fills in the defaults", () => {
    const config = resolveConfig({ log: false })
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 4010,
      database: ":memory:",
      publicBaseUrl: "https://messaging.twilio.com",
      demo: true,
      servicePoolLimit: 400,
      bodyLimitBytes: 65_536,
      adminBodyLimitBytes: 16_777_216,
      log: undefined
    })
    expect(config.adminToken).toMatch(/^[0-9a-f]{64}$/)
  })

  it("refuses bad options at once, saying what is wrong", () => {
    expect(() => resolveConfig({ port: 70_000 })).toThrow("port must be an integer from 0 to 65535, received 70000")
    expect(() => resolveConfig({ publicBaseUrl: "messaging.twilio.com" })).toThrow("publicBaseUrl must be an http(s) origin")
    expect(() => resolveConfig({ publicBaseUrl: "https://x.test/base" })).toThrow("without a path")
    expect(() => resolveConfig({ adminToken: "short" })).toThrow("at least 16")
    expect(() => resolveConfig({ servicePoolLimit: 0 })).toThrow("servicePoolLimit must be a positive integer")
    expect(() => resolveConfig({ bodyLimitBytes: 1.5 })).toThrow("bodyLimitBytes must be a positive integer")
    expect(() => resolveConfig({ adminBodyLimitBytes: 0 })).toThrow("adminBodyLimitBytes must be a positive integer, received 0")
  })

  it("drops a trailing slash of the public base URL", () => {
    expect(resolveConfig({ publicBaseUrl: "http://localhost:4010/" }).publicBaseUrl).toBe("http://localhost:4010")
  })
})

describe("configFromEnv", () => {
  it("reads HOST, PORT, DB, PUBLIC_BASE_URL and ADMIN_TOKEN", () => {
    const env = configFromEnv({ HOST: "0.0.0.0", PORT: "8080", DB: "data/x.sqlite", PUBLIC_BASE_URL: "http://localhost:8080", ADMIN_TOKEN: "0123456789abcdef0" }, "/default.sqlite")
    expect(env.options).toMatchObject({ host: "0.0.0.0", port: 8080, database: resolve("data/x.sqlite"), publicBaseUrl: "http://localhost:8080", adminToken: "0123456789abcdef0", demo: true })
    expect(env.adminTokenGenerated).toBe(false)
  })

  it("defaults the database to the given path, generates an admin token, and allows :memory:", () => {
    const env = configFromEnv({}, "/repo/.data/shortcode-kit.sqlite")
    expect(env.databasePath).toBe("/repo/.data/shortcode-kit.sqlite")
    expect(env.adminTokenGenerated).toBe(true)
    expect(env.options.adminToken).toMatch(/^[0-9a-f]{64}$/)
    expect(configFromEnv({ DB: ":memory:" }, "/x").databasePath).toBe(":memory:")
  })

  it("reads SERVICE_POOL_LIMIT, and refuses one that is not a positive whole number", () => {
    expect(configFromEnv({ SERVICE_POOL_LIMIT: "3" }, "/x").options.servicePoolLimit).toBe(3)
    expect(configFromEnv({}, "/x").options.servicePoolLimit).toBeUndefined()
    for (const bad of ["0", "-1", "1.5", "ten", " 3", "1e3"]) {
      expect(() => configFromEnv({ SERVICE_POOL_LIMIT: bad }, "/x")).toThrow(
        `shortcode-kit emulator: SERVICE_POOL_LIMIT must be a positive whole number (phone numbers and short codes per service), received ${JSON.stringify(bad)}`
      )
    }
  })

  it("refuses a PORT that is not a number", () => {
    expect(() => configFromEnv({ PORT: "80a" }, "/x")).toThrow('PORT must be a number from 0 to 65535, received "80a"')
  })

  it("loads SEED_FILE instead of the demo data, and explains a bad one", () => {
    const good = join(folder, "seed.json")
    writeFileSync(good, JSON.stringify({ accounts: [{ sid: `AC${"1".repeat(32)}`, auth_token: "tok" }] }))
    const env = configFromEnv({ SEED_FILE: good }, "/x")
    expect(env.options.demo).toBe(false)
    expect(env.options.seed?.accounts).toHaveLength(1)
    const bad = join(folder, "bad.json")
    writeFileSync(bad, JSON.stringify({ accounts: [{ sid: "AC1" }] }))
    expect(() => readSeedFile(bad)).toThrow(/is not a valid seed:\n  - accounts\.0\.sid: .*\n  - accounts\.0\.auth_token: /)
    const notJson = join(folder, "not.json")
    writeFileSync(notJson, "{")
    expect(() => readSeedFile(notJson)).toThrow("could not be read as JSON")
    expect(() => readSeedFile(join(folder, "missing.json"))).toThrow("could not be read as JSON")
  })
})
