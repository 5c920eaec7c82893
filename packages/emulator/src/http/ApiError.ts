/**
 * Errors the HTTP layer answers with: a Twilio error body (built with the schema package's table) plus the status
 * and any headers that belong with it. Handlers throw or return these; one place turns them into responses.
 */
import { type ErrorCode, makeTwilioError, moreInfoUrl, TwilioError, type TwilioErrorWire } from "@shortcode-kit/schema"
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

  /** An error of the table, `{param}` filled in, optionally with its own status or message. */
  static of(
    code: ErrorCode,
    param?: string,
    options: { readonly status?: number; readonly message?: string; readonly headers?: Readonly<Record<string, string>> } = {}
  ): ApiError {
    const { headers, ...rest } = options
    return new ApiError(makeTwilioError(code, param, rest), headers)
  }

  /** An error body another module produced in wire form (the validator's `toTwilioError`), decoded. */
  static fromWire(wire: TwilioErrorWire): ApiError {
    return new ApiError(Schema.decodeSync(TwilioError)(wire))
  }
}

/** 404 20404 for the resource at `path`. */
export const notFound = (path: string): ApiError => ApiError.of(20404, path)

/**
 * The body for a fault of the server itself. 20500 is Twilio's "Internal Server Error" code; it is not in the
 * schema package's table because no client input can cause it. A fault of the storage (a full disk, a failed sync,
 * a deleted database file) says what happened, to which file; any other is a bug, whose details go to the log.
 */
export const internalError = (error?: unknown): ApiError =>
  new ApiError({
    code: 20500,
    message: error instanceof StorageFault
      ? `Internal Server Error: ${error.message}`
      : "Internal Server Error: the emulator hit a bug; the details are in its log",
    moreInfo: new URL(moreInfoUrl(20500)),
    status: 500
  })
