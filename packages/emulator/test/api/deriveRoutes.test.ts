/**
 * The routes derived from an `HttpApi` (src/api/deriveRoutes.ts), on a resource the emulator does not have: a
 * contract and its handlers are all it takes. Method, path, the path parameters (404 when they do not decode), the
 * query and the form payload (each parameter once, empty as missing), the success schema and status all come from
 * the declaration; a method a path does not declare is 405 with `Allow`. And the emulator's own paths answer 405
 * with exactly the methods the contracts declare.
 */
import { MessagingApi } from "@shortcode-kit/schema/http"
import { Schema } from "effect"
import { HttpApi, HttpApiEndpoint, HttpApiGroup, HttpApiSchema } from "effect/http-api"
import { Hono } from "hono"
import { afterAll, describe, expect, it } from "vitest"
import { registerApi } from "../../src/api/deriveRoutes.js"
import { ApiError, notFound } from "../../src/http/ApiError.js"
import type { AppEnv } from "../../src/http/AppEnv.js"
import { readBody } from "../../src/http/body.js"
import { respondWithError } from "../../src/http/respond.js"
import { makeServer } from "../../src/Server.js"
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN } from "../../src/Demo.js"
import type { AccountRecord } from "../../src/store/Repository.js"

const Widget = Schema.Struct({ sid: Schema.String, name: Schema.String, size: Schema.Int })
const WidgetParams = Schema.Struct({ Sid: Schema.String.check(Schema.isPattern(/^WI[0-9a-f]{4}$/)) })
const WidgetsGroup = HttpApiGroup.make("widgets").add(
  HttpApiEndpoint.post("createWidget", "/v1/Widgets", {
    payload: Schema.Struct({ name: Schema.String.annotateKey({ messageMissingKey: "Name is required" }) }).pipe(Schema.encodeKeys({ name: "Name" }), HttpApiSchema.asFormUrlEncoded()),
    success: Widget.pipe(HttpApiSchema.status(201))
  }),
  HttpApiEndpoint.get("listWidgets", "/v1/Widgets", {
    query: Schema.Struct({ size: Schema.optional(Schema.NumberFromString.check(Schema.isInt())) }).pipe(Schema.encodeKeys({ size: "Size" })),
    success: Schema.Array(Widget)
  }),
  HttpApiEndpoint.get("fetchWidget", "/v1/Widgets/:Sid", { params: WidgetParams, success: Widget }),
  HttpApiEndpoint.delete("deleteWidget", "/v1/Widgets/:Sid", { params: WidgetParams, success: HttpApiSchema.NoContent })
)
const WidgetsApi = HttpApi.make("WidgetsApi").add(WidgetsGroup)

const widgets = new Map<string, typeof Widget.Type>()
const app = new Hono<AppEnv>({ strict: true })
app.use(async (c, next) => {
  c.set("body", await readBody(c, 1024))
  await next()
})
app.onError((error, c) => {
  if (error instanceof ApiError) return respondWithError(c, error)
  throw error
})
const account: AccountRecord = { sid: DEMO_ACCOUNT_SID as AccountRecord["sid"], authToken: "x", dateCreated: new Date(0) }
registerApi(app, WidgetsApi, {
  widgets: {
    createWidget: ({ payload }) => {
      const widget = { sid: `WI${(widgets.size + 1).toString(16).padStart(4, "0")}`, name: payload().name, size: 1 }
      widgets.set(widget.sid, widget)
      return widget
    },
    listWidgets: ({ query }) => [...widgets.values()].filter((w) => query.size === undefined || w.size === query.size),
    fetchWidget: ({ params, path }) => {
      const found = widgets.get(params.Sid)
      if (found === undefined) throw notFound(path)
      return found
    },
    deleteWidget: ({ params, path }) => {
      if (!widgets.delete(params.Sid)) throw notFound(path)
    }
  }
}, {
  auth: async (c, next) => {
    c.set("account", account)
    await next()
  }
})

