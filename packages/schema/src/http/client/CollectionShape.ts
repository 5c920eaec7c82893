/**
 * The shape of a membership collection, read from an `HttpApiGroup`: which endpoint creates, lists, fetches and
 * deletes, the key of a list page's items, and the collection's name. Nothing about a particular resource is
 * known here; a group of another shape is refused with a message saying what is missing.
 *
 * @since 0.2.0
 */
import { SchemaAST } from "effect"
import type { HttpApiEndpoint, HttpApiGroup } from "effect/http-api"

/**
 * The four endpoints of a collection, the name of its list-everything call, and what the list answers.
 *
 * @since 0.2.0
 */
export interface CollectionShape {
  /** `POST` on the collection path. */
  readonly create: HttpApiEndpoint.Top
  /** `GET` on the collection path, with the paging query. */
  readonly list: HttpApiEndpoint.Top
  /** `GET` on the instance path. */
  readonly fetch: HttpApiEndpoint.Top
  /** `DELETE` on the instance path. */
  readonly delete: HttpApiEndpoint.Top
  /** `listAll` + what follows `list` in the list endpoint's identifier (`listShortCodes` -> `listAllShortCodes`). */
  readonly listAll: string
  /** The domain key of a list page's array of items (`shortCodes`). */
  readonly itemsKey: string
  /** The last fixed segment of the collection path (`ShortCodes`), for messages. */
  readonly collectionName: string
}

/**
 * The name of the list-everything call of a list endpoint `L`.
 *
 * @since 0.2.0
 */
export type ListAllName<L extends string> = L extends `list${infer Rest}` ? `listAll${Rest}` : `${L}All`

/** @since 0.2.0 */
export const listAllName = <L extends string>(list: L): ListAllName<L> =>
  (list.startsWith("list") ? `listAll${list.slice(4)}` : `${list}All`) as ListAllName<L>

/**
 * The Type side's property signatures of an object schema (after `encodeKeys`, the domain names): the names a
 * caller and the client read.
 *
 * @since 0.2.0
 */
export const propertiesOf = (schema: { readonly ast: SchemaAST.AST } | undefined): ReadonlyArray<SchemaAST.PropertySignature> => {
  if (schema === undefined) return []
  const ast = SchemaAST.toType(schema.ast)
  return SchemaAST.isObjects(ast) ? ast.propertySignatures : []
}

/**
 * Reads the shape of a membership collection from `group`; throws when the group is not of that shape.
 *
 * @since 0.2.0
 */
export const collectionShape = (group: HttpApiGroup.Top): CollectionShape => {
  const endpoints = Object.values(group.endpoints) as ReadonlyArray<HttpApiEndpoint.Top>
  const refuse = (what: string): never => {
    throw new Error(
      `the client needs a membership collection (POST and GET on a collection path, GET and DELETE on its instance path); group "${group.identifier}" ${what}`
    )
  }
  const only = (method: string, path?: string) => {
    const found = endpoints.filter((endpoint) => endpoint.method === method && (path === undefined || endpoint.path === path))
    return found.length === 1 ? found[0] as HttpApiEndpoint.Top : refuse(`has ${found.length} ${method} endpoints${path === undefined ? "" : ` on ${path}`}, expected 1`)
  }
  const create = only("POST")
  const del = only("DELETE")
  const list = only("GET", create.path)
  const fetch = only("GET", del.path)
  if (endpoints.length !== 4) refuse(`has ${endpoints.length} endpoints, expected 4`)
  if (!del.path.startsWith(`${create.path}/:`) || del.path.slice(create.path.length + 1).includes("/")) {
    refuse(`has the instance path ${del.path}, expected ${create.path}/:Sid`)
  }
  const page = propertiesOf([...list.success][0])
  const items = page.filter((property) => SchemaAST.isArrays(property.type))
  if (items.length !== 1) refuse(`lists a page with ${items.length} array properties, expected 1 (the items)`)
  const meta = page.find((property) => property.name === "meta")
  if (meta === undefined || !propertiesOf({ ast: meta.type }).some((property) => property.name === "nextPageUrl")) {
    refuse("lists a page without meta.nextPageUrl")
  }
  const fixed = create.path.split("/").filter((segment) => segment !== "" && !segment.startsWith(":"))
  return {
    create,
    list,
    fetch,
    delete: del,
    listAll: listAllName(list.identifier),
    itemsKey: String(items[0]?.name),
    collectionName: fixed.at(-1) ?? create.path
  }
}
