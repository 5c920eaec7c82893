/**
 * Near misses derived from the SIDs the harness was given, so that a server that "helpfully" trims, case-folds or
 * truncates a SID acts on a real member and is caught changing the parent, and list queries the schema refuses.
 */
import * as fc from "fast-check"

/**
 * A SID with one defect, the rule it breaks, and a short description for the report.
 */
export interface DerivedMiss {
  readonly value: string
  readonly rule: string
  readonly label: string
}

const WHITESPACE: ReadonlyArray<readonly [string, string]> = [
  [" ", "a space"], ["\t", "a tab"], ["\n", "a line feed"], ["\u00a0", "a no-break space"], ["\ufeff", "a byte order mark"]
]
const NON_HEX: ReadonlyArray<readonly [string, string]> = [["g", "g"], ["O", "the letter O"], ["\u0430", "Cyrillic а"], ["\uff10", "full-width 0"]]
// Cyrillic capitals that look like Latin ones.
const CYRILLIC: Readonly<Record<string, string>> = {
  A: "\u0410", B: "\u0412", C: "\u0421", E: "\u0415", H: "\u041d", I: "\u0406", J: "\u0408", K: "\u041a", M: "\u041c",
  O: "\u041e", P: "\u0420", S: "\u0405", T: "\u0422", X: "\u0425", Y: "\u04ae"
}

/** A prefix with one letter written in Cyrillic, for each letter that has a look-alike, then in full width. */
const lookAlikePrefixes = (prefix: string): ReadonlyArray<readonly [string, string]> => [
  ...[...prefix].flatMap((letter, i) => {
    const alike = CYRILLIC[letter]
    return alike === undefined ? [] : [[prefix.slice(0, i) + alike + prefix.slice(i + 1), `Cyrillic ${alike}`] as const]
  }),
  [[...prefix].map((letter) => String.fromCharCode(letter.charCodeAt(0) + 0xfee0)).join(""), `full-width ${prefix}`]
]

/**
 * Near misses of one well-formed SID: its prefix in lower or mixed case or with look-alike letters, whitespace
 * before, after or inside it, one character short or long, one digit replaced by a non-hexadecimal character.
 */
export const nearMissesOf = (sid: string): fc.Arbitrary<DerivedMiss> => {
  const prefix = sid.slice(0, 2)
  const digits = sid.slice(2)
  return fc.oneof(
    fc.constantFrom(
      { value: prefix.toLowerCase() + digits, rule: "sid.prefix", label: "its prefix in lower case" },
      { value: prefix.charAt(0) + prefix.charAt(1).toLowerCase() + digits, rule: "sid.prefix", label: "its prefix in mixed case" },
      { value: sid.slice(0, -1), rule: "sid.length", label: "its last digit dropped" },
      { value: `${sid}0`, rule: "sid.length", label: "a digit added" }
    ),
    fc.constantFrom(...lookAlikePrefixes(prefix)).map(([alike, name]) => ({ value: alike + digits, rule: "sid.prefix", label: `its prefix written with ${name}` })),
    fc.tuple(fc.constantFrom(...WHITESPACE), fc.constantFrom("before", "after", "inside")).chain(([[ws, name], where]) =>
      fc.integer({ min: 1, max: 33 }).map((at) => ({
        value: where === "before" ? ws + sid : where === "after" ? sid + ws : sid.slice(0, at) + ws + sid.slice(at),
        rule: "sid.whitespace",
        label: `${name} ${where === "inside" ? `inside it, after character ${at}` : `${where} it`}`
      }))
    ),
    fc.tuple(fc.constantFrom(...NON_HEX), fc.nat(31)).map(([[ch, name], at]) => ({
      value: prefix + digits.slice(0, at) + ch + digits.slice(at + 1),
      rule: "sid.hex",
      label: `digit ${at + 1} replaced by ${name}`
    }))
  )
}

/**
 * List queries the schema refuses (out of range, not decimal digits, repeated), each as query text; `isValid`, the
 * list endpoint's own query schema, confirms every one, so the harness never expects a refusal the contract does not
 * require.
 */
export const invalidListQuery = (isValid: (query: string) => boolean): fc.Arbitrary<{ readonly query: string; readonly label: string }> =>
  fc.oneof(
    fc.constantFrom("0", "1001", "-1", "1.5", "abc", "", " 5", "1e2", "0x10", "99999999999999999999").map((value) => ({
      query: `PageSize=${encodeURIComponent(value)}`,
      label: `PageSize ${JSON.stringify(value)}`
    })),
    fc.constantFrom("-1", "x", "1.0").map((value) => ({ query: `Page=${encodeURIComponent(value)}`, label: `Page ${JSON.stringify(value)}` })),
    fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 })).map(([a, b]) => ({
      query: `PageSize=${a}&PageSize=${b}`,
      label: "PageSize given twice"
    }))
  ).filter(({ query }) => !isValid(query))
