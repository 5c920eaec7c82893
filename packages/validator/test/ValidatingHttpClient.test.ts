import { ShortCodeResponseError, type ShortCodeResponseReport, withShortCodeValidation } from "@shortcode-kit/validator"
import twilio from "twilio"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { AC, MG, SC, startServer, wireShortCode } from "./sdk/support.js"

const sid = (last: string) => `${SC.slice(0, 33)}${last}`
const VALID = sid("1"), BAD_ACCOUNT = sid("2"), NO_SHORT_CODE = sid("3"), BAD_DATE = sid("4"), BROKEN_ERROR = sid("5"), NOT_JSON = sid("6")
const instancePath = (shortCodeSid: string) => `/v1/Services/${MG}/ShortCodes/${shortCodeSid}`
const collectionPath = `/v1/Services/${MG}/ShortCodes`
const { short_code: _, ...withoutShortCode } = wireShortCode(NO_SHORT_CODE)

let server: Awaited<ReturnType<typeof startServer>>
beforeAll(async () => {
  server = await startServer({
    [`GET ${instancePath(VALID)}`]: { status: 200, body: wireShortCode(VALID) },
    [`GET ${instancePath(BAD_ACCOUNT)}`]: { status: 200, body: { ...wireShortCode(BAD_ACCOUNT), account_sid: "AC12" } },
    [`GET ${instancePath(NO_SHORT_CODE)}`]: { status: 200, body: withoutShortCode },
    [`GET ${instancePath(BAD_DATE)}`]: { status: 200, body: { ...wireShortCode(BAD_DATE), date_created: "2015-02-30T20:12:31Z" } },
    [`GET ${instancePath(BROKEN_ERROR)}`]: { status: 404, body: { code: "20404", message: "not found", status: 404 } },
    [`GET ${instancePath(NOT_JSON)}`]: { status: 200, body: "<html>" },
    [`DELETE ${instancePath(VALID)}`]: { status: 204 },
    [`GET ${collectionPath}`]: {
      status: 200,
      body: { short_codes: [wireShortCode(VALID), { ...wireShortCode(BAD_ACCOUNT), account_sid: "AC12" }], meta: { page: 0, page_size: 50, key: "short_codes" } }
    },
    // Another resource: passed through unchecked, whatever its body.
    [`GET /v1/Services/${MG}`]: { status: 200, body: { sid: MG, account_sid: "not checked" } }
  })
})
afterAll(() => server.close())

/** The SDK with its own default RequestClient, its Messaging domain pointed at the test server. */
const sdkClient = (httpClient: twilio.RequestClient) => {
  const client = twilio(AC, "test-auth-token", { httpClient })
  client.messaging.baseUrl = server.baseUrl
  return client.messaging.v1.services(MG)
}

const SID_SHAPE = "\"AC\" followed by 32 hexadecimal digits"
const badAccountIssue = (prefix: ReadonlyArray<string | number>) => ({
  path: [...prefix, "account_sid"], rule: "sid.length", message: `must be exactly 34 characters long: ${SID_SHAPE}`, expected: SID_SHAPE, received: "\"AC12\""
})

