import { formatIssue, formatPath, ValidationError } from "@shortcode-kit/validator"
import { describe, expect, it } from "vitest"

describe("formatPath", () => {
  it("renders keys, indices and awkward keys", () => {
    expect(formatPath([])).toBe("(root)")
    expect(formatPath(["short_codes", 0, "sid"])).toBe("short_codes[0].sid")
    expect(formatPath(["a b", "c"])).toBe("[\"a b\"].c")
  })
})

describe("ValidationError", () => {
  it("counts and lists the issues", () => {
    const issue = { path: ["sid"], rule: "sid.prefix", message: "must start with \"SC\"", expected: "SC...", received: "\"X\"" }
    const error = new ValidationError("ShortCode", [issue])
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toBe(`Invalid ShortCode (1 issue):\n  - ${formatIssue(issue)}`)
    expect(formatIssue(issue)).toBe("sid: sid.prefix: must start with \"SC\" (expected SC...; received \"X\")")
  })
})
