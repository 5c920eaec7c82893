// The harness knows no ShortCodes fact: a second, test-only resource of the same shape (the widgets of a shelf),
// declared here with HttpApiEndpoint, gets a target from its group alone plus its table of error answers, and every
// check runs against a tiny widget server on 127.0.0.1; a planted bug in that server is caught in widget words.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { moreInfoUrl, sidString } from "@shortcode-kit/schema"
import { AlphaSendersGroup, corsHeaders, PhoneNumbersGroup, twilioErrorResponse, TwilioErrorUnauthorized } from "@shortcode-kit/schema/http"
import { alphaSendersTarget, type ConformanceTarget, conformanceTarget, phoneNumbersTarget, runConformance, shortCodesTarget } from "@shortcode-kit/validator/conformance"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, HttpApiMiddleware, HttpApiSchema } from "effect/http-api"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

// ---- The declaration of the widgets resource: everything the harness reads. ----
const ShelfSid = sidString("SH")
const WidgetSid = sidString("WD")
const AccountSid = sidString("AC")
const Widget = Schema.Struct({ sid: WidgetSid, account_sid: AccountSid, shelf_sid: ShelfSid, label: Schema.String }).annotate({ identifier: "Widget" })
const WidgetPage = Schema.Struct({
  widgets: Schema.Array(Widget),
  meta: Schema.Struct({ page_size: Schema.Number, next_page_url: Schema.NullOr(Schema.String) })
}).annotate({ identifier: "WidgetPage" })
const Shelf = Schema.Struct({ ShelfSid })
const Instance = Schema.Struct({ ShelfSid, Sid: Schema.String })
const CreateWidget = Schema.Struct({ WidgetSid, Note: Schema.optionalKey(Schema.String) })
const PageSize = Schema.NumberFromString.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 1000 }))
const ListQuery = Schema.Struct({
  PageSize: Schema.optionalKey(PageSize),
  Page: Schema.optionalKey(Schema.NumberFromString.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0))),
  PageToken: Schema.optionalKey(Schema.String)
})
const WidgetNotFound = twilioErrorResponse(404, "no such shelf or widget", [20404])

class WidgetsAuthorization extends HttpApiMiddleware.Service<WidgetsAuthorization>()("test/WidgetsAuthorization", {
  error: TwilioErrorUnauthorized
}) {}

const collection = "/v2/Shelves/:ShelfSid/Widgets"
const WidgetsGroup = HttpApiGroup.make("widgets").add(
  HttpApiEndpoint.post("createWidget", collection, {
    params: Shelf,
    payload: CreateWidget.pipe(HttpApiSchema.asFormUrlEncoded()),
    success: Widget.pipe(HttpApiSchema.status(201)),
    error: [twilioErrorResponse(400, "bad form", [20001, 21421]), WidgetNotFound, twilioErrorResponse(409, "already on a shelf", [21710])]
  }),
  HttpApiEndpoint.get("listWidgets", collection, { params: Shelf, query: ListQuery, success: WidgetPage, error: [twilioErrorResponse(400, "bad query", [20001]), WidgetNotFound] }),
  HttpApiEndpoint.get("fetchWidget", `${collection}/:Sid`, { params: Instance, success: Widget, error: WidgetNotFound }),
  HttpApiEndpoint.delete("deleteWidget", `${collection}/:Sid`, { params: Instance, success: HttpApiSchema.NoContent, error: WidgetNotFound })
).middleware(WidgetsAuthorization)

// The widgets' own table of error answers for the create form.
const widgetFaults = {
  "body.missing-widget-sid": { status: 400, code: 20001, why: "WidgetSid is required" },
  "body.repeated-widget-sid": { status: 400, code: 20001, why: "WidgetSid given twice is refused" },
  "body.malformed-widget-sid": { status: 400, code: 21421, why: "WidgetSid is not WD followed by 32 hexadecimal digits" }
} as const

const widgets: ConformanceTarget = conformanceTarget(WidgetsGroup, {
  faults: {
    requests: ({ parentSid, memberSid }) =>
      fc.constantFrom(
        ["body.missing-widget-sid", "Note=x"],
        ["body.missing-widget-sid", ""],
        ["body.repeated-widget-sid", `WidgetSid=${memberSid ?? "WD"}&WidgetSid=${memberSid ?? "WD"}`]
      ).map(([fault, body]) => ({
        fault,
        method: "POST",
        path: `/v2/Shelves/${parentSid}/Widgets`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
        answer: widgetFaults[fault as keyof typeof widgetFaults]
      })),
    malformedMember: widgetFaults["body.malformed-widget-sid"]
  }
})

