/**
 * The admin surface, apart from Twilio's paths and guarded by its own bearer token: what a test suite uses to set up
 * state that Twilio's API cannot create (accounts, short-code inventory), and to see or load all of it at once.
 *
 * - `POST /admin/accounts` `{ sid?, auth_token? }` -> 201 `{ sid, auth_token }`
 * - `POST /admin/services` `{ sid?, account_sid, friendly_name }` -> 201
 * - `POST /admin/short-codes` `{ sid?, account_sid, short_code, country_code?, capabilities?, service_sid? }` -> 201
 * - `POST /admin/phone-numbers` `{ sid?, account_sid, phone_number, country_code?, capabilities?, service_sid? }` -> 201
 * - `GET /admin/dump` -> the whole state in the seed format
 * - `POST /admin/seed` (seed format) -> 200 `{ accounts, services, short_codes, phone_numbers, memberships }` added
 */
import { type AccountSid, MessagingServiceResource, type ServiceSid, toValidationIssues } from "@shortcode-kit/schema"
import { Result, Schema, type SchemaIssue } from "effect"
import type { Context, Hono, MiddlewareHandler } from "hono"
import { CreateAccountBody, CreatePhoneNumberBody, CreateServiceBody, CreateShortCodeBody, SeedReportBody } from "../AdminRequests.js"
import { Seed, SeedAccount, SeedPhoneNumber, SeedService, SeedShortCode } from "../Seed.js"
import { dumpSeed, loadSeed, SeedConflictError } from "../Seeding.js"
import { randomAuthToken } from "../controls/authToken.js"
import type { AddSenderRefusal, InsertOutcome, Repository } from "../store/Repository.js"
import { type AnyInventoryKind, numberOf, PHONE_NUMBER, type SenderInput, SHORT_CODE } from "../store/SenderKinds.js"
import { ApiError, notFound } from "../http/ApiError.js"
import { bodyText } from "../http/body.js"
import type { AppEnv } from "../http/AppEnv.js"
import { resource } from "../http/resource.js"
import { respondWith } from "../http/respond.js"

export interface AdminRoutesOptions {
  readonly repository: Repository
  readonly auth: MiddlewareHandler<AppEnv>
  /** Makes the auth token of an account created without one. Default {@link randomAuthToken}. */
  readonly newAuthToken?: () => string
}

const invalidBody = (message: string): ApiError => ApiError.answer("parameter.invalid", { param: "body", reason: message })

const conflict = (message: string): ApiError => ApiError.of(20001, undefined, { status: 409, message })

/** One text for every bad field of `json`: `field: reason (received ...)`, joined with `; `. */
export const describeIssues = (issue: SchemaIssue.Issue, json: unknown): string =>
  toValidationIssues(issue, json).map((i) => `${i.path.length === 0 ? "(root)" : i.path.join(".")}: ${i.message} (received ${i.received})`).join("; ")

/**
 * Reads a JSON body and decodes it with `schema`; every failure is a 400 naming the field and the reason.
 * `onExcessProperty: "error"` also refuses, by name, a field the schema does not have.
 */
