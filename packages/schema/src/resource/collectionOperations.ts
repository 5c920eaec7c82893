/**
 * The operations of a declared collection resource, as data: each one's method, the path it is sent to, its success
 * status, the body it answers with and the input errors it can meet. `http/collection.ts` makes the endpoints from it, and tools that send or
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
 * `inputErrors` names the rows of `inputErrors` an operation can meet whatever the resource, each with the summary
 * its response is documented with: a create's form body over the limit (413), a list's query out of range (400).
 * A resource's own answers (an unknown parent, a taken member) are in its declaration.
 *
 * @example
 * ```ts
 * import { collectionOperations } from "@shortcode-kit/schema"
 *
 * collectionOperations.create.method // "POST"
 * collectionOperations.create.status // 201
 * collectionOperations.list.inputErrors[0]?.row // "parameter.invalid"
 * ```
 * @since 0.2.0
 */
export const collectionOperations = {
  create: {
    method: "POST",
    path: "collection",
    status: 201,
    body: "member",
    inputErrors: [{ row: "body.too-large", summary: "Payload too large: the form body exceeds what the server accepts" }]
  },
  list: {
    method: "GET",
    path: "collection",
    status: 200,
    body: "page",
    inputErrors: [{ row: "parameter.invalid", summary: "Bad request: PageSize or Page is not a whole number in range" }]
  },
  fetch: { method: "GET", path: "instance", status: 200, body: "member", inputErrors: [] },
  delete: { method: "DELETE", path: "instance", status: 204, body: "none", inputErrors: [] }
} as const

/**
 * The name of one operation of a declared collection (`"create"`, `"list"`, `"fetch"`, `"delete"`).
 *
 * @since 0.2.0
 */
export type CollectionOperation = keyof typeof collectionOperations
