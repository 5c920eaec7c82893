/**
 * The success status of each operation of a declared collection resource, as data: what `http/collection.ts` gives
 * its endpoints and what tools that expect an answer (the validator's request arbitraries, a client) read instead of
 * restating it.
 *
 * @since 0.2.0
 */

/**
 * `create` (`POST` collection) 201 Created, `list` (`GET` collection) and `fetch` (`GET` instance) 200, `delete`
 * (`DELETE` instance) 204 No Content, as in Twilio's official OpenAPI document for every collection this package
 * declares.
 *
 * @example
 * ```ts
 * import { collectionSuccessStatuses } from "@shortcode-kit/schema"
 *
 * collectionSuccessStatuses.create // 201
 * ```
 * @since 0.2.0
 */
export const collectionSuccessStatuses = { create: 201, list: 200, fetch: 200, delete: 204 } as const
