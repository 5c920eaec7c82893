/**
 * HTTP Basic authentication as Twilio uses it: the Account SID as user name, the Auth Token as password. The
 * security scheme keeps the name of Twilio's own OpenAPI document, `accountSid_authToken`.
 *
 * @since 0.1.0
 */
import { Context } from "effect"
import { HttpApiMiddleware, HttpApiSecurity } from "effect/http-api"
import type { AccountSid } from "../Sid.js"
import { TwilioErrorUnauthorized } from "./TwilioErrorResponse.js"

/**
 * The account a request was authenticated as. A server's implementation of {@link ShortCodesAuthorization}
 * provides it to every handler.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { AuthenticatedAccount } from "@shortcode-kit/schema/http"
 *
 * const owner = Effect.map(AuthenticatedAccount, (account) => account.accountSid)
 * ```
 * @since 0.1.0
 */
export class AuthenticatedAccount extends Context.Service<AuthenticatedAccount, { readonly accountSid: AccountSid }>()(
  "@shortcode-kit/schema/http/AuthenticatedAccount"
) {}

/**
 * The security middleware of every ShortCodes endpoint: scheme `accountSid_authToken` (HTTP Basic). Failing it is
 * a `401` with a Twilio error body. A server implements it (check the credential, provide
 * {@link AuthenticatedAccount}); the client in this module sends the credential itself and needs no implementation.
 *
 * @example
 * ```ts
 * import { Effect, Layer, Redacted } from "effect"
 * import { randomAccountSid, makeTwilioError } from "@shortcode-kit/schema"
 * import { AuthenticatedAccount, ShortCodesAuthorization } from "@shortcode-kit/schema/http"
 *
 * const accountSid = randomAccountSid()
 * const AuthorizationLive = Layer.succeed(ShortCodesAuthorization, {
 *   accountSid_authToken: (handler, { credential }) =>
 *     credential.username === accountSid && Redacted.value(credential.password) === "token"
 *       ? Effect.provideService(handler, AuthenticatedAccount, { accountSid })
 *       : Effect.fail(makeTwilioError(20003))
 * })
 * ```
 * @since 0.1.0
 */
export class ShortCodesAuthorization extends HttpApiMiddleware.Service<ShortCodesAuthorization, {
  provides: AuthenticatedAccount
}>()("@shortcode-kit/schema/http/ShortCodesAuthorization", {
  security: { accountSid_authToken: HttpApiSecurity.basic },
  error: TwilioErrorUnauthorized
}) {}
