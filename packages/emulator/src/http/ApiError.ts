/**
 * Errors the HTTP layer answers with: a Twilio error body (built with the schema package's tables) plus the status
 * and any headers that belong with it. Handlers throw or return these; one place turns them into responses.
 */
import {
  answerOf,
  type ErrorCode,
  type InputError,
  makeTwilioError,
  TwilioError,
  type TwilioErrorWire
} from "@shortcode-kit/schema"
import { Schema } from "effect"
import { StorageFault } from "../store/StorageFault.js"

export class ApiError extends Error {
  constructor(
    readonly body: TwilioError,
    readonly headers: Readonly<Record<string, string>> = {}
  ) {
    super(body.message)
    this.name = "ApiError"
  }

  /** An error of the code table (the resource's own outcomes: 21710, 21714, ...), `{param}` filled in. */
  static of(
    code: ErrorCode,
    param?: string,
    options: { readonly status?: number; readonly message?: string; readonly headers?: Readonly<Record<string, string>> } = {}
  ): ApiError {
    const { headers, ...rest } = options
    return new ApiError(makeTwilioError(code, param, rest), headers)
  }

  /**
   * The answer of row `kind` of the schema package's `inputErrors`, with its status, message and headers, the
   * placeholders filled from `values`. Every failure of the input (path, form, query, body, credentials, method)
   * is answered through here.
   */
  static answer(
    kind: Exclude<InputError, "preflight">,
    values: Readonly<Record<string, string | number>> = {},
    options: { readonly status?: number } = {}
  ): ApiError {
    const { body, headers } = answerOf(kind, values, options)
    return new ApiError(body, headers)
  }

  /** An error body another module produced in wire form (the validator's `toTwilioError`), decoded. */
  static fromWire(wire: TwilioErrorWire): ApiError {
    return new ApiError(Schema.decodeSync(TwilioError)(wire))
  }
}

/** 404 20404 for the resource at `path`. */
export const notFound = (path: string): ApiError => ApiError.answer("resource.not-found", { param: path })

/**
 * The body for a fault of the server itself (row `server.fault`). A fault of the storage (a full disk, a failed
 * sync, a deleted database file) says what happened, to which file; any other is a bug, whose details go to the log.
 */
export const internalError = (error?: unknown): ApiError =>
  ApiError.answer("server.fault", {
    reason: error instanceof StorageFault ? error.message : "the emulator hit a bug; the details are in its log"
  })
