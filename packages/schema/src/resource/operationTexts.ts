/**
 * The documentation texts of a member resource's four operations, derived from its declaration's words: its
 * singular and plural (`ShortCode`, `ShortCodes`: "a short code", "the short codes") and its parent ("a Messaging
 * Service"). A declaration states a text only where its wording differs; a resource without a parent states all.
 *
 * @since 0.2.0
 */
import { type ErrorCode, errorTable } from "../ErrorTable.js"

/**
 * One error answer of an operation: Twilio's codes (their statuses and words are in `errorTable`, all of one status)
 * and what the answer means for this operation.
 *
 * @since 0.2.0
 */
export interface ErrorAnswer {
  readonly summary: string
  readonly codes: readonly [ErrorCode, ...Array<ErrorCode>]
}

/**
 * What the documentation says of one operation: its summary, the meaning of its success answer, the description
 * of each path parameter (as Twilio's document words them; the list query's are shared), and its error answers.
 *
 * @since 0.2.0
 */
export interface OperationDeclaration {
  readonly summary: string
  readonly success: string
  readonly parameters: Readonly<Record<string, string>>
  readonly errors: ReadonlyArray<ErrorAnswer>
}

/** The four operations of a collection resource. @since 0.2.0 */
export interface Operations {
  readonly create: OperationDeclaration
  readonly list: OperationDeclaration
  readonly fetch: OperationDeclaration
  readonly delete: OperationDeclaration
}

/**
 * The resource that a member resource lives in: how the texts name it, and the answer when it is not the
 * account's (every operation can meet it).
 *
 * @since 0.2.0
 */
export interface ParentDeclaration {
  readonly name: string
  readonly notFound: ErrorAnswer
}

/**
 * What a declaration says of one operation: every text optional where a parent lets them be derived; the error
 * answers of its own (the parent's not-found answer is added).
 *
 * @since 0.2.0
 */
export interface OperationInput {
  readonly summary?: string
  readonly success?: string
  readonly parameters?: Readonly<Record<string, string>>
  readonly errors?: ReadonlyArray<ErrorAnswer>
}

/** The four operations as a declaration states them. @since 0.2.0 */
export interface OperationsInput {
  readonly create: OperationInput
  readonly list: OperationInput
  readonly fetch: OperationInput
  readonly delete: OperationInput
}

/** "ShortCodes" -> "short codes". */
const words = (name: string): string => name.replace(/(?<=[a-z0-9])([A-Z])/g, " $1").toLowerCase()

const lastWord = (text: string): string => text.slice(text.lastIndexOf(" ") + 1)

const status = (answer: ErrorAnswer): number => errorTable[answer.codes[0]].status

/** The parent's answer among the operation's own, in the order of their statuses, as the document lists them. */
const withParent = (errors: ReadonlyArray<ErrorAnswer>, parent: ErrorAnswer) => [...errors, parent].sort((a, b) => status(a) - status(b))

/**
 * The complete texts and answers of the four operations: `input`'s, and where it gives none, the derived ones.
 *
 * @since 0.2.0
 */
export const operationTexts = (
  declaration: {
    readonly identifier: string
    readonly singular: string
    readonly plural: string
    readonly pathParams: Readonly<Record<string, unknown>>
    readonly parent?: ParentDeclaration
    readonly operations: OperationsInput
  }
): Operations => {
  const { parent, operations, singular } = declaration
  const resolve = (name: keyof OperationsInput, derived: (parent: ParentDeclaration) => OperationDeclaration): OperationDeclaration => {
    const input = operations[name]
    if (parent === undefined) {
      if (input.summary === undefined || input.success === undefined || input.parameters === undefined) {
        throw new Error(`${declaration.identifier}: the ${name} operation needs its summary, success and parameters, as the resource declares no parent to derive them from`)
      }
      return { summary: input.summary, success: input.success, parameters: input.parameters, errors: input.errors ?? [] }
    }
    const texts = derived(parent)
    return {
      summary: input.summary ?? texts.summary,
      success: input.success ?? texts.success,
      parameters: input.parameters ?? texts.parameters,
      errors: withParent(input.errors ?? [], name === "fetch" || name === "delete" ? texts.errors[0]! : parent.notFound)
    }
  }
  const one = words(singular)
  const many = words(declaration.plural)
  // Each path parameter of the collection names the parent, as `ServiceSid` does.
  const parentParams = (parent: ParentDeclaration, purpose: string) =>
    Object.fromEntries(Object.keys(declaration.pathParams).map((param) => [
      param,
      `The SID of the ${parent.name} ${purpose}. A malformed SID names no ${lastWord(parent.name)}: 404.`
    ]))
  const instanceNotFound = (parent: ParentDeclaration): ErrorAnswer => ({
    summary: `Not found: no such ${parent.name}, or no such ${one} in it`,
    codes: parent.notFound.codes
  })
  return {
    create: resolve("create", (p) => ({
      summary: `Add a ${one} to a ${p.name}`,
      success: `Created: the ${one}, now in the ${p.name}`,
      parameters: parentParams(p, "to create the resource under"),
      errors: []
    })),
    list: resolve("list", (p) => ({
      summary: `List the ${many} of a ${p.name}`,
      success: `OK: one page of the ${lastWord(p.name).toLowerCase()}'s ${many}`,
      parameters: parentParams(p, "to read the resources from"),
      errors: []
    })),
    fetch: resolve("fetch", (p) => ({
      summary: `Fetch a ${one} of a ${p.name}`,
      success: `OK: the ${one}`,
      parameters: { ...parentParams(p, "to fetch the resource from"), Sid: `The SID of the ${singular} resource to fetch.` },
      errors: [instanceNotFound(p)]
    })),
    delete: resolve("delete", (p) => ({
      summary: `Remove a ${one} from a ${p.name}`,
      success: "The resource was deleted successfully.",
      parameters: { ...parentParams(p, "to delete the resource from"), Sid: `The SID of the ${singular} resource to delete.` },
      errors: [instanceNotFound(p)]
    }))
  }
}
