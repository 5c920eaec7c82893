/**
 * Authentication: Twilio's Basic auth (`AccountSid:AuthToken`) for the Twilio surface, a bearer token for the admin
 * surface. Secrets are compared in constant time, as fixed-length SHA-256 digests so that the comparison does not
 * leak the stored secret's length either.
 */
import { hash, timingSafeEqual } from "node:crypto"
import { errorTable, inputErrors } from "@shortcode-kit/schema"
import type { MiddlewareHandler } from "hono"
import type { AppEnv } from "./AppEnv.js"
import { canonicalSid } from "../CanonicalSid.js"
import type { AccountRecord, Repository } from "../store/Repository.js"
import { ApiError } from "./ApiError.js"

// One-shot `hash` costs a fraction of `createHash(...).update(...).digest()`, which builds a stream object per call.
const digest = (secret: string): Buffer => hash("sha256", secret, "buffer")

/** Constant-time equality of two secrets of any length. */
export const secretsEqual = (presented: string, expected: string): boolean => timingSafeEqual(digest(presented), digest(expected))

// The digests of stored secrets (auth tokens as read from the database on each request), by the secret itself: a
// digest is a function of its text, so a token changed in the database (by this process or another) is simply a
// new key, and nothing here can vouch for a token the database no longer holds. Bounded: past the limit it starts
// over.
const STORED_DIGESTS_LIMIT = 1024
const storedDigests = new Map<string, Buffer>()
const storedDigest = (secret: string): Buffer => {
  let known = storedDigests.get(secret)
  if (known === undefined) {
    if (storedDigests.size >= STORED_DIGESTS_LIMIT) storedDigests.clear()
    known = digest(secret)
    storedDigests.set(secret, known)
  }
  return known
}

/**
 * {@link secretsEqual} for a secret the emulator holds (`stored`, read afresh from the database): its digest is
 * made once per distinct value, the presented one's on every call, and the comparison stays constant-time.
 */
export const storedSecretEquals = (presented: string, stored: string): boolean => timingSafeEqual(digest(presented), storedDigest(stored))

// Compared against when the account does not exist, so that an unknown SID costs the same as a wrong token.
const UNKNOWN_ACCOUNT_TOKEN = `unknown-${Math.random()}`

const unauthorized = (): ApiError => ApiError.answer("credentials")

/** The `user:password` of a Basic `Authorization` header, or `undefined`. */
export const basicCredentials = (header: string | undefined): { readonly user: string; readonly password: string } | undefined => {
  const m = /^Basic[ ]+([A-Za-z0-9+/]+={0,2})[ ]*$/i.exec(header ?? "")
  if (m === null) return undefined
  const decoded = Buffer.from(m[1] as string, "base64").toString("utf8")
  const colon = decoded.indexOf(":")
  if (colon < 0) return undefined
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

/**
 * `true` when `presented` is `stored`, the auth token of the account the credentials name, or `undefined` when no
 * such account exists: then it compares against a token no one holds, so an unknown account costs what a wrong
 * token does (every check of Basic credentials goes through here).
 */
export const tokenMatches = (presented: string, stored: string | undefined): boolean => {
  const matches = storedSecretEquals(presented, stored ?? UNKNOWN_ACCOUNT_TOKEN)
  return stored !== undefined && matches
}

// The `Authorization` headers that authenticated, with the account SID and the auth token they were checked
// against. A header seen again is vouched for only while the database still holds that account with that same
// token (read afresh on every request, so a token rotated by this process or another ends it at once); then the
// header is not decoded or hashed again. Only a header that carried the right token gets here, so what is kept
// tells no one anything they did not send. Bounded: past the limit it starts over.
const VERIFIED_LIMIT = 1024
const verified = new Map<string, { readonly sid: AccountRecord["sid"]; readonly token: string }>()

/** The account whose SID and auth token the Basic `Authorization` header carries, or `undefined`. */
export const authenticatedAccount = (repository: Repository, header: string | undefined): AccountRecord | undefined => {
  if (header === undefined) return undefined
  const known = verified.get(header)
  if (known !== undefined) {
    const account = repository.findAccount(known.sid)
    if (account !== undefined && account.authToken === known.token) return account
    verified.delete(header)
  }
  const credentials = basicCredentials(header)
  if (credentials === undefined) return undefined
  // The account SID of the credentials is a SID like any other: its hex digits' case does not matter.
  const account = repository.findAccount(canonicalSid(credentials.user))
  if (!tokenMatches(credentials.password, account?.authToken) || account === undefined) return undefined
  if (verified.size >= VERIFIED_LIMIT) verified.clear()
  verified.set(header, { sid: account.sid, token: account.authToken })
  return account
}

// The account each request was authenticated as, by the request object the application received: what wraps the
// application (the request journal) reads it instead of checking the credentials a second time.
const authenticatedRequests = new WeakMap<Request, string>()

/**
 * Records that `request` was authenticated as `accountSid` (by {@link twilioAuth}, or by the response cache, which
 * answers a request the application authenticated before under the same credentials and data).
 */
export const markAuthenticated = (request: Request, accountSid: string): void => {
  authenticatedRequests.set(request, accountSid)
}

/** The SID of the account `request` was authenticated as by {@link twilioAuth}, or `null` (not, or not yet). */
export const authenticatedSidOf = (request: Request): string | null => authenticatedRequests.get(request) ?? null

/** Requires Basic auth with an account's SID and auth token; the account is then `c.get("account")`. */
export const twilioAuth = (repository: Repository): MiddlewareHandler<AppEnv> => async (c, next) => {
  const account = authenticatedAccount(repository, c.req.header("Authorization"))
  if (account === undefined) throw unauthorized()
  c.set("account", account)
  markAuthenticated(c.req.raw, account.sid)
  await next()
}

/** `true` when `header` is `Bearer <admin token>` (also used by the controls outside the application). */
export const isAdminAuthorization = (header: string | undefined, adminToken: string): boolean => {
  const m = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header ?? "")
  return m !== null && storedSecretEquals(m[1] as string, adminToken)
}

/**
 * The answer to an admin request without the admin token: the status and code of row `credentials` of the schema
 * package's `inputErrors` (the admin API is the emulator's own, so its words and challenge are too).
 */
export const adminUnauthorized = (): ApiError => {
  const { code, status } = inputErrors.credentials
  return ApiError.of(code, undefined, {
    status,
    headers: { "WWW-Authenticate": 'Bearer realm="shortcode-kit emulator admin"' },
    message: `${errorTable[code].message}: the admin API needs Authorization: Bearer <ADMIN_TOKEN>`
  })
}

/** Requires `Authorization: Bearer <admin token>`. */
export const adminAuth = (adminToken: string): MiddlewareHandler => async (c, next) => {
  if (!isAdminAuthorization(c.req.header("Authorization"), adminToken)) throw adminUnauthorized()
  await next()
}
