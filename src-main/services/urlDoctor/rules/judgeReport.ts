import { unreachableSegment } from '../../../contract/rules/publicUrl'
import { doctorCheckIds, type DoctorCheck, type DoctorCheckId, type DoctorFinding } from '../../../contract/calls/urlDoctor'
import type { DoctorFacts } from './doctorFacts'
import { browserAction } from './browserBehaviour'
import type { PlanBook } from './fixPlans'
import { judgeBaseUrl } from './judgeBaseUrl'
import { judgeAccountBlock, judgeBucketBlock } from './judgeBlocks'
import { judgeCors } from './judgeCors'
import { judgeObject } from './judgeObject'
import { judgeOwnership } from './judgeOwnership'
import { judgePolicy, policyView } from './judgePolicy'
import { judgeRequest } from './judgeRequest'
import { judgeRequesterPays } from './judgeRequesterPays'
import { finding, words, type Judged } from './verdicts'

/** The settings a CDN with its own access to the bucket makes beside the point. */
const bucketAccessChecks: DoctorCheckId[] = ['account-block', 'bucket-block', 'policy', 'ownership', 'requester-pays']

/**
 * Every check judged from the facts so far, in order, with the fixes they offer
 *
 * Pure, and run again each time a fact lands, so a verdict that depends on a later fact
 * (Block Public Access on the policy, the policy on the object's ACL) settles as soon as
 * that fact is known. `finished` adds the conclusion: the first cause, in check order.
 */
export function judgeAll(facts: DoctorFacts, finished: boolean): { checks: DoctorCheck[]; plans: PlanBook; conclusion: DoctorFinding | null } {
  const plans: PlanBook = new Map()
  const request = judgeRequest(facts)
  const unreachable = facts.checkedKey === null || unreachableSegment(facts.checkedKey) !== null
  let verdicts: Record<DoctorCheckId, Judged>
  if (unreachable) {
    const skipped: Judged = { state: 'skipped', findings: facts.checkedKey === null ? [] : [finding('info', 'skipped.unreachable-key')] }
    verdicts = Object.fromEntries(doctorCheckIds.map((id) => [id, id === 'request' ? request : skipped])) as Record<DoctorCheckId, Judged>
  } else {
    const view = policyView(facts)
    verdicts = {
      request,
      'account-block': judgeAccountBlock(facts, view),
      'bucket-block': judgeBucketBlock(facts, view, plans),
      policy: judgePolicy(facts, view, plans),
      ownership: judgeOwnership(facts, view, plans),
      object: judgeObject(facts, plans),
      cors: judgeCors(facts, plans),
      'requester-pays': judgeRequesterPays(facts, plans),
      'base-url': judgeBaseUrl(facts),
    }
    if (verdicts['base-url'].state === 'pass') servedByBaseUrl(verdicts)
  }
  const checks = doctorCheckIds.map((id) => ({ id, ...verdicts[id] }))
  // Plans whose finding was demoted or dropped must not be applicable.
  const offered = new Set(checks.flatMap((c) => c.findings.flatMap((f) => (f.fix?.kind === 'apply' ? [f.fix.id] : []))))
  for (const id of [...plans.keys()]) if (!offered.has(id)) plans.delete(id)
  return { checks, plans, conclusion: finished ? conclude(checks, facts) : null }
}

/** The base URL serves the bucket's own file: the bucket need not be public (CloudFront with OAC). */
function servedByBaseUrl(verdicts: Record<DoctorCheckId, Judged>) {
  for (const id of bucketAccessChecks) {
    const v = verdicts[id]
    if (v.state !== 'fail' && v.state !== 'warn') continue
    verdicts[id] = { state: 'pass', findings: v.findings.map((f) => (f.severity === 'info' ? f : { ...f, severity: 'info', fix: null })) }
  }
  verdicts.policy = { ...verdicts.policy, findings: [...verdicts.policy.findings, finding('info', 'policy.not-needed-cdn')] }
}

function conclude(checks: DoctorCheck[], facts: DoctorFacts): DoctorFinding {
  const cause = checks.flatMap((c) => c.findings).find((f) => f.severity === 'cause')
  if (cause) return cause
  const answer = facts.request
  if (answer?.status != null && answer.status < 300) {
    return browserAction(answer.status, answer.contentType, answer.contentDisposition) === 'show'
      ? finding('info', 'conclusion.works')
      : finding('info', 'conclusion.works-download', { contentType: answer.contentType ?? 'no Content-Type' })
  }
  const unread = checks.filter((c) => c.state === 'not-checked').flatMap((c) => c.findings.flatMap((f) => (f.code === 'not-checked.permission' ? [String(f.params.permission)] : [])))
  const status = answer?.status ?? 0
  return unread.length > 0
    ? finding('cause', 'conclusion.unexplained-unread', { status, unread: unread.join(', ') }, words('fix.unexplained'))
    : finding('cause', 'conclusion.unexplained', { status }, words('fix.unexplained'))
}
