// One representative input per rule id with the exact issue it must produce (path, message, expected, received).
import {
  validateCreateAlphaSenderForm,
  validateCreateShortCodeRequest,
  validateListShortCodesQuery,
  validateShortCode,
  validateTwilioError,
  type ValidationIssue,
  type ValidationResult
} from "@shortcode-kit/validator"
import { describeReceived } from "@shortcode-kit/schema"
import { MG, SC, strictShortCode, twilioError404 } from "./fixtures.js"

const SID_SHAPE = "\"SC\" followed by 32 hexadecimal digits"
const strict = (input: unknown) => validateShortCode(input, { profile: "strict" })

export const ruleExamples: ReadonlyArray<readonly [string, () => ValidationResult<unknown>, ValidationIssue]> = [
  ["sid.whitespace", () => validateShortCode({ sid: `${SC}\n` }), {
    path: ["sid"], rule: "sid.whitespace", message: `must not contain whitespace; a SC SID is ${SID_SHAPE}`, expected: SID_SHAPE, received: `"${SC}\\n"`
  }],
  ["sid.prefix", () => validateShortCode({ sid: `sc${SC.slice(2)}` }), {
    path: ["sid"], rule: "sid.prefix", message: `must start with "SC" (upper case); a SC SID is ${SID_SHAPE}`, expected: SID_SHAPE, received: `"sc${SC.slice(2)}"`
  }],
  ["sid.length", () => validateShortCode({ sid: `${SC}a` }), {
    path: ["sid"], rule: "sid.length", message: `must be exactly 34 characters long: ${SID_SHAPE}`, expected: SID_SHAPE, received: `"${SC}a"`
  }],
  ["sid.hex", () => validateShortCode({ sid: `${SC.slice(0, 33)}g` }), {
    path: ["sid"], rule: "sid.hex", message: "must contain only hexadecimal digits (0-9, a-f, A-F) after \"SC\"", expected: SID_SHAPE, received: `"${SC.slice(0, 33)}g"`
  }],
  ["format.date-time", () => validateShortCode({ date_updated: "2015-07-30T24:00:00Z" }), {
    path: ["date_updated"],
    rule: "format.date-time",
    message: "must be an RFC 3339 date-time such as 2015-07-30T20:12:31Z (a real calendar date and time, with Z or a ±hh:mm offset)",
    expected: "RFC 3339 date-time",
    received: "\"2015-07-30T24:00:00Z\""
  }],
  ["date.representable", () => validateShortCode({ date_created: "9999-12-31T23:59:59-01:00" }), {
    path: ["date_created"],
    rule: "date.representable",
    message: "must be a valid date with whole seconds between years 0000 and 9999 (Twilio's date form has no milliseconds)",
    expected: "a Date with whole seconds",
    received: "\"9999-12-31T23:59:59-01:00\""
  }],
  ["format.uri", () => validateShortCode({ url: "/v1/Services" }), {
    path: ["url"],
    rule: "format.uri",
    message: "must be an absolute URI (RFC 3986) such as https://messaging.twilio.com/v1/Services",
    expected: "absolute URI",
    received: "\"/v1/Services\""
  }],
  ["required", () => strict(Object.fromEntries(Object.entries(strictShortCode).filter(([key]) => key !== "url"))), {
    path: ["url"], rule: "required", message: "is required", expected: "a value", received: "(missing)"
  }],
  ["type", () => validateShortCode({ capabilities: ["SMS", 1] }), {
    path: ["capabilities", 1], rule: "type", message: "must be string", expected: "string", received: "1"
  }],
  ["form.repeated", () => validateCreateShortCodeRequest({ serviceSid: MG, body: `ShortCodeSid=${SC}&ShortCodeSid=x` }), {
    path: ["ShortCodeSid"],
    rule: "form.repeated",
    message: "ShortCodeSid must be given once; it was given 2 times",
    expected: "exactly one ShortCodeSid",
    received: `["${SC}","x"]`
  }],
  ["short_code.digits", () => strict({ ...strictShortCode, short_code: "１２３４５" }), {
    path: ["short_code"], rule: "short_code.digits", message: "must be 3 to 8 digits (0-9) with nothing else, such as 12345", expected: "3 to 8 digits", received: "\"１２３４５\""
  }],
  ["country_code.assigned", () => strict({ ...strictShortCode, country_code: "us" }), {
    path: ["country_code"],
    rule: "country_code.assigned",
    message: "must be an assigned ISO 3166-1 alpha-2 country code in upper case, such as US",
    expected: "ISO 3166-1 alpha-2 code",
    received: "\"us\""
  }],
  ["capabilities.unique", () => strict({ ...strictShortCode, capabilities: ["MMS", "SMS", "MMS"] }), {
    path: ["capabilities", 2],
    rule: "capabilities.unique",
    message: "must not repeat \"MMS\": each capability is listed once",
    expected: "capabilities without duplicates",
    received: "\"MMS\""
  }],
  ["dates.order", () => strict({ ...strictShortCode, date_updated: "2015-07-30T20:12:30Z" }), {
    path: ["date_updated"],
    rule: "dates.order",
    message: "date_updated must not be earlier than date_created",
    expected: "date_updated >= date_created",
    received: "\"2015-07-30T20:12:30Z\""
  }],
  ["url.canonical", () => strict({ ...strictShortCode, url: strictShortCode.url.replace("https:", "http:") }), {
    path: ["url"],
    rule: "url.canonical",
    message: "must be the resource's own URL, https://messaging.twilio.com/v1/Services/{service_sid}/ShortCodes/{sid}",
    expected: "https://messaging.twilio.com/v1/Services/{service_sid}/ShortCodes/{sid}",
    // The schema package owns how a value is rendered (and where a long one is cut).
    received: describeReceived(strictShortCode.url.replace("https:", "http:"))
  }],
  ["query.integer", () => validateListShortCodesQuery("PageSize=20.0"), {
    path: ["PageSize"], rule: "query.integer", message: "PageSize must be a whole number in decimal digits (no sign, no leading zero, at most 16 digits)", expected: "decimal integer", received: "\"20.0\""
  }],
  ["query.range", () => validateListShortCodesQuery("PageSize=0"), {
    path: ["PageSize"], rule: "query.range", message: "PageSize must be between 1 and 1000", expected: "1..1000", received: "\"0\""
  }],
  ["integer", () => validateTwilioError({ ...twilioError404, code: 20404.5 }), {
    path: ["code"], rule: "integer", message: "must be a whole number", expected: "integer", received: "20404.5"
  }],
  ["status.range", () => validateTwilioError({ ...twilioError404, status: 600 }), {
    path: ["status"], rule: "status.range", message: "must be an HTTP status code from 100 to 599", expected: "100..599", received: "600"
  }],
  ["alpha-sender.length", () => validateCreateAlphaSenderForm("AlphaSender=ABCDEFGHIJKL"), {
    path: ["AlphaSender"], rule: "alpha-sender.length", message: "must be 1 to 11 characters long", expected: "1 to 11 characters", received: "\"ABCDEFGHIJKL\""
  }],
  ["alpha-sender.characters", () => validateCreateAlphaSenderForm("AlphaSender=Acme.Co"), {
    path: ["AlphaSender"], rule: "alpha-sender.characters",
    message: "must contain only A-Z, a-z, 0-9, space, hyphen -, plus +, underscore _ and ampersand &",
    expected: "A-Z, a-z, 0-9, space, hyphen -, plus +, underscore _ and ampersand &", received: "\"Acme.Co\""
  }],
  ["alpha-sender.not-only-digits", () => validateCreateAlphaSenderForm("AlphaSender=12345"), {
    path: ["AlphaSender"], rule: "alpha-sender.not-only-digits",
    message: "must not contain only digits: an alpha sender needs at least one letter or symbol",
    expected: "at least one character that is not a digit", received: "\"12345\""
  }]
]

