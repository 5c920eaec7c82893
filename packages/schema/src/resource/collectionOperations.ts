/**
 * The operations of a declared collection resource, as data: each one's method, the path it is sent to, its success
 * status and the body it answers with. `http/collection.ts` makes the endpoints from it, and tools that send or
 * route requests (the validator's response checks, request arbitraries and conformance harness) read it instead of
 * restating it.
 *
 * @since 0.2.0
 */

/**
 * `create`: `POST` on the collection path, 201 Created with the member. `list`: `GET` on the collection path, 200
 * with a page. `fetch`: `GET` on the instance path, 200 with the member. `delete`: `DELETE` on the instance path,
 * 204 No Content. As in Twilio's official OpenAPI document for every collection this package declares.
 *
 * @example
 * ```ts
 * import { collectionOperations } from "@shortcode-kit/schema"
 *
 * collectionOperations.create // { method: "POST", path: "collection", status: 201, body: "member" }
 * ```
 * @since 0.2.0
 */
export const collectionOperations = {
  create: { method: "POST", path: "collection", status: 201, body: "member" },
  list: { method: "GET", path: "collection", status: 200, body: "page" },
  fetch: { method: "GET", path: "instance", status: 200, body: "member" },
  delete: { method: "DELETE", path: "instance", status: 204, body: "none" }
} as const

/**
 * The name of one operation of a declared collection (`"create"`, `"list"`, `"fetch"`, `"delete"`).
 *
 * @since 0.2.0
 */
export type CollectionOperation = keyof typeof collectionOperations
