// The validator package's figures: the functions users call without Effect. Imported by the root harness
// (`npm run bench`), which times them beside the baselines in one process.
import { validateCreateShortCodeRequest, validateShortCode } from "@shortcode-kit/validator"
import { invalidCreateFormBody, invalidShortCodeWire, SERVICE_SID, validCreateFormBody, validShortCodeWire } from "../../../bench/inputs.mjs"

const validRequest = { serviceSid: SERVICE_SID, body: validCreateFormBody }
const invalidRequest = { serviceSid: SERVICE_SID, body: invalidCreateFormBody }

/** name -> [the function timed, a check of its answer]. */
export const validatorTasks = {
  "validateShortCode, valid": [() => validateShortCode(validShortCodeWire), (r) => r.ok],
  "validateShortCode, invalid": [() => validateShortCode(invalidShortCodeWire), (r) => !r.ok && r.issues.length === 2],
  "validateCreateShortCodeRequest, valid": [() => validateCreateShortCodeRequest(validRequest), (r) => r.ok],
  "validateCreateShortCodeRequest, invalid": [() => validateCreateShortCodeRequest(invalidRequest), (r) => !r.ok && r.issues.length === 1]
}

/** The rows this package reports: figure, subject task, baseline task, goal (minimum ratio) or null to report. */
export const validatorRows = [
  { figure: "validateShortCode, valid input", subject: "validateShortCode, valid", baseline: "ajv validate, valid", goal: 1.0 },
  { figure: "validateShortCode, invalid input, every issue listed", subject: "validateShortCode, invalid", baseline: "zod 4 safeParse, invalid", goal: 2.0 },
  { figure: "create request (form body), valid", subject: "validateCreateShortCodeRequest, valid", baseline: "ajv validate, form valid", goal: null },
  { figure: "create request (form body), invalid", subject: "validateCreateShortCodeRequest, invalid", baseline: "zod 4 safeParse, form invalid", goal: null }
]
