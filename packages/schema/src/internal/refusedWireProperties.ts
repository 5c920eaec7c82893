// A leaf module (it imports nothing): both the compiled paths (compiledPaths.ts) and the direct failure paths
// (directFailure.ts) take this function, and neither may import the other for it without closing a cycle.

/**
 * The wire properties of an object input that the codec's rules refuse, by name, in the struct's property order;
 * empty when every present property is fine. Exact: a property not named is never looked at again.
 */
export type RefusedWireProperties = (input: Readonly<Record<string, unknown>>) => ReadonlyArray<string>
