/**
 * The generic client maker on a second group of the same shape, declared here and nowhere in the package: widgets
 * on shelves, with endpoint names of its own (`addWidget`, `removeWidget`), its own SID rule, payload and page. A
 * tiny hand-written server (node:http on 127.0.0.1, port 0) answers it as Twilio would. Nothing of ShortCodes is
 * used, so what the client does here it derives from the group alone.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { Effect, Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, HttpApiSchema } from "effect/http-api"
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { PageMeta } from "@shortcode-kit/schema"
import { makeResourceClient, ResourceClientError, TwilioApiError, twilioErrorResponse } from "@shortcode-kit/schema/http"

// ---------------------------------------------------------------------------------------------------------------
// The declaration of the test resource.

const ShelfSid = Schema.String.check(Schema.isPattern(/^SH[0-9a-fA-F]{32}$/, { message: `must be "SH" and 32 hexadecimal digits` }))
const Widget = Schema.Struct({ sid: Schema.String, shelfSid: Schema.String, label: Schema.String }).pipe(
  Schema.encodeKeys({ shelfSid: "shelf_sid" })
)
const WidgetPage = Schema.Struct({ widgets: Schema.optionalKey(Schema.Array(Widget)), meta: Schema.optionalKey(PageMeta) })
const pageNumber = (fallback: string) => Schema.NumberFromString.pipe(Schema.withDecodingDefaultKey(Effect.succeed(fallback)))
const WidgetsQuery = Schema.Struct({ pageSize: pageNumber("3"), page: pageNumber("0"), pageToken: Schema.optionalKey(Schema.String) })
  .pipe(Schema.encodeKeys({ pageSize: "PageSize", page: "Page", pageToken: "PageToken" }))
const AddWidget = Schema.Struct({ label: Schema.String.check(Schema.isNonEmpty({ message: "must not be empty" })) })
  .pipe(Schema.encodeKeys({ label: "Label" }))
const shelfParams = { ShelfSid }
const widgetParams = { ShelfSid, Sid: Schema.String }
const NotFound = twilioErrorResponse(404, "no such shelf or widget", [20404])

const WidgetsGroup = HttpApiGroup.make("widgets").add(
  HttpApiEndpoint.post("addWidget", "/v1/Shelves/:ShelfSid/Widgets", {
    params: shelfParams,
    payload: AddWidget.pipe(HttpApiSchema.asFormUrlEncoded()),
    success: Widget.pipe(HttpApiSchema.status(201)),
    error: NotFound
  }),
  HttpApiEndpoint.get("listWidgets", "/v1/Shelves/:ShelfSid/Widgets", { params: shelfParams, query: WidgetsQuery, success: WidgetPage, error: NotFound }),
  HttpApiEndpoint.get("fetchWidget", "/v1/Shelves/:ShelfSid/Widgets/:Sid", { params: widgetParams, success: Widget, error: NotFound }),
  HttpApiEndpoint.delete("removeWidget", "/v1/Shelves/:ShelfSid/Widgets/:Sid", { params: widgetParams, error: NotFound })
)

const makeWidgetsClient = makeResourceClient(WidgetsGroup)

// ---------------------------------------------------------------------------------------------------------------
// A tiny server of it, written by hand.

const shelf = `SH${"ab".repeat(16)}`
const authorization = `Basic ${Buffer.from("ACwidgets:token", "utf8").toString("base64")}`
const widgets = new Map<string, { sid: string; shelf_sid: string; label: string }>()
const requests: Array<string> = []
let origin = ""

const twilioError = (response: ServerResponse, status: number, headers: Record<string, string> = {}) => {
  response.writeHead(status, { "content-type": "application/json", ...headers })
  response.end(JSON.stringify({ code: 20000 + status, message: `error ${status}`, more_info: `https://www.twilio.com/docs/errors/${20000 + status}`, status }))
}

const answer = (request: IncomingMessage, response: ServerResponse, body: string) => {
  const url = new URL(request.url ?? "/", origin)
  requests.push(`${request.method} ${url.pathname}${url.search}`)
  if (request.headers.authorization !== authorization) return twilioError(response, 401)
  const [, v1, shelves, shelfSid, kind, sid, ...rest] = url.pathname.split("/")
  if (v1 !== "v1" || shelves !== "Shelves" || kind !== "Widgets" || rest.length > 0 || shelfSid !== shelf) return twilioError(response, 404)
  const json = (status: number, value: unknown) => {
    response.writeHead(status, { "content-type": "application/json" })
    response.end(JSON.stringify(value))
  }
  if (sid === undefined && request.method === "POST") {
    const label = new URLSearchParams(body).get("Label") ?? ""
    if (label === "busy") return twilioError(response, 429, { "retry-after": "5" })
    const widget = { sid: `WD${String(widgets.size).padStart(32, "0")}`, shelf_sid: shelf, label }
    widgets.set(widget.sid, widget)
    return json(201, widget)
  }
  if (sid === undefined && request.method === "GET") {
    const size = Number(url.searchParams.get("PageSize") ?? "3")
    const page = Number(url.searchParams.get("Page") ?? "0")
    const all = [...widgets.values()]
    const list = `${origin}/v1/Shelves/${shelf}/Widgets`
    const next = (page + 1) * size < all.length ? `${list}?PageSize=${size}&Page=${page + 1}&PageToken=T${page + 1}` : null
    return json(200, { widgets: all.slice(page * size, (page + 1) * size), meta: { page, page_size: size, key: "widgets", next_page_url: next } })
  }
  if (sid === "WDbroken" && request.method === "GET") return json(200, { sid: 7, shelf_sid: shelf, label: "x" })
  const widget = sid === undefined ? undefined : widgets.get(sid)
  if (widget === undefined) return twilioError(response, 404)
  if (request.method === "GET") return json(200, widget)
  if (request.method === "DELETE") {
    widgets.delete(widget.sid)
    response.writeHead(204).end()
    return
  }
  twilioError(response, 405)
}

const server = createServer((request, response) => {
  const chunks: Array<Buffer> = []
  request.on("data", (chunk: Buffer) => chunks.push(chunk))
  request.on("end", () => answer(request, response, Buffer.concat(chunks).toString("utf8")))
})

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})
beforeEach(() => {
  widgets.clear()
  requests.length = 0
})

const client = () => makeWidgetsClient({ baseUrl: origin, accountSid: "ACwidgets", authToken: "token" })

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error("expected the promise to reject")
}

describe("makeResourceClient on a group declared in a test, against a hand-written server", () => {
  test("the calls are named by the group's endpoints, take the caller's names and answer decoded domain values", async () => {
    const widgetsClient = client()
    const added = await widgetsClient.addWidget({ shelfSid: shelf, label: "bolt" })
    expect(added).toEqual({ sid: `WD${"0".repeat(32)}`, shelfSid: shelf, label: "bolt" })
    expect(await widgetsClient.fetchWidget({ shelfSid: shelf, sid: added.sid })).toEqual(added)
    const page = await widgetsClient.listWidgets({ shelfSid: shelf })
    expect(page.widgets).toEqual([added])
    expect(page.meta?.nextPageUrl).toBeNull()
    await expect(widgetsClient.removeWidget({ shelfSid: shelf, sid: added.sid })).resolves.toBeUndefined()
    expect(requests).toEqual([
      `POST /v1/Shelves/${shelf}/Widgets`,
      `GET /v1/Shelves/${shelf}/Widgets/${added.sid}`,
      // The query's own defaults (PageSize 3 here, not Twilio's 50).
      `GET /v1/Shelves/${shelf}/Widgets?PageSize=3&Page=0`,
      `DELETE /v1/Shelves/${shelf}/Widgets/${added.sid}`
    ])
    expect(Object.keys(widgetsClient).sort()).toEqual(["addWidget", "baseUrl", "effect", "fetchWidget", "listAllWidgets", "listWidgets", "removeWidget"])
  })

  test("listAllWidgets follows next_page_url through every page, with the page's own items key", async () => {
    const widgetsClient = client()
    const labels = ["a", "b", "c", "d", "e"]
    for (const label of labels) await widgetsClient.addWidget({ shelfSid: shelf, label })
    requests.length = 0
    const all = await widgetsClient.listAllWidgets({ shelfSid: shelf, pageSize: 2 })
    expect(all.map((widget) => widget.label)).toEqual(labels)
    expect(requests).toEqual([
      `GET /v1/Shelves/${shelf}/Widgets?PageSize=2&Page=0`,
      `GET /v1/Shelves/${shelf}/Widgets?PageSize=2&Page=1&PageToken=T1`,
      `GET /v1/Shelves/${shelf}/Widgets?PageSize=2&Page=2&PageToken=T2`
    ])
  })

  test("Twilio error bodies are TwilioApiError with status, code and Retry-After; the Effect form fails the same way", async () => {
    const widgetsClient = client()
    const missing = await rejection(widgetsClient.fetchWidget({ shelfSid: shelf, sid: "WDnone" }))
    expect(missing).toBeInstanceOf(TwilioApiError)
    expect(missing).toMatchObject({ status: 404, code: 20404, retryAfter: undefined, request: `GET ${origin}/v1/Shelves/${shelf}/Widgets/WDnone` })
    const busy = await Effect.runPromise(Effect.flip(widgetsClient.effect.addWidget({ shelfSid: shelf, label: "busy" })))
    expect(busy).toMatchObject({ _tag: "TwilioApiError", status: 429, code: 20429, retryAfter: 5 })
  })

  test("bad arguments and bad bodies are ResourceClientError, with the declaration's own rules and messages", async () => {
    const widgetsClient = client()
    const invalid = await rejection(widgetsClient.addWidget({ shelfSid: "SH1", label: "" }))
    expect(invalid).toBeInstanceOf(ResourceClientError)
    expect(invalid).toMatchObject({ _tag: "ResourceClientError", reason: "InvalidRequest", request: "addWidget" })
    expect((invalid as ResourceClientError).message).toBe(
      `addWidget: invalid arguments, nothing was sent: shelfSid: must be "SH" and 32 hexadecimal digits (received "SH1"); label: must not be empty (received "")`
    )
    expect(requests).toEqual([])
    const broken = await rejection(widgetsClient.fetchWidget({ shelfSid: shelf, sid: "WDbroken" }))
    expect(broken).toMatchObject({ reason: "InvalidResponse", status: 200 })
    expect((broken as ResourceClientError).issues.map((issue) => [issue.path, issue.received])).toEqual([[["sid"], "7"]])
  })

  test("bad options throw at once, naming the maker after the group", () => {
    expect(() => makeWidgetsClient({ baseUrl: "ftp://example.com", accountSid: "ACwidgets", authToken: "token" })).toThrow(
      `makeWidgetsClient: baseUrl must use http or https, received "ftp://example.com/"`
    )
    expect(makeWidgetsClient({ accountSid: "ACwidgets", authToken: "token" }).baseUrl).toBe("https://messaging.twilio.com")
  })

  test("a group of another shape is refused, saying what is missing", () => {
    const noDelete = HttpApiGroup.make("gadgets").add(
      HttpApiEndpoint.post("addGadget", "/v1/Gadgets", { success: Widget }),
      HttpApiEndpoint.get("listGadgets", "/v1/Gadgets", { success: WidgetPage })
    )
    expect(() => makeResourceClient(noDelete)).toThrow(
      `the client needs a membership collection (POST and GET on a collection path, GET and DELETE on its instance path); group "gadgets" has 0 DELETE endpoints, expected 1`
    )
  })

  test("the inputs are typed from the declaration", () => {
    const widgetsClient = client()
    // @ts-expect-error label is a payload field of addWidget
    void (() => widgetsClient.addWidget({ shelfSid: shelf }))
    // @ts-expect-error sid is a path parameter of fetchWidget
    void (() => widgetsClient.fetchWidget({ shelfSid: shelf }))
    expect(typeof widgetsClient.listAllWidgets).toBe("function")
  })
})