export const readJson = <S extends Schema.Decoder<unknown, never>>(
  c: Context<AppEnv>,
  schema: S,
  options: { readonly onExcessProperty?: "ignore" | "error" } = {}
): S["Type"] => {
  const contentType = c.req.header("Content-Type")
  if (contentType?.split(";")[0]?.trim().toLowerCase() !== "application/json") {
    throw invalidBody(`the admin API takes application/json; ${contentType === undefined ? "the request has no Content-Type" : `the Content-Type was ${JSON.stringify(contentType)}`}`)
  }
  let json: unknown
  try {
    json = JSON.parse(bodyText(c))
  } catch (error) {
    throw invalidBody(`the body is not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  const result = Schema.decodeUnknownResult(schema)(json, { errors: "all", ...options })
  if (Result.isSuccess(result)) return result.success
  throw invalidBody(describeIssues(result.failure.issue, json))
}

const inserted = <A>(outcome: InsertOutcome<A>, accountSid: string): A => {
  switch (outcome._tag) {
    case "Inserted":
      return outcome.value
    case "Conflict":
      throw conflict(`Conflict: ${outcome.reason}`)
    case "AccountNotFound":
      // The account's own resource in Twilio's REST API, as the 404 of an unknown sender names the sender's.
      throw notFound(`/2010-04-01/Accounts/${accountSid}.json`)
  }
}

/**
 * The placement of a sender the same request inserted: an unknown service is 404, a full pool 21714. `number` names
 * what was sent, for the case that cannot happen to a sender inserted a moment ago.
 */
const placed = (outcome: { readonly _tag: "Added" } | AddSenderRefusal<string>, serviceSid: string, number: string): void => {
  if (outcome._tag === "Added") return
  if (outcome._tag === "ServiceNotFound") throw notFound(MessagingServiceResource.pathOf("instance", { Sid: serviceSid }))
  if (outcome._tag === "PoolFull") throw ApiError.of(21714)
  throw conflict(`Conflict: the number ${number} could not be placed in ${serviceSid}`)
}

export const registerAdminRoutes = (app: Hono<AppEnv>, options: AdminRoutesOptions): void => {
  const { repository, auth, newAuthToken = randomAuthToken } = options

  resource(app, "/admin/accounts", auth, {
    POST: (c) => {
      const body = readJson(c, CreateAccountBody)
      const account = inserted(
        repository.insertAccount({ ...(body.sid === undefined ? {} : { sid: body.sid }), authToken: body.authToken ?? newAuthToken() }),
        body.sid ?? ""
      )
      return respondWith(c, SeedAccount, { sid: account.sid, authToken: account.authToken }, 201)
    }
  })

  resource(app, "/admin/services", auth, {
    POST: (c) => {
      const { sid, ...rest } = readJson(c, CreateServiceBody)
      const service = inserted(repository.insertService({ ...rest, ...(sid === undefined ? {} : { sid }) }), rest.accountSid)
      return respondWith(c, SeedService, { sid: service.sid, accountSid: service.accountSid, friendlyName: service.friendlyName }, 201)
    }
  })

  // A sender of the inventory, per kind, at /admin/<its table's name with dashes>. Insert and placement succeed or
  // fail together; the answer is what was stored, in the seed format.
  const inventoryRoute = <K extends AnyInventoryKind>(
    kind: K,
    body: Schema.Decoder<{ readonly sid?: string; readonly accountSid: AccountSid; readonly serviceSid: ServiceSid | null }, never>,
    answer: Schema.Codec<unknown, unknown>
  ): void =>
    resource(app, `/admin/${kind.inventory.replaceAll("_", "-")}`, auth, {
      POST: (c) => {
        const { sid, serviceSid, ...rest } = readJson(c, body)
        const created = repository.transaction(() => {
          const sender = inserted(repository.insertSender(kind, { ...rest, ...(sid === undefined ? {} : { sid }) } as SenderInput<K>), rest.accountSid)
          if (serviceSid !== null) placed(repository.addSender(kind, rest.accountSid, serviceSid, sender.sid), serviceSid, numberOf(kind, rest))
          return sender
        })
        return respondWith(c, answer, { ...rest, sid: created.sid, serviceSid }, 201)
      }
    })
  inventoryRoute(SHORT_CODE, CreateShortCodeBody, SeedShortCode)
  inventoryRoute(PHONE_NUMBER, CreatePhoneNumberBody, SeedPhoneNumber)

  resource(app, "/admin/dump", auth, {
    GET: (c) => respondWith(c, Seed, dumpSeed(repository), 200)
  })

  resource(app, "/admin/seed", auth, {
    POST: (c) => {
      const seed = readJson(c, Seed)
      try {
        return respondWith(c, SeedReportBody, loadSeed(repository, seed), 200)
      } catch (error) {
        if (error instanceof SeedConflictError) throw conflict(error.message)
        throw error
      }
    }
  })
}