// ---- A tiny widget server: an account with one shelf and an inventory of widgets. ----
const hex = (c: string) => c.repeat(32)
const AC = `AC${hex("a")}`
const TOKEN = "widget-token"
const SHELF = `SH${hex("b")}`
const INVENTORY = [`WD${hex("1")}`, `WD${hex("2")}`, `WD${hex("3")}`]

interface Bugs {
  /** A second add of a widget already on the shelf answers 201 instead of the conflict. */
  addTwice: boolean
}

const startWidgetServer = async (bugs: Bugs) => {
  const onShelf: Array<string> = []
  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { ...corsHeaders, ...(body === undefined ? {} : { "Content-Type": "application/json" }) })
    res.end(body === undefined ? undefined : JSON.stringify(body))
  }
  const error = (res: ServerResponse, status: number, code: number) => send(res, status, { code, message: `error ${code}`, more_info: moreInfoUrl(code), status })
  const widget = (sid: string) => ({ sid, account_sid: AC, shelf_sid: SHELF, label: `widget ${sid.slice(-4)}` })
  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? "/", "http://widgets.test")
    if (req.method === "OPTIONS") return send(res, 204)
    if (req.headers.authorization !== `Basic ${Buffer.from(`${AC}:${TOKEN}`).toString("base64")}`) return error(res, 401, 20003)
    const parts = url.pathname.split("/")
    if (parts[1] !== "v2" || parts[2] !== "Shelves" || parts[4] !== "Widgets" || parts.length > 6) return error(res, 404, 20404)
    if (parts[3] !== SHELF) return error(res, 404, 20404)
    const sid = parts[5]
    if (sid === undefined) {
      if (req.method === "GET") {
        const query = Object.fromEntries(url.searchParams)
        if ([...url.searchParams.keys()].some((name, i, all) => all.indexOf(name) !== i)) return error(res, 400, 20001)
        const decoded = Schema.decodeUnknownOption(ListQuery)(query)
        if (decoded._tag === "None") return error(res, 400, 20001)
        const size = decoded.value.PageSize ?? 50
        const from = Number(decoded.value.PageToken ?? 0)
        const items = onShelf.slice(from, from + size)
        const next = from + size < onShelf.length ? `http://widgets.test${url.pathname}?PageSize=${size}&PageToken=${from + size}` : null
        return send(res, 200, { widgets: items.map(widget), meta: { page_size: size, next_page_url: next } })
      }
      if (req.method === "POST") {
        const form = new URLSearchParams(req.headers["content-type"]?.startsWith("application/x-www-form-urlencoded") === true ? body : "")
        const given = form.getAll("WidgetSid")
        if (given.length !== 1 || given[0] === "") return error(res, 400, 20001)
        const member = given[0] as string
        if (!Schema.is(WidgetSid)(member) || !INVENTORY.includes(member)) return error(res, 400, 21421)
        if (onShelf.includes(member) && !bugs.addTwice) return error(res, 409, 21710)
        if (!onShelf.includes(member)) onShelf.push(member)
        return send(res, 201, widget(member))
      }
      return error(res, 405, 20004)
    }
    if (req.method !== "GET" && req.method !== "DELETE") return error(res, 405, 20004)
    if (!onShelf.includes(sid)) return error(res, 404, 20404)
    if (req.method === "GET") return send(res, 200, widget(sid))
    onShelf.splice(onShelf.indexOf(sid), 1)
    return send(res, 204)
  }
  const server = createServer((req, res) => {
    let body = ""
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")))
    req.on("end", () => handle(req, res, body))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

describe("conformanceTarget", () => {
  it("reads the membership collection from the group: paths, methods, statuses, codes, form field, page key, bodies", () => {
    expect({
      name: widgets.name,
      words: widgets.words,
      bodies: widgets.bodies,
      parent: { param: widgets.parent.param, prefix: widgets.parent.prefix, collectionPath: widgets.parent.collectionPath, instance: widgets.parent.instancePath("SH 1") },
      member: { field: widgets.member.field, prefix: widgets.member.prefix },
      root: widgets.root,
      formType: widgets.formType,
      paths: [widgets.collectionPath(SHELF), widgets.instancePath(SHELF, "WD 1")],
      methods: widgets.methods,
      pageKey: widgets.pageKey,
      success: widgets.success,
      errors: widgets.errors
    }).toStrictEqual({
      name: "widgets",
      words: { member: "widget", members: "widgets", sid: "Widget SID", parent: "shelf" },
      bodies: { member: "Widget", page: "WidgetPage" },
      parent: { param: "ShelfSid", prefix: "SH", collectionPath: "/v2/Shelves", instance: "/v2/Shelves/SH%201" },
      member: { field: "WidgetSid", prefix: "WD" },
      root: "/v2/",
      formType: "application/x-www-form-urlencoded",
      paths: [`/v2/Shelves/${SHELF}/Widgets`, `/v2/Shelves/${SHELF}/Widgets/WD%201`],
      methods: { collection: ["POST", "GET"], instance: ["GET", "DELETE"] },
      pageKey: "widgets",
      success: { added: 201, listed: 200, fetched: 200, removed: 204 },
      errors: {
        notFound: { status: 404, code: 20404 },
        alreadyMember: { status: 409, code: 21710 },
        invalidQuery: { status: 400, code: 20001 },
        unauthorized: { status: 401, code: 20003 },
        methodNotAllowed: { status: 405, code: 20004 },
        malformedMember: widgetFaults["body.malformed-widget-sid"],
        // The widgets declare one conflict code and no 400 beyond the form's: no pool answers.
        inAnotherParent: undefined,
        poolFull: undefined
      }
    })
    expect(widgets.creates).toBeUndefined()
    expect(widgets.isValidListQuery("PageSize=5")).toBe(true)
    expect(widgets.isValidListQuery("PageSize=0")).toBe(false)
    expect(widgets.isValidListQuery("PageSize=5&PageSize=5")).toBe(false)
    // The ShortCodes target is the same derivation over ShortCodesGroup.
    expect([shortCodesTarget.collectionPath(SHELF), shortCodesTarget.member.field, shortCodesTarget.pageKey, shortCodesTarget.errors.alreadyMember]).toStrictEqual([
      `/v1/Services/${SHELF}/ShortCodes`, "ShortCodeSid", "short_codes", { status: 409, code: 21710 }
    ])
  })

  it("reads a collection that creates its members from a value: AlphaSenders from its group, inputErrors and the arbitraries", () => {
    const t = alphaSendersTarget
    expect([t.member.field, t.member.prefix, t.collectionPath(SHELF), t.pageKey, t.bodies]).toStrictEqual([
      "AlphaSender", "AI", `/v1/Services/${SHELF}/AlphaSenders`, "alpha_senders", { member: "AlphaSender", page: "AlphaSenderPage" }
    ])
    expect(t.member.is(`AI${hex("a")}`)).toBe(true)
    expect(t.member.is(`SC${hex("a")}`)).toBe(false)
    // The second alpha sender of a service: the create's 400 code that is not a missing or repeated field's.
    expect([t.creates?.perParent, t.creates?.full, t.errors.alreadyMember, t.creates?.echoKey]).toStrictEqual([1, { status: 400, code: 21709 }, { status: 400, code: 21709 }, "alpha_sender"])
    expect([t.errors.inAnotherParent, t.errors.poolFull]).toStrictEqual([undefined, undefined])
    const invalid = fc.sample(t.creates?.invalid() ?? fc.constant(undefined), { numRuns: 30, seed: 1 })
    expect(new Set(invalid.map((miss) => miss?.rule))).toStrictEqual(new Set(["alpha-sender.length", "alpha-sender.characters", "alpha-sender.not-only-digits"]))
    for (const miss of invalid) expect([miss?.answer.status, miss?.answer.code, miss?.answer.why.startsWith(`AlphaSender ${JSON.stringify(miss?.value)} breaks ${miss?.rule}: `)]).toStrictEqual([400, 21709, true])
    // Its faults send a valid alpha sender beside each fault, and rule-breaking ones instead of malformed SIDs.
    const faults = fc.sample(t.faults({ parentSid: SHELF, memberSid: undefined }), { numRuns: 200, seed: 1 })
    expect(faults.filter((f) => f.fault.startsWith("body.alpha-sender.")).every((f) => f.answer.code === 21709)).toBe(true)
    expect(faults.filter((f) => f.fault === "body.repeated-AlphaSender").map((f) => f.answer.code)).toContain(20001)
    // The membership targets' pool answers: the conflict after "already a member", the 400 no form fault gives.
    expect([shortCodesTarget.errors.inAnotherParent, shortCodesTarget.errors.poolFull, phoneNumbersTarget.errors.inAnotherParent, phoneNumbersTarget.errors.poolFull]).toStrictEqual([
      { status: 409, code: 21712 }, { status: 400, code: 21714 }, { status: 409, code: 21712 }, { status: 400, code: 21714 }
    ])
    expect(shortCodesTarget.creates).toBeUndefined()
  })

  it("refuses a value form without creates, and a SID form with them", () => {
    expect(() => conformanceTarget(AlphaSendersGroup, {})).toThrow(new TypeError("conformanceTarget: AlphaSender is not a SID: pass creates (its valid and invalid values)"))
    expect(() => conformanceTarget(PhoneNumbersGroup, { creates: { valid: () => fc.constant("x"), invalid: () => fc.constant({ value: "", rule: "x" }) } })).toThrow(
      new TypeError("conformanceTarget: PhoneNumberSid is a SID: a membership collection takes no creates")
    )
  })

  it("refuses a group that is not a membership collection, saying what is missing", () => {
    const lonely = HttpApiGroup.make("lonely").add(HttpApiEndpoint.get("listOnly", collection, { params: Shelf, query: ListQuery, success: WidgetPage }))
    expect(() => conformanceTarget(lonely, { faults: { requests: () => fc.constant(undefined as never), malformedMember: widgetFaults["body.malformed-widget-sid"] } })).toThrow(
      new TypeError("conformanceTarget: lonely: the create endpoint (POST): expected exactly one, found 0")
    )
    // A create endpoint without a Conflict: the answer to a second add is not in the contract.
    const endpoints = Object.values(WidgetsGroup.endpoints)
    const noConflict = HttpApiGroup.make("noConflict").add(
      HttpApiEndpoint.post("createWidget", collection, { params: Shelf, payload: CreateWidget.pipe(HttpApiSchema.asFormUrlEncoded()), success: Widget.pipe(HttpApiSchema.status(201)), error: WidgetNotFound }),
      ...endpoints.filter((endpoint) => endpoint.method !== "POST")
    ).middleware(WidgetsAuthorization)
    expect(() => conformanceTarget(noConflict, { faults: { requests: widgets.faults, malformedMember: widgets.errors.malformedMember } })).toThrow(
      new TypeError("conformanceTarget: the create endpoint declares no 409")
    )
  })
})

describe("runConformance with a target built from a test-only group", () => {
  const base = { accountSid: AC, authToken: TOKEN, serviceSid: SHELF, memberSids: INVENTORY.slice(0, 2), target: widgets, runs: 8 }
  let correct: Awaited<ReturnType<typeof startWidgetServer>>
  let buggy: Awaited<ReturnType<typeof startWidgetServer>>
  beforeAll(async () => {
    correct = await startWidgetServer({ addTwice: false })
    buggy = await startWidgetServer({ addTwice: true })
  })
  afterAll(async () => {
    await correct.close()
    await buggy.close()
  })

  it("passes every check against a correct widget server, and restores the shelf", async () => {
    const report = await runConformance({ ...base, baseUrl: correct.url })
    expect(report.checks.map((check) => [check.name, check.status, check.failures.map((failure) => failure.message)])).toStrictEqual(
      report.checks.map((check) => [check.name, "passed", []])
    )
    expect(report.setupError).toBeNull()
    expect(report.cleanup).toStrictEqual({ restored: true, problems: [] })
  })

  it("catches a planted bug of the widget server in the widgets' own terms", async () => {
    const report = await runConformance({ ...base, baseUrl: buggy.url, checks: ["stateful"], runs: 30 })
    const failure = report.checks[0]?.failures[0]
    expect(report.checks[0]?.status).toBe("failed")
    expect(failure?.message).toMatch(/^wrong status: POST http:\/\/127\.0\.0\.1:\d+\/v2\/Shelves\/SHb{32}\/Widgets answered 201, expected 409$/)
    expect(failure?.expected).toMatch(/^409 with Twilio error 21710: WD\w{32} was added to the shelf above: a second add is 409 with code 21710$/)
  })

  it("checks the member SIDs against the target's own SID", async () => {
    await expect(runConformance({ ...base, baseUrl: correct.url, memberSids: [`SC${hex("1")}`] })).rejects.toThrow(
      new TypeError(`runConformance: memberSids[0] must be "WD" followed by 32 hexadecimal digits, received "SC${hex("1")}"`)
    )
  })
})
