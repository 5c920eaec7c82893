/**
 * The AlphaSenders resource as `effect/http-api` endpoints, derived from its declaration (`AlphaSenderResource`)
 * by http/collection.ts.
 *
 * @since 0.2.0
 */
import { AlphaSenderResource } from "../AlphaSender.js"
import { collectionEndpoints, collectionGroup } from "./collection.js"

/**
 * The group `alphaSenders`: `createAlphaSender`, `listAlphaSenders`, `fetchAlphaSender`, `deleteAlphaSender`.
 *
 * @example
 * ```ts
 * import { AlphaSendersGroup } from "@shortcode-kit/schema/http"
 *
 * Object.keys(AlphaSendersGroup.endpoints) // ["createAlphaSender", "listAlphaSenders", ...]
 * ```
 * @since 0.2.0
 */
export const AlphaSendersGroup = collectionGroup(AlphaSenderResource, collectionEndpoints(AlphaSenderResource))
