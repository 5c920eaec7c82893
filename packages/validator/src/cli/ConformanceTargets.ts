/**
 * The targets `shortcode-kit conformance --target` chooses from, and the flag names each one gets, all derived from
 * the targets themselves: the `--target` value from the group's identifier (`shortCodes` is `short-codes`), the
 * member-SID flag from the create form's field (`ShortCodeSid` is `--short-code-sid`, `--pool-short-code-sid` for the
 * pool checks).
 */
import { alphaSendersTarget } from "../conformance/AlphaSendersTarget.js"
import type { ConformanceTarget } from "../conformance/Membership.js"
import { phoneNumbersTarget } from "../conformance/PhoneNumbersTarget.js"
import { shortCodesTarget } from "../conformance/ShortCodesTarget.js"
import { memberSidFlag, poolSidFlag, targetValue } from "../conformance/Flags.js"

export { memberSidFlag, poolSidFlag, targetValue }

/** Every target of the CLI; the first is the default (the library's own default). */
export const cliTargets: ReadonlyArray<ConformanceTarget> = [shortCodesTarget, phoneNumbersTarget, alphaSendersTarget]

/** The `--target` values, in the order of `cliTargets`. */
export const targetValues: ReadonlyArray<string> = cliTargets.map(targetValue)

/** Whether a target's members are named by SID (short codes, phone numbers), not created from a value (alpha senders). */
export const takesMemberSids = (target: ConformanceTarget): boolean => target.creates === undefined



/** The targets whose members are named by SID, each with its member-SID flag. */
export const memberTargets = cliTargets.filter(takesMemberSids)

/**
 * The targets that share a service's pool of senders: members named by SID, and a create endpoint that declares both
 * pool answers (a sender of another service, a full pool), as `runConformance` requires of `poolSenders`.
 */
export const poolTargets = memberTargets.filter((target) => target.errors.inAnotherParent !== undefined && target.errors.poolFull !== undefined)