describe("withShortCodeValidation: throwing", () => {
  const service = () => sdkClient(withShortCodeValidation(new twilio.RequestClient(), { profile: "strict", baseUrl: "https://messaging.twilio.com" }))

  it("lets a valid ShortCode, a 204 and another resource through to the SDK", async () => {
    expect((await service().shortCodes(VALID).fetch()).shortCode).toBe("12345")
    expect(await service().shortCodes(VALID).remove()).toBe(true)
    expect((await service().fetch()).accountSid).toBe("not checked")
  })

  it("rejects the SDK's call with a ShortCodeResponseError naming the request, the path and the issue (broken account_sid)", async () => {
    const uri = `${server.baseUrl}${instancePath(BAD_ACCOUNT)}`
    const error = await service().shortCodes(BAD_ACCOUNT).fetch().then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(ShortCodeResponseError)
    expect((error as ShortCodeResponseError).report).toStrictEqual({
      method: "GET", uri, path: instancePath(BAD_ACCOUNT), statusCode: 200, kind: "ShortCode", issues: [badAccountIssue([])]
    })
    expect((error as Error).message).toBe(
      `Invalid ShortCode in the 200 response to GET ${uri} (path ${instancePath(BAD_ACCOUNT)}; 1 issue):\n` +
        `  - account_sid: sid.length: must be exactly 34 characters long: ${SID_SHAPE} (expected ${SID_SHAPE}; received "AC12")`
    )
  })

  it("reports a missing short_code (strict)", async () => {
    const error = await service().shortCodes(NO_SHORT_CODE).fetch().then(() => undefined, (e: unknown) => e)
    expect((error as ShortCodeResponseError).report.issues).toStrictEqual([
      { path: ["short_code"], rule: "required", message: "is required", expected: "a value", received: "(missing)" }
    ])
  })

  it("reports an impossible date that the SDK alone would read as another day", async () => {
    const error = await service().shortCodes(BAD_DATE).fetch().then(() => undefined, (e: unknown) => e)
    expect((error as ShortCodeResponseError).report.issues).toMatchObject([
      { path: ["date_created"], rule: "format.date-time", received: "\"2015-02-30T20:12:31Z\"" }
    ])
    // Without the wrapper the SDK accepts it, as March 2.
    const unchecked = await sdkClient(new twilio.RequestClient()).shortCodes(BAD_DATE).fetch()
    expect(unchecked.dateCreated.toISOString()).toBe("2015-03-02T20:12:31.000Z")
  })

  it("checks each item of a list page, with its index in the path", async () => {
    const error = await service().shortCodes.list().then(() => undefined, (e: unknown) => e)
    expect((error as ShortCodeResponseError).report).toMatchObject({
      method: "GET", path: collectionPath, statusCode: 200, kind: "ShortCodePage", issues: [badAccountIssue(["short_codes", 1])]
    })
  })

  it("checks the error body of an error status as a TwilioError, and a body that is not JSON", async () => {
    const error = await service().shortCodes(BROKEN_ERROR).fetch().then(() => undefined, (e: unknown) => e)
    expect((error as ShortCodeResponseError).report).toMatchObject({ statusCode: 404, kind: "TwilioError" })
    expect((error as ShortCodeResponseError).report.issues.map((issue) => [issue.path, issue.rule])).toStrictEqual([
      [["code"], "type"],
      [["more_info"], "required"]
    ])
    const notJson = await service().shortCodes(NOT_JSON).fetch().then(() => undefined, (e: unknown) => e)
    expect((notJson as ShortCodeResponseError).report.issues).toMatchObject([{ path: [], rule: "type", expected: "a JSON body", received: "\"<html>\"" }])
  })
})

describe("withShortCodeValidation: onIssues", () => {
  it("hands every report to the callback and the SDK its response unchanged", async () => {
    const reports: Array<ShortCodeResponseReport> = []
    const service = sdkClient(withShortCodeValidation(new twilio.RequestClient(), { onIssues: (report) => reports.push(report) }))
    const instance = await service.shortCodes(BAD_ACCOUNT).fetch()
    expect(instance.accountSid).toBe("AC12")
    await service.shortCodes(VALID).fetch()
    expect(reports).toStrictEqual([{
      method: "GET", uri: `${server.baseUrl}${instancePath(BAD_ACCOUNT)}`, path: instancePath(BAD_ACCOUNT), statusCode: 200, kind: "ShortCode", issues: [badAccountIssue([])]
    }])
  })

  it("composes with a RequestClient subclass that rewrites Twilio's URLs (the emulator's makeTwilioHttpClient)", async () => {
    // The same shape as the emulator's makeTwilioHttpClient, which this package cannot import (no cycles).
    class Rewriting extends twilio.RequestClient {
      override request<T>(opts: Parameters<twilio.RequestClient["request"]>[0] & { data?: T }) {
        return super.request<T>({ ...opts, uri: opts.uri.replace("https://messaging.twilio.com", server.baseUrl) })
      }
    }
    const reports: Array<ShortCodeResponseReport> = []
    const httpClient = withShortCodeValidation(new Rewriting(), { onIssues: (report) => reports.push(report) })
    expect(httpClient).toBeInstanceOf(Rewriting)
    const client = twilio(AC, "test-auth-token", { httpClient })
    await client.messaging.v1.services(MG).shortCodes(BAD_ACCOUNT).fetch()
    expect(reports.map(({ uri, path, issues }) => ({ uri, path, issues }))).toStrictEqual([{
      uri: `https://messaging.twilio.com${instancePath(BAD_ACCOUNT)}`, path: instancePath(BAD_ACCOUNT), issues: [badAccountIssue([])]
    }])
    expect(httpClient.lastResponse?.statusCode).toBe(200)
  })

  it("throws a TypeError at once for malformed options", () => {
    expect(() => withShortCodeValidation(new twilio.RequestClient(), { onIssues: 42 as never })).toThrow(
      new TypeError("withShortCodeValidation: onIssues must be a function, received 42")
    )
    expect(() => withShortCodeValidation(new twilio.RequestClient(), { profile: "lenient" as never })).toThrow(
      new TypeError("withShortCodeValidation: profile must be \"spec\" or \"strict\", received \"lenient\"")
    )
  })
})
