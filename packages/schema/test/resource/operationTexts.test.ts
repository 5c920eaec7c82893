// The operations' texts derived from a declaration's words (src/resource/operationTexts.ts): the default sentences,
// a stated text winning over its default, the parent's not-found answer among each operation's, and a resource
// without a parent that leaves a text out.
import { describe, expect, test } from "vitest"
import { AlphaSenderResource, messagingServiceParent, operationTexts, PhoneNumberResource } from "@shortcode-kit/schema"

describe("operationTexts", () => {
  test("derives every text of a member resource from its singular, its plural and its parent", () => {
    const { create, list, fetch, delete: remove } = PhoneNumberResource.declaration.operations
    expect([create.summary, create.success, create.parameters]).toEqual([
      "Add a phone number to a Messaging Service",
      "Created: the phone number, now in the Messaging Service",
      { ServiceSid: "The SID of the Messaging Service to create the resource under. A malformed SID names no Service: 404." }
    ])
    expect([list.summary, list.success]).toEqual(["List the phone numbers of a Messaging Service", "OK: one page of the service's phone numbers"])
    expect([fetch.summary, fetch.success, fetch.parameters["Sid"]]).toEqual([
      "Fetch a phone number of a Messaging Service", "OK: the phone number", "The SID of the PhoneNumber resource to fetch."
    ])
    expect([remove.summary, remove.success, remove.parameters["Sid"]]).toEqual([
      "Remove a phone number from a Messaging Service", "The resource was deleted successfully.", "The SID of the PhoneNumber resource to delete."
    ])
    expect(fetch.errors).toEqual([{ summary: "Not found: no such Messaging Service, or no such phone number in it", codes: [20404] }])
  })

  test("lists the parent's not-found among the operation's own answers, by status", () => {
    expect(PhoneNumberResource.declaration.operations.create.errors.map((answer) => answer.codes[0])).toEqual([20001, 20404, 21710])
    expect(PhoneNumberResource.declaration.operations.list.errors).toEqual([messagingServiceParent.notFound])
  })

  test("keeps a text the declaration states", () => {
    expect(AlphaSenderResource.declaration.operations.create.summary).toBe("Add the alpha sender of a Messaging Service")
    expect(AlphaSenderResource.declaration.operations.fetch.success).toBe("OK: the alpha sender")
  })

  test("refuses a resource without a parent that leaves a text out, naming it and the operation", () => {
    const declaration = { identifier: "Thing", singular: "Thing", plural: "Things", pathParams: {} }
    const stated = { summary: "s", success: "ok", parameters: {} }
    expect(() => operationTexts({ ...declaration, operations: { create: stated, list: stated, fetch: { summary: "Fetch" }, delete: stated } })).toThrow(
      "Thing: the fetch operation needs its summary, success and parameters, as the resource declares no parent to derive them from"
    )
  })
})
