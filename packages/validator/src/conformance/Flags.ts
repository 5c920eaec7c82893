/**
 * The command line's names for a target, derived from the target itself: the `--target` value from its group's
 * identifier (`shortCodes` is `short-codes`), the member-SID flag from its create form's field (`ShortCodeSid` is
 * `--short-code-sid`), and `--pool-` before it for the pool checks. The CLI parses with them and the report's replay
 * commands print them, so a printed command is one the CLI takes.
 *
 * @since 0.2.0
 */

const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()

/** What the names are made from: a target's group identifier and its create form's field. */
export interface TargetNames {
  readonly name: string
  readonly member: { readonly field: string }
}

/** The `--target` value of a target: `short-codes`. @since 0.2.0 */
export const targetValue = (target: TargetNames): string => kebab(target.name)

/** The flag, without dashes, that names free members of a target for the checks: `short-code-sid`. @since 0.2.0 */
export const memberSidFlag = (target: TargetNames): string => kebab(target.member.field)

/** The flag, without dashes, that names free senders of a target for the pool checks: `pool-short-code-sid`. @since 0.2.0 */
export const poolSidFlag = (target: TargetNames): string => `pool-${memberSidFlag(target)}`
