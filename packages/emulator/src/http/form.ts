/**
 * Reading a Twilio form body. The body limit has already been enforced by then (413 before anything is read).
 */
import type { Context } from "hono"
import type { AppEnv } from "./AppEnv.js"
import { ApiError } from "./ApiError.js"
import { bodyText } from "./body.js"

const FORM = "application/x-www-form-urlencoded"

/** `true` when the media type (parameters such as `charset` aside) is the form type, in any letter case. */
export const isFormContentType = (header: string | undefined): boolean =>
  header !== undefined && header.split(";")[0]?.trim().toLowerCase() === FORM

/**
 * The body text of a form request. Another (or no) Content-Type means the body is not a form, so the required
 * parameter is missing: row `content-type` of the schema package's `inputErrors`, saying why.
 */
export const readFormBody = (c: Context<AppEnv>, requiredParameter: string): string => {
  const contentType = c.req.header("Content-Type")
  if (!isFormContentType(contentType)) {
    throw ApiError.answer("content-type", {
      param: requiredParameter,
      found: contentType === undefined ? "the request has no Content-Type" : `the Content-Type was ${JSON.stringify(contentType)}`
    })
  }
  return bodyText(c)
}
