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

const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()

/** Every target of the CLI; the first is the default (the library's own default). */
export const cliTargets: ReadonlyArray<ConformanceTarget> = [shortCodesTarget, phoneNumbersTarget, alphaSendersTarget]

/** The `--target` value of a target: `short-codes`. */
export const targetValue = (target: ConformanceTarget): string => kebab(target.name)

/** The `--target` values, in the order of `cliTargets`. */
export const targetValues: ReadonlyArray<string> = cliTargets.map(targetValue)

/** Whether a target's members are named by SID (short codes, phone numbers), not created from a value (alpha senders). */
export const takesMemberSids = (target: ConformanceTarget): boolean => target.creates === undefined

/** The flag, without dashes, that names free members of a target for the checks: `short-code-sid`. */
export const memberSidFlag = (target: ConformanceTarget): string => kebab(target.member.field)

/** The flag, without dashes, that names free senders of a target for the pool checks: `pool-short-code-sid`. */
export const poolSidFlag = (target: ConformanceTarget): string => `pool-${memberSidFlag(target)}`

/** The targets whose members are named by SID, each with its member-SID flag. */
export const memberTargets = cliTargets.filter(takesMemberSids)

/**
 * The targets that share a service's pool of senders: members named by SID, and a create endpoint that declares both
 * pool answers (a sender of another service, a full pool), as `runConformance` requires of `poolSenders`.
 */
export const poolTargets = memberTargets.filter((target) => target.errors.inAnotherParent !== undefined && target.errors.poolFull !== undefined)
