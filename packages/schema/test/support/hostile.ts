// Inputs that no JSON parser produces but a caller can pass: getters, proxies, odd prototypes, polluted
// prototypes, huge values. Each is built inside a property from generated parts (fast-check clones and prints
// generated values, which a throwing getter or a revoked proxy would break). Every read is deterministic: a getter
// that answers differently on each call has no single right answer to compare.
import fc from "fast-check"

const boom = (what: string) => () => {
  throw new Error(`${what} exploded`)
}

/** Ways to make `base` (an object) hostile at `key`, using `value` where a value is needed. */
export const hostileKinds = {
  throwingGetter: (base, key) => Object.defineProperty({ ...base }, key, { enumerable: true, get: boom(`getter ${key}`) }),
  getter: (base, key, value) => Object.defineProperty({ ...base }, key, { enumerable: true, get: () => value }),
  nonEnumerable: (base, key, value) => Object.defineProperty({ ...base }, key, { enumerable: false, value }),
  inherited: (base, key, value) => {
    const { [key]: _, ...own } = base
    return Object.assign(Object.create({ [key]: value }) as object, own)
  },
  inheritedFromPrototypeChain: (base, key, value) => Object.assign(Object.create(Object.create({ [key]: value })) as object, base),
  // What JSON.parse('{"__proto__": {...}}') gives: an own property named __proto__, not a new prototype.
  ownProtoKey: (base, key, value) =>
    Object.defineProperty({ ...base }, "__proto__", { value: { [key]: value }, enumerable: true, configurable: true, writable: true }),
  nullPrototype: (base) => Object.assign(Object.create(null) as object, base),
  classInstance: (base) => Object.assign(new (class Wire {})(), base),
  frozen: (base, key, value) => Object.freeze({ ...base, [key]: value }),
  lyingProxy: (base, key, value) => new Proxy({ ...base }, { get: (target, k) => (k === key ? value : Reflect.get(target, k)) }),
  hasTrapThrows: (base, key) => new Proxy({ ...base }, { has: (target, k) => (k === key ? boom("has trap")() : Reflect.has(target, k)) }),
  getTrapThrows: (base, key) => new Proxy({ ...base }, { get: (target, k) => (k === key ? boom("get trap")() : Reflect.get(target, k)) }),
  descriptorTrapThrows: (base) => new Proxy({ ...base }, { getOwnPropertyDescriptor: boom("descriptor trap") }),
  ownKeysTrapThrows: (base) => new Proxy({ ...base }, { ownKeys: boom("ownKeys trap") }),
  prototypeTrapThrows: (base) => new Proxy({ ...base }, { getPrototypeOf: boom("prototype trap") }),
  revokedProxy: () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    return proxy
  },
  arrayProxy: (base, key, value) => ({ ...base, [key]: new Proxy(["SMS", "MMS"], { get: (target, k) => (k === "1" ? value : Reflect.get(target, k)) }) }),
  arrayWithHoles: (base, key, value) => ({ ...base, [key]: [value, , "SMS", , value] }),
  arrayWithThrowingElement: (base, key) => ({ ...base, [key]: Object.defineProperty(["SMS", "MMS"], 1, { get: boom("element") }) }),
  hugeArray: (base, key, value) => ({ ...base, [key]: Array.from({ length: 5_000 }, (_, i) => (i % 2 === 0 ? "SMS" : value)) }),
  hugeString: (base, key, value) => ({ ...base, [key]: String(typeof value === "string" ? value : "SC").repeat(50_000) }),
  throwingToJson: (base, key) => ({ ...base, [key]: { toJSON: boom("toJSON") } }),
  throwingToString: (base, key) => ({ ...base, [key]: { toString: boom("toString"), valueOf: boom("valueOf") } }),
  symbolKeys: (base, key, value) => ({ ...base, [Symbol(key)]: value, [key]: Symbol(key) }),
  boxedString: (base, key, value) => ({ ...base, [key]: new String(String(value)) }),
  bigint: (base, key) => ({ ...base, [key]: 12345n }),
  date: (base, key) => ({ ...base, [key]: new Date(Number.NaN) })
} satisfies Record<string, (base: Readonly<Record<string, unknown>>, key: string, value: unknown) => unknown>

export type HostileKind = keyof typeof hostileKinds

export const hostileKind: fc.Arbitrary<HostileKind> = fc.constantFrom(...(Object.keys(hostileKinds) as Array<HostileKind>))

/**
 * Runs `body` while `Object.prototype` carries `key` (an enumerable data property, as a prototype pollution leaves
 * it), then removes it again whatever happens.
 */
export const withPollutedPrototype = <A>(key: string, value: unknown, body: () => A): A => {
  if (Object.prototype.hasOwnProperty.call(Object.prototype, key)) throw new Error(`Object.prototype already has ${key}`)
  Object.defineProperty(Object.prototype, key, { value, enumerable: true, configurable: true, writable: true })
  try {
    return body()
  } finally {
    delete (Object.prototype as Record<string, unknown>)[key]
  }
}

/** Values in place of a property: near misses are added by each test; these are the odd ones. */
export const oddValue = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, 0, -0, 1.5, Number.NaN, "", " ", "\u2028", "\ud800", '"', "\\", true, [], {}, ["SMS", 1], [undefined]),
  fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true })
)
