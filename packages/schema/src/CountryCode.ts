/**
 * ISO 3166-1 alpha-2 country codes that are officially assigned (249 codes; source: ISO 3166 Maintenance Agency,
 * "Officially assigned code elements", as of 2024 — facts, not code). Reserved and user-assigned codes (`XK`, `EU`,
 * `UK`, `ZZ`, ...) are not assigned and are rejected by the strict profile.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { ruleCheck } from "./internal/rule.js"

const ASSIGNED = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS
MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU
RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA
UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`
  .trim()
  .split(/\s+/)

/**
 * Every officially assigned ISO 3166-1 alpha-2 code, upper case, sorted.
 *
 * @example
 * ```ts
 * import { assignedCountryCodes } from "@shortcode-kit/schema"
 *
 * assignedCountryCodes.includes("US") // true
 * ```
 * @since 0.1.0
 */
export const assignedCountryCodes: ReadonlyArray<string> = Object.freeze(ASSIGNED)

const assigned = new Set(ASSIGNED)

/**
 * An assigned ISO 3166-1 alpha-2 code, upper case. Rule `country_code.assigned`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { CountryCode } from "@shortcode-kit/schema"
 *
 * Schema.is(CountryCode)("US") // true
 * Schema.is(CountryCode)("us") // false
 * ```
 * @since 0.1.0
 */
export const CountryCode = Schema.String.check(
  ruleCheck<string>("country_code.assigned", (s) => assigned.has(s), {
    message: "must be an assigned ISO 3166-1 alpha-2 country code in upper case, such as US",
    expected: "ISO 3166-1 alpha-2 code"
  }, {
    jsonSchema: { type: "string", enum: ASSIGNED },
    generators: {
      // Mostly US, as most of Twilio's numbers are.
      valid: (fc) => fc.oneof({ weight: 3, arbitrary: fc.constant("US") }, { weight: 1, arbitrary: fc.constantFrom(...ASSIGNED) }),
      // Other cases, lengths and spacing of an assigned code; codes that are reserved or user-assigned, not assigned.
      breaking: (fc, code) =>
        fc.constantFrom(code.toLowerCase(), code.charAt(0) + code.charAt(1).toLowerCase(), `${code}A`, code.charAt(0), ` ${code}`, `${code}\n`, "UK", "XK", "EU", "ZZ", "")
    }
  })
).annotate({ identifier: "CountryCode" })
