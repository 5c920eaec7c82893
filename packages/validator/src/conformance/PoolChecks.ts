/**
 * The pool checks: a Messaging Service's senders of every membership target (short codes, phone numbers) form one
 * pool. `pool_one_service` adds a sender to the service under test and then to a temporary one, which must refuse
 * it with the create endpoint's "another parent" conflict and stay empty; `pool_shared_limit` fills a temporary
 * service with a mix of senders up to `poolLimit`, then each kind's next sender must get the create endpoint's
 * "pool full" answer and not be added. Codes, statuses and paths come from each target; the temporary services
 * and every sender added are removed again, also when a run fails.
 */
import { collectionOperations as ops } from "@shortcode-kit/schema"
import * as fc from "fast-check"
import { expectAnswer, expectSuccess } from "./Expectation.js"
import { auth } from "./Http.js"
import type { ConformanceTarget } from "./Membership.js"
import type { PoolSenders } from "./Options.js"
import { judgeStatus, parseJson } from "./Oracles.js"
import type { CheckProperty, Env, Run } from "./Run.js"
import { addForm, pageItems } from "./Service.js"
import { withArticle } from "../internal/article.js"


/** One sender: the target it belongs to and its SID. */
interface Sender {
  readonly target: ConformanceTarget
  readonly sid: string
}

/** What a run added and created, to be removed in its `finally`, whatever happened. */
interface Cleanup {
  readonly added: Array<{ readonly parentSid: string; readonly sender: Sender }>
  readonly parents: Array<string>
}

const cleanUp = async (env: Env, cleanup: Cleanup) => {
  const target = env.cleanupTarget
  const credentials = auth.primary(env.accountSid)
  for (const { parentSid, sender } of cleanup.added.reverse()) {
    await target.send({ method: ops.delete.method, path: sender.target.instancePath(parentSid, sender.sid), auth: credentials }).catch(() => undefined)
  }
  for (const parentSid of cleanup.parents) {
    await target.send({ method: ops.delete.method, path: env.resource.parent.instancePath(parentSid), auth: credentials }).catch(() => undefined)
  }
}

/** Creates a temporary parent within the run (the parents' own resource is not in the group: its create answers what every declared collection's does). */
const temporaryParent = async (run: Run, cleanup: Cleanup, why: string): Promise<string> => {
  const { resource } = run.env
  const exchange = await run.send(`create a temporary ${resource.words.parent} (${why})`, {
    method: ops.create.method,
    path: resource.parent.collectionPath,
    headers: { "Content-Type": resource.formType },
    body: `FriendlyName=${encodeURIComponent(`shortcode-kit conformance pool check (${why})`)}`,
    auth: auth.primary(run.env.accountSid)
  }, expectSuccess(ops.create.status, "any", `a temporary ${resource.words.parent} for the pool check`))
  const parsed = parseJson(exchange.response?.body ?? "")
  const sid = parsed.ok && typeof parsed.value === "object" && parsed.value !== null ? (parsed.value as { sid?: unknown }).sid : undefined
  if (!resource.parent.is(sid)) return run.fail({ message: `the temporary ${resource.words.parent} has no SID`, expected: `a ${resource.parent.prefix} SID`, received: String(exchange.response?.body) })
  cleanup.parents.push(sid as string)
  return sid as string
}

const add = async (run: Run, cleanup: Cleanup, parentSid: string, sender: Sender, expected: ReturnType<typeof expectAnswer>, step: string) => {
  const exchange = await run.send(step, {
    method: ops.create.method,
    path: sender.target.collectionPath(parentSid),
    headers: { "Content-Type": sender.target.formType },
    body: addForm(sender.target, sender.sid),
    auth: auth.primary(run.env.accountSid)
  }, expected)
  const status = exchange.response?.status ?? 0
  if (status >= 200 && status < 300) cleanup.added.push({ parentSid, sender })
}

