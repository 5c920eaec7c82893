/**
 * A real emulator for a test file: listening on 127.0.0.1 on a free port, with its SQLite file in a fresh temp
 * folder, and small clients for the Twilio and admin surfaces. Every response that passes through these clients is
 * checked for the five CORS headers, so every test of the suite checks them.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { randomAccountSid, randomServiceSid, randomShortCodeSid, TwilioError } from "@shortcode-kit/schema"
import { corsHeaders } from "@shortcode-kit/schema/http"
import { Result, Schema } from "effect"
import { expect } from "vitest"
import type { ServerOptions } from "../../src/Config.js"
import { type RunningServer, startServer } from "../../src/Server.js"

export const ADMIN_TOKEN = "test-admin-token-0123456789"

export interface Credentials {
  readonly accountSid: string
  readonly authToken: string
}

export interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  /** The parsed JSON body, `undefined` for an empty body. */
  readonly json: unknown
}

export const expectCors = (headers: Headers): void => {
  for (const [name, value] of Object.entries(corsHeaders)) expect(headers.get(name), name).toBe(value)
}

/** The body decoded as a Twilio error (fails the test if it is not one). */
export const expectTwilioError = (answer: Answer, status: number, code: number): TwilioError => {
  const decoded = Schema.decodeUnknownResult(TwilioError)(answer.json)
  expect(Result.isSuccess(decoded) ? "TwilioError" : `not a TwilioError: ${answer.text}`).toBe("TwilioError")
  const error = (decoded as Result.Success<TwilioError, never>).success
  expect({ status: answer.status, code: error.code, bodyStatus: error.status }, answer.text).toEqual({ status, code, bodyStatus: status })
  return error
}

const basic = (c: Credentials) => `Basic ${Buffer.from(`${c.accountSid}:${c.authToken}`).toString("base64")}`

export interface TestServer {
  readonly server: RunningServer
  readonly url: string
  readonly databasePath: string
  readonly folder: string
  /** A raw request; the answer's CORS headers are checked. */
  readonly request: (method: string, path: string, init?: { readonly headers?: Record<string, string>; readonly body?: string | Uint8Array }) => Promise<Answer>
  /** A Twilio API request with Basic auth; `form` is sent as `application/x-www-form-urlencoded`. */
  readonly twilio: (credentials: Credentials, method: string, path: string, form?: Record<string, string>) => Promise<Answer>
  /** An admin API request with the bearer token and a JSON body. */
  readonly admin: (method: string, path: string, body?: unknown) => Promise<Answer>
  /** A new account with a service and `shortCodes` short codes in its inventory (in no service), via the admin API. */
  readonly makeAccount: (shortCodes?: number) => Promise<TestAccount>
  readonly close: () => Promise<void>
}

export interface TestAccount extends Credentials {
  readonly serviceSid: string
  readonly shortCodeSids: ReadonlyArray<string>
}

let numbers = 100_000

export const startTestServer = async (options: ServerOptions = {}): Promise<TestServer> => {
  const folder = mkdtempSync(join(tmpdir(), "shortcode-kit-emulator-"))
  const databasePath = join(folder, "emulator.sqlite")
  const server = await startServer({ port: 0, host: "127.0.0.1", database: databasePath, log: false, adminToken: ADMIN_TOKEN, demo: false, ...options })
  const url = server.url

  const request: TestServer["request"] = async (method, path, init = {}) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: init.headers ?? {},
      ...(init.body === undefined ? {} : { body: init.body })
    })
    const text = await response.text()
    expectCors(response.headers)
    let json: unknown
    if (text !== "") {
      try {
        json = JSON.parse(text)
      } catch {
        json = undefined
      }
    }
    return { status: response.status, headers: response.headers, text, json }
  }

  const twilio: TestServer["twilio"] = (credentials, method, path, form) =>
    request(method, path, {
      headers: {
        Authorization: basic(credentials),
        ...(form === undefined ? {} : { "Content-Type": "application/x-www-form-urlencoded" })
      },
      ...(form === undefined ? {} : { body: new URLSearchParams(form).toString() })
    })

  const admin: TestServer["admin"] = (method, path, body) =>
    request(method, path, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })

  const makeAccount: TestServer["makeAccount"] = async (shortCodes = 3) => {
    const accountSid = randomAccountSid()
    const authToken = `token-${accountSid.slice(2, 12)}`
    const account = await admin("POST", "/admin/accounts", { sid: accountSid, auth_token: authToken })
    expect(account.status, account.text).toBe(201)
    const serviceSid = randomServiceSid()
    const service = await admin("POST", "/admin/services", { sid: serviceSid, account_sid: accountSid, friendly_name: "test service" })
    expect(service.status, service.text).toBe(201)
    const shortCodeSids: Array<string> = []
    for (let i = 0; i < shortCodes; i++) {
      const sid = randomShortCodeSid()
      const created = await admin("POST", "/admin/short-codes", { sid, account_sid: accountSid, short_code: String(numbers++) })
      expect(created.status, created.text).toBe(201)
      shortCodeSids.push(sid)
    }
    return { accountSid, authToken, serviceSid, shortCodeSids }
  }

  return {
    server,
    url,
    databasePath,
    folder,
    request,
    twilio,
    admin,
    makeAccount,
    close: async () => {
      await server.close()
      rmSync(folder, { recursive: true, force: true })
    }
  }
}
