import { evaluatePolicy } from '../../src-main/contract/rules/policyEvaluator'

/**
 * What a bucket policy could let an anonymous visitor do, over-approximated
 *
 * For tests that must prove a bucket stays unlistable: "could any Allow statement apply
 * to an anonymous request for this action and resource?", with the app's own evaluator
 * (src-main/contract/rules/policyEvaluator.ts) doing the matching. Deny statements are
 * left out and unknown conditions count as "maybe", so `false` is a proof that the policy
 * grants nothing of the kind; `true` only means "maybe" (the real server decides: see
 * tests/integration/publicExposure.test.ts).
 */
export function anonymousMayDo(policy: unknown, action: string, resource: string): boolean {
  const { relevant } = evaluatePolicy(policy, { principal: { kind: 'anonymous' }, action, resource })
  return relevant.some((statement) => statement.effect === 'Allow' && statement.applies !== 'false')
}

/** The ListBucket family: what a visitor would need to see the bucket's keys. */
export const listingActions = ['s3:ListBucket', 's3:ListBucketVersions', 's3:ListBucketMultipartUploads'] as const

export function anonymousMayList(policy: unknown, bucket: string): boolean {
  return listingActions.some((action) => anonymousMayDo(policy, action, `arn:aws:s3:::${bucket}`))
}