/** Lists `parentSid`'s members of `target`: a page that names `sid` shows it was added although it was refused. */
const expectNotListed = async (run: Run, parentSid: string, sender: Sender, because: string) => {
  const { target } = sender
  const exchange = await run.send(`list the ${target.words.members} of ${parentSid}`, {
    method: ops.list.method,
    path: `${target.collectionPath(parentSid)}?PageSize=1000`,
    auth: auth.primary(run.env.accountSid)
  }, expectSuccess(target.success.listed, target.bodies.page, `${parentSid} exists and the credentials are the account's`))
  const items = pageItems(target, exchange)
  if (!items.ok) return run.fail(items.verdict)
  if (items.sids.includes(sender.sid)) {
    run.fail({ message: `${sender.sid} was refused but is listed in ${parentSid}: ${because}`, expected: `no ${sender.sid} in ${parentSid}`, received: items.sids.join(", ") })
  }
}

const answerOf = (sender: Sender, kind: "inAnotherParent" | "poolFull") =>
  sender.target.errors[kind] ?? (() => {
    throw new TypeError(`runConformance: ${sender.target.name}'s create endpoint declares no ${kind === "poolFull" ? "pool-full" : "another-parent"} answer`)
  })()

/** `pool_one_service`: a sender in the service under test is refused by a second service, which stays empty. */
export const oneServiceProperty = (env: Env, senders: ReadonlyArray<PoolSenders>): CheckProperty<Sender> => ({
  arbitrary: fc.constantFrom(...senders).chain(({ target, sids }) => fc.constantFrom(...sids).map((sid): Sender => ({ target, sid }))),
  judge: judgeStatus,
  execute: async (sender, run) => {
    const cleanup: Cleanup = { added: [], parents: [] }
    const { words } = sender.target
    try {
      await add(run, cleanup, env.serviceSid, sender, expectSuccess(sender.target.success.added, sender.target.bodies.member, `${sender.sid} is in the account's inventory and in no ${words.parent}`), `add ${sender.sid} to ${env.serviceSid}`)
      const other = await temporaryParent(run, cleanup, "a second one")
      const conflict = answerOf(sender, "inAnotherParent")
      await add(run, cleanup, other, sender, expectAnswer(conflict, `${sender.sid} is in ${env.serviceSid}: ${withArticle(words.member)} is in one ${words.parent} at a time`), `add ${sender.sid} to the second ${words.parent} ${other}`)
      await expectNotListed(run, other, sender, `${withArticle(words.member)} of another ${words.parent} was added to it`)
    } finally {
      await cleanUp(env, cleanup)
    }
  }
})

/**
 * `pool_shared_limit`: a temporary service filled with a mix of senders up to `limit` refuses the next sender of
 * each kind. Each kind keeps one SID back for that; the fill is a shuffled pick of the others with two kinds or more.
 */
export const sharedLimitProperty = (env: Env, senders: ReadonlyArray<PoolSenders>, limit: number): CheckProperty<ReadonlyArray<Sender>> => {
  const fill = senders.flatMap(({ target, sids }) => sids.slice(1).map((sid): Sender => ({ target, sid })))
  const next = senders.map(({ target, sids }): Sender => ({ target, sid: sids[0] as string }))
  return {
    arbitrary: fc.shuffledSubarray(fill, { minLength: limit, maxLength: limit }).filter((picked) => new Set(picked.map((sender) => sender.target)).size > 1),
    judge: judgeStatus,
    execute: async (picked, run) => {
      const cleanup: Cleanup = { added: [], parents: [] }
      try {
        const parent = await temporaryParent(run, cleanup, `filled up to ${limit}`)
        for (const [i, sender] of picked.entries()) {
          const { words } = sender.target
          await add(run, cleanup, parent, sender, expectSuccess(sender.target.success.added, sender.target.bodies.member, `${i} senders of at most ${limit} are in ${parent}`), `add ${words.member} ${sender.sid} (${i + 1} of ${limit})`)
        }
        const held = picked.map((sender) => `${sender.target.words.member} ${sender.sid}`).join(", ")
        for (const sender of next) {
          const { words } = sender.target
          const because = `${parent} holds ${limit} senders, the limit of its pool, which ${words.members} share with the other kinds: ${held}`
          await add(run, cleanup, parent, sender, expectAnswer(answerOf(sender, "poolFull"), because), `add ${words.member} ${sender.sid} beyond the limit`)
          await expectNotListed(run, parent, sender, "a sender beyond the pool's limit was added")
        }
      } finally {
        await cleanUp(env, cleanup)
      }
    }
  }
}
