/**
 * The `HttpApi` endpoints of a declared collection resource (resource/Resource.ts): create (`POST` collection,
 * form body, `201`), list (`GET` collection, `200` page), fetch (`GET` instance, `200`) and delete (`DELETE`
 * instance, `204`), each with the error answers its declaration lists, Twilio's operation id, its summary and its
 * parameter descriptions (the list query's, and its 400 answer, are the same for every collection); and the group of the four, behind HTTP Basic security.
 *
 * @since 0.2.0
 */
import { HttpApiEndpoint, HttpApiGroup, HttpApiSchema, OpenApi } from "effect/http-api"
import { errorTable } from "../ErrorTable.js"
import { listQueryDescriptions } from "../resource/listQuery.js"
import { collectionOperations as ops } from "../resource/collectionOperations.js"
import type { AnyResource, ErrorAnswer, OperationDeclaration } from "../resource/Resource.js"
import { ShortCodesAuthorization } from "./Authorization.js"
import { describeParameters } from "./internal/openApiTransforms.js"
import { inputErrorResponse, twilioErrorResponse, type TwilioErrorStatus } from "./TwilioErrorResponse.js"

// Any declared resource; the endpoints keep its exact types.
type Singular<R extends AnyResource> = R["declaration"]["singular"]
type Plural<R extends AnyResource> = R["declaration"]["plural"]

/** The error response of one declared answer: its status is its codes' status in `errorTable`. */
const errorResponse = (answer: ErrorAnswer) => {
  const status = errorTable[answer.codes[0]].status
  for (const code of answer.codes) {
    if (errorTable[code].status !== status) {
      throw new Error(`an error answer's codes must share one HTTP status: ${code} is ${errorTable[code].status}, ${answer.codes[0]} is ${status}`)
    }
  }
  return twilioErrorResponse(status as TwilioErrorStatus, answer.summary, answer.codes)
}

/** The error responses of an operation: its declared answers, then the input errors every collection's meets. */
const errorsOf = (operation: OperationDeclaration, shared: (typeof ops)[keyof typeof ops]) => [
  ...operation.errors.map(errorResponse),
  ...shared.inputErrors.map(({ row, summary }) => inputErrorResponse(row, summary))
]

const documented = (operationId: string, operation: OperationDeclaration, more: Readonly<Record<string, string>> = {}) =>
  OpenApi.annotations({
    identifier: operationId,
    summary: operation.summary,
    transform: describeParameters({ ...operation.parameters, ...more })
  })

const uncapitalize = <S extends string>(text: S): Uncapitalize<S> => `${text.charAt(0).toLowerCase()}${text.slice(1)}` as Uncapitalize<S>

/**
 * The four endpoints of `resource`: `create<Singular>`, `list<Plural>`, `fetch<Singular>`, `delete<Singular>`.
 *
 * @since 0.2.0
 */
export const collectionEndpoints = <R extends AnyResource>(resource: R) => {
  const { singular, plural, operations } = resource.declaration as { singular: Singular<R>; plural: Plural<R>; operations: R["declaration"]["operations"] }
  // Each operation's method, path, status and body are collectionOperations'; what they name is the resource's.
  const paths = { collection: resource.collectionPath as R["collectionPath"], instance: resource.instancePath as R["instancePath"] }
  const bodies = { member: resource.codec as R["codec"], page: resource.page as R["page"] }
  const { create: c, list: l, fetch: f, delete: d } = ops
  const create = HttpApiEndpoint.make(c.method)(`create${singular}`, paths[c.path], {
    params: resource.collectionParams as R["collectionParams"],
    payload: (resource.createRequest as R["createRequest"]).pipe(HttpApiSchema.asFormUrlEncoded()),
    success: bodies[c.body].pipe(HttpApiSchema.status(c.status)).annotate({ description: operations.create.success }),
    error: errorsOf(operations.create, c)
  }).annotateMerge(documented(`Create${singular}`, operations.create))
  const list = HttpApiEndpoint.make(l.method)(`list${plural}`, paths[l.path], {
    params: resource.collectionParams as R["collectionParams"],
    query: resource.listQuery as R["listQuery"],
    success: bodies[l.body].pipe(HttpApiSchema.status(l.status)).annotate({ description: operations.list.success }),
    error: errorsOf(operations.list, l)
  }).annotateMerge(documented(`List${singular}`, operations.list, listQueryDescriptions))
  const fetch = HttpApiEndpoint.make(f.method)(`fetch${singular}`, paths[f.path], {
    params: resource.instanceParams as R["instanceParams"],
    success: bodies[f.body].pipe(HttpApiSchema.status(f.status)).annotate({ description: operations.fetch.success }),
    error: errorsOf(operations.fetch, f)
  }).annotateMerge(documented(`Fetch${singular}`, operations.fetch))
  const remove = HttpApiEndpoint.make(d.method)(`delete${singular}`, paths[d.path], {
    params: resource.instanceParams as R["instanceParams"],
    success: HttpApiSchema.Empty(d.status).annotate({ description: operations.delete.success }),
    error: errorsOf(operations.delete, d)
  }).annotateMerge(documented(`Delete${singular}`, operations.delete))
  return { create, list, fetch, delete: remove }
}

/** The endpoints {@link collectionEndpoints} derives. @since 0.2.0 */
export type CollectionEndpoints<R extends AnyResource> = ReturnType<typeof collectionEndpoints<R>>

/**
 * The group of the four endpoints, all behind {@link ShortCodesAuthorization} (Twilio's account credentials). Its
 * identifier, the plural uncapitalized (`shortCodes`), is the client's namespace and the OpenAPI tag.
 *
 * @since 0.2.0
 */
export const collectionGroup = <R extends AnyResource>(resource: R, endpoints: CollectionEndpoints<R>) =>
  HttpApiGroup.make(uncapitalize(resource.declaration.plural as Plural<R>))
    .add(endpoints.create, endpoints.list, endpoints.fetch, endpoints.delete)
    .middleware(ShortCodesAuthorization)
    .annotateMerge(OpenApi.annotations({ description: resource.declaration.groupDescription }))
