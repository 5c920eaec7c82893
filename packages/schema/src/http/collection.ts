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
import { collectionSuccessStatuses as statuses } from "../resource/successStatuses.js"
import type { ErrorAnswer, OperationDeclaration, Resource } from "../resource/Resource.js"
import { ShortCodesAuthorization } from "./Authorization.js"
import { describeParameters } from "./internal/openApiTransforms.js"
import { inputErrorResponse, twilioErrorResponse, type TwilioErrorStatus } from "./TwilioErrorResponse.js"

// Any declared resource; the endpoints keep its exact types.
type AnyResource = Resource<any, any, any, any, any, `/${string}`, any, any, any>
type Singular<R extends AnyResource> = R["declaration"]["singular"]
type Plural<R extends AnyResource> = R["declaration"]["plural"]

// Every form-bodied endpoint can meet a body larger than the server takes (inputErrors' row says how it is answered).
const PayloadTooLarge = inputErrorResponse("body.too-large", "Payload too large: the form body exceeds what the server accepts")

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

// Every list endpoint takes the same query (resource/listQuery.ts), so every one can answer this.
const ListQueryBadRequest = inputErrorResponse("parameter.invalid", "Bad request: PageSize or Page is not a whole number in range")

const errorsOf = (operation: OperationDeclaration) => operation.errors.map(errorResponse)

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
  const create = HttpApiEndpoint.post(`create${singular}`, resource.collectionPath as R["collectionPath"], {
    params: resource.collectionParams as R["collectionParams"],
    payload: (resource.createRequest as R["createRequest"]).pipe(HttpApiSchema.asFormUrlEncoded()),
    success: (resource.codec as R["codec"]).pipe(HttpApiSchema.status(statuses.create)).annotate({ description: operations.create.success }),
    error: [...errorsOf(operations.create), PayloadTooLarge]
  }).annotateMerge(documented(`Create${singular}`, operations.create))
  const list = HttpApiEndpoint.get(`list${plural}`, resource.collectionPath as R["collectionPath"], {
    params: resource.collectionParams as R["collectionParams"],
    query: resource.listQuery as R["listQuery"],
    success: (resource.page as R["page"]).pipe(HttpApiSchema.status(statuses.list)).annotate({ description: operations.list.success }),
    error: [ListQueryBadRequest, ...errorsOf(operations.list)]
  }).annotateMerge(documented(`List${singular}`, operations.list, listQueryDescriptions))
  const fetch = HttpApiEndpoint.get(`fetch${singular}`, resource.instancePath as R["instancePath"], {
    params: resource.instanceParams as R["instanceParams"],
    success: (resource.codec as R["codec"]).pipe(HttpApiSchema.status(statuses.fetch)).annotate({ description: operations.fetch.success }),
    error: errorsOf(operations.fetch)
  }).annotateMerge(documented(`Fetch${singular}`, operations.fetch))
  const remove = HttpApiEndpoint.delete(`delete${singular}`, resource.instancePath as R["instancePath"], {
    params: resource.instanceParams as R["instanceParams"],
    success: HttpApiSchema.Empty(statuses.delete).annotate({ description: operations.delete.success }),
    error: errorsOf(operations.delete)
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
