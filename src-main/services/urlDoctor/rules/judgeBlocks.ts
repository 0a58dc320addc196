import type { DoctorFacts } from './doctorFacts'
import { publicPolicyFix, relaxBlockFix, type PlanBook } from './fixPlans'
import type { PolicyView } from './judgePolicy'
import { policyGrants } from './judgePolicy'
import { finding, judged, unread, waiting, words, type Judged } from './verdicts'

/**
 * Block Public Access, account first: the stricter of the two wins
 *
 * RestrictPublicBuckets makes S3 ignore a public policy that is there: a cause.
 * BlockPublicPolicy only refuses writing a public one: harmless while the policy is
 * already public, in the way once a statement must be added. The account's setting is
 * the administrator's, never Cubeta's to change; the bucket's is relaxed for policies
 * only, as the guided setup does.
 */
export function judgeAccountBlock(facts: DoctorFacts, view: PolicyView): Judged {
  if (!facts.isAws) return { state: 'skipped', findings: [finding('info', 'account-block.not-aws')] }
  if (!facts.accountBlock) return waiting
  const problem = unread(facts.accountBlock, 'account-block.not-aws')
  if (problem) return problem
  const config = facts.accountBlock.state === 'ok' ? facts.accountBlock.value : null
  if (config === null) return judged([finding('info', 'account-block.none')])
  if (config.RestrictPublicBuckets) return judged([finding('cause', 'account-block.restrict', {}, words('fix.account-block'))])
  if (config.BlockPublicPolicy) {
    const inTheWay = policyGrants(view) === 'no'
    return judged([finding(inTheWay ? 'warning' : 'info', 'account-block.block-policy', {}, inTheWay ? words('fix.account-block') : null)])
  }
  return judged([finding('info', 'account-block.open')])
}

export function judgeBucketBlock(facts: DoctorFacts, view: PolicyView, plans: PlanBook): Judged {
  if (!facts.bucketBlock) return waiting
  const problem = unread(facts.bucketBlock, 'bucket-block.unsupported')
  if (problem) return problem
  const config = facts.bucketBlock.state === 'ok' ? facts.bucketBlock.value : null
  if (config === null) return judged([finding('info', 'bucket-block.none')])
  const grants = policyGrants(view)
  if (config.RestrictPublicBuckets) {
    // With no public statement yet, one fix does both, as the guided setup does.
    const fix = grants === 'no' ? publicPolicyFix(facts, plans) : relaxBlockFix(facts, plans, config)
    return judged([finding('cause', 'bucket-block.restrict', {}, fix)])
  }
  if (config.BlockPublicPolicy) return judged([finding(grants === 'no' ? 'warning' : 'info', 'bucket-block.block-policy')])
  return judged([finding('info', 'bucket-block.open')])
}
