/**
 * A typed client of the ShortCodes API: the resource client ({@link makeResourceClient}) of {@link ShortCodesGroup},
 * whose errors without a Twilio body are {@link ShortCodesClientError}s. HTTP Basic authentication, a base URL
 * (Twilio's by default, or a local server), and every response validated with the package's schemas. One object
 * offers each call twice: as a Promise, and under `effect` as an Effect.
 *
 * @since 0.1.0
 */
import { ShortCodesClientError } from "./ClientError.js"
import {
  makeResourceClient,
  makeResourceEffectClient,
  type ResourceClient,
  type ResourceClientOptions,
  type ResourceEffectClient
} from "./ResourceClient.js"
import { ShortCodesGroup } from "./ShortCodesApi.js"

/**
 * How to reach the API.
 *
 * @since 0.1.0
 */
export type ShortCodesClientOptions = ResourceClientOptions

/**
 * The calls as Effects. They need no services and fail with {@link ShortCodesClientFailure}.
 *
 * @since 0.1.0
 */
export type ShortCodesEffectClient = ResourceEffectClient<typeof ShortCodesGroup, ShortCodesClientError>

/**
 * The calls as Promises, which reject with a {@link TwilioApiError} or a {@link ShortCodesClientError}; the same
 * calls as Effects under `effect`.
 *
 * @since 0.1.0
 */
export type ShortCodesClient = ResourceClient<typeof ShortCodesGroup, ShortCodesClientError>

/** `{ serviceSid, shortCodeSid }`. @since 0.1.0 */
export type CreateShortCodeInput = Parameters<ShortCodesClient["createShortCode"]>[0]
/** `{ serviceSid, sid }`. @since 0.1.0 */
export type ShortCodeInstanceInput = Parameters<ShortCodesClient["fetchShortCode"]>[0]
/** `{ serviceSid, pageSize?, page?, pageToken? }`. @since 0.1.0 */
export type ListShortCodesInput = Parameters<ShortCodesClient["listShortCodes"]>[0]
/** `{ serviceSid, pageSize? }`. @since 0.1.0 */
export type ListAllShortCodesInput = Parameters<ShortCodesClient["listAllShortCodes"]>[0]

/**
 * The client as Effects. See {@link makeShortCodesClient} for the Promise form, which includes this one.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { makeShortCodesEffectClient } from "@shortcode-kit/schema/http"
 *
 * const client = makeShortCodesEffectClient({ accountSid: "AC...", authToken: "..." })
 * const program = client.fetchShortCode({ serviceSid: "MG...", sid: "SC..." }).pipe(
 *   Effect.catchTag("TwilioApiError", (error) => Effect.succeed(error.code))
 * )
 * ```
 * @since 0.1.0
 */
export const makeShortCodesEffectClient: (options: ShortCodesClientOptions) => ShortCodesEffectClient =
  /* @__PURE__ */ makeResourceEffectClient(ShortCodesGroup, { error: ShortCodesClientError })

/**
 * A client of the ShortCodes API, against Twilio or any server of `ShortCodesApi` (such as the emulator).
 * Each call checks its arguments, sends HTTP Basic credentials, and decodes the response with the package's
 * schemas: a success body that does not match fails with `ShortCodesClientError` (`reason: "InvalidResponse"`,
 * the paths in `issues`); a Twilio error body fails with `TwilioApiError`.
 *
 * @example
 * ```ts
 * import { makeShortCodesClient, TwilioApiError } from "@shortcode-kit/schema/http"
 *
 * const client = makeShortCodesClient({
 *   baseUrl: "http://127.0.0.1:3000",
 *   accountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
 *   authToken: "secret"
 * })
 * const serviceSid = "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
 * try {
 *   const created = await client.createShortCode({ serviceSid, shortCodeSid: "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
 *   created.dateCreated // a Date
 *   const all = await client.listAllShortCodes({ serviceSid, pageSize: 100 })
 * } catch (error) {
 *   if (error instanceof TwilioApiError) console.error(error.code, error.twilioError.moreInfo.href)
 * }
 * ```
 * @since 0.1.0
 */
export const makeShortCodesClient: (options: ShortCodesClientOptions) => ShortCodesClient =
  /* @__PURE__ */ makeResourceClient(ShortCodesGroup, { error: ShortCodesClientError })
