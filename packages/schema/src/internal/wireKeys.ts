// A leaf module (it imports nothing): resource codecs record their wire names with it, and the generic issue
// flattener (Issue.ts) reads them back, so the flattener needs to know no resource.

/**
 * The annotation key under which a codec built with `Schema.encodeKeys` records the wire name of each of its domain
 * properties (`{ dateCreated: "date_created" }`): the same mapping it gives `encodeKeys`. Effect reports the checks
 * that run on the decoded side under the domain names; the flattener maps them back with this.
 */
export const WireKeysAnnotation = "shortcode-kit/wireKeys" as const

/** The annotation that records `mapping`, to spread into the codec's `.annotate({ ... })`. */
export const wireKeysAnnotation = (mapping: Readonly<Record<string, string>>): { readonly [WireKeysAnnotation]: Readonly<Record<string, string>> } => ({
  [WireKeysAnnotation]: mapping
})

/** The mapping recorded in these annotations (a schema node's), or `undefined` where none is. */
export const wireKeysOf = (annotations: { readonly [k: string]: unknown } | undefined): Readonly<Record<string, string>> | undefined => {
  const mapping = annotations?.[WireKeysAnnotation]
  return typeof mapping === "object" && mapping !== null ? (mapping as Readonly<Record<string, string>>) : undefined
}
