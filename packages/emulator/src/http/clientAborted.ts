/**
 * A client that closed its connection before its request body arrived in full. It is the client's doing, not a
 * fault of the server: the request log writes it as aborted (no status, no stack) and nothing is ever answered,
 * since there is no one left to answer.
 */
import { ApiError } from "./ApiError.js"

/** Thrown by the body reader when the connection closes mid-body. An `ApiError` so no fault is reported for it. */
export class ClientAborted extends ApiError {
  constructor() {
    super(ApiError.of(20001, undefined, { message: "Invalid request: the client closed the connection before the body arrived in full" }).body)
    this.name = "ClientAborted"
  }
}