const call = async (method: string, path: string, body?: string) => {
  const response = await app.request(path, {
    method,
    ...(body === undefined ? {} : { body, headers: { "Content-Type": "application/x-www-form-urlencoded" } })
  })
  const text = await response.text()
  return { status: response.status, allow: response.headers.get("Allow"), text, json: text === "" ? undefined : JSON.parse(text) }
}

describe("registerApi", () => {
  it("answers each endpoint with its success schema and status, decoding the form payload, params and query", async () => {
    const created = await call("POST", "/v1/Widgets", "Name=gear&Other=ignored")
    expect(created).toMatchObject({ status: 201, json: { sid: "WI0001", name: "gear", size: 1 } })
    expect(await call("GET", "/v1/Widgets/WI0001")).toMatchObject({ status: 200, json: { sid: "WI0001", name: "gear", size: 1 } })
    expect((await call("GET", "/v1/Widgets?Size=1")).json).toHaveLength(1)
    expect((await call("GET", "/v1/Widgets?Size=2")).json).toHaveLength(0)
    expect(await call("DELETE", "/v1/Widgets/WI0001")).toMatchObject({ status: 204, text: "" })
  })

  it("answers 404 for path parameters that do not decode, and for what the handler does not find", async () => {
    expect((await call("GET", "/v1/Widgets/not-a-widget")).json).toMatchObject({ code: 20404, status: 404 })
    expect((await call("DELETE", "/v1/Widgets/WI9999")).json).toMatchObject({ code: 20404, status: 404 })
  })

  it("refuses a repeated, empty or missing form parameter and a repeated or malformed query parameter, naming it", async () => {
    expect((await call("POST", "/v1/Widgets", "Name=a&Name=b")).json).toMatchObject({
      code: 20001,
      status: 400,
      message: "Invalid parameter: Name. Name must be given once; it was given 2 times"
    })
    expect((await call("POST", "/v1/Widgets", "Name=")).json).toMatchObject({ code: 20001, message: "Invalid parameter: Name. Name is required" })
    expect((await call("POST", "/v1/Widgets", "Other=x")).json).toMatchObject({ code: 20001, message: "Invalid parameter: Name. Name is required" })
    expect((await call("GET", "/v1/Widgets?Size=1&Size=2")).json).toMatchObject({
      code: 20001,
      message: "Invalid parameter: Size. Size must be given once; it was given 2 times"
    })
    expect((await call("GET", "/v1/Widgets?Size=big")).json).toMatchObject({ code: 20001, status: 400 })
  })

  it("answers 405 with Allow listing the methods the contract declares for the path", async () => {
    expect(await call("PUT", "/v1/Widgets")).toMatchObject({ status: 405, allow: "GET, HEAD, POST, OPTIONS", json: { code: 20004 } })
    expect(await call("POST", "/v1/Widgets/WI0001")).toMatchObject({ status: 405, allow: "GET, HEAD, DELETE, OPTIONS", json: { code: 20004 } })
  })
})

describe("the emulator's routes", () => {
  const emulator = makeServer({ database: ":memory:", log: false })
  afterAll(() => emulator.close())

  it("allow on each path exactly the methods MessagingApi declares for it", async () => {
    const declared = new Map<string, Set<string>>()
    HttpApi.reflect(MessagingApi as never, {
      onGroup: () => undefined,
      onEndpoint: ({ endpoint }) => {
        declared.set(endpoint.path, (declared.get(endpoint.path) ?? new Set()).add(endpoint.method))
      }
    })
    expect(declared.size).toBe(8)
    const sid = (prefix: string) => `${prefix}${"a".repeat(32)}`
    for (const [path, methods] of declared) {
      const url = `http://local${path.replace(":ServiceSid", sid("MG")).replace(":Sid", sid(path.includes("ShortCodes") ? "SC" : "MG"))}`
      const answer = await emulator.fetch(new Request(url, { method: "PATCH", headers: { Authorization: `Basic ${btoa(`${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`)}` } }))
      expect(answer.status).toBe(405)
      const allow = (answer.headers.get("Allow") ?? "").split(", ")
      expect(new Set(allow.filter((m) => m !== "HEAD" && m !== "OPTIONS"))).toEqual(methods)
    }
  })
})
