/* Pure and dependency-free: the editors warn as the user edits, the main side refuses without the acknowledgement. */
import type { PolicyPrincipal } from '../policyEvaluator'
import { evaluatePolicy } from '../policyEvaluator'
import type { ContextAnswer } from '../policyConditions'
import { isPublicPolicy } from './policyRules'

/**
 * Changes that can shut the user out, or stop what already works, and so must be asked
 *
 * - A policy whose Deny reaches the profile's own user on s3:GetBucketPolicy or
 *   s3:PutBucketPolicy: with it in place these keys can neither read nor fix the policy
 *   (only the account's root user could).
 * - A policy that denies everyone reading the bucket's files: public URLs and every app
 *   key stop at once.
 * - Block Public Access that ignores public policies while the policy is public: the
 *   guided setup's public read stops working.
 * A Deny whose condition Cubeta can't judge counts as "may": better asked than missed.
 */
export interface Caller {
  arn: string
  account: string
}

export interface Lockout {
  code: 'denies-you' | 'denies-everyone'
  /** The action denied. */
  action: string
  /** False when a condition decides and Cubeta can't know how it comes out. */
  certain: boolean
  /** The statement that denies (its Sid, or #n). */
  statement: string
}

export const ownPolicyActions = ['s3:GetBucketPolicy', 's3:PutBucketPolicy'] as const

/** What Cubeta's own requests carry: always HTTPS, signed as this caller. */
function requestContext(caller: Caller | null) {
  return (key: string): ContextAnswer => {
    const k = key.toLowerCase()
    if (k === 'aws:securetransport') return ['true']
    if (!caller) return k === 'aws:principalarn' || k === 'aws:principalaccount' ? 'absent' : 'unknown'
    if (k === 'aws:principalarn') return [caller.arn]
    if (k === 'aws:principalaccount') return [caller.account]
    return 'unknown'
  }
}

export function policyLockouts(policy: unknown, bucket: string, caller: Caller | null): Lockout[] {
  const lockouts: Lockout[] = []
  const ask = (code: Lockout['code'], principal: PolicyPrincipal, action: string, resource: string) => {
    // The Deny alone decides: an Allow elsewhere (or none here, IAM's own grant) can't outweigh it.
    const { relevant } = evaluatePolicy(policy, { principal, action, resource, context: requestContext(principal.kind === 'named' ? caller : null) })
    const denies = relevant.filter((s) => s.effect === 'Deny' && s.applies !== 'false')
    const deny = denies.find((s) => s.applies === 'true') ?? denies[0]
    if (deny) lockouts.push({ code, action, certain: deny.applies === 'true', statement: deny.sid ?? `#${deny.index + 1}` })
  }
  if (caller) for (const action of ownPolicyActions) ask('denies-you', { kind: 'named', ...caller }, action, `arn:aws:s3:::${bucket}`)
  ask('denies-everyone', { kind: 'anonymous' }, 's3:GetObject', `arn:aws:s3:::${bucket}/any-file`)
  return lockouts
}

export interface BlockSettings {
  blockPublicAcls: boolean
  ignorePublicAcls: boolean
  blockPublicPolicy: boolean
  restrictPublicBuckets: boolean
}

export const blockFields = ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'] as const
/** Never set at all means nothing is blocked. */
export const nothingBlocked: BlockSettings = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false }

/** Which settings a change turns off (widening: more can be public) and on. */
export function blockChanges(before: BlockSettings | null, after: BlockSettings): { off: (typeof blockFields)[number][]; on: (typeof blockFields)[number][] } {
  const was = before ?? nothingBlocked
  return { off: blockFields.filter((f) => was[f] && !after[f]), on: blockFields.filter((f) => !was[f] && after[f]) }
}

/** RestrictPublicBuckets makes S3 ignore a public policy already there: public URLs stop. */
export function publicReadStops(before: BlockSettings | null, after: BlockSettings, policy: unknown): boolean {
  return !(before ?? nothingBlocked).restrictPublicBuckets && after.restrictPublicBuckets && isPublicPolicy(policy)
}

/** Which level's BlockPublicPolicy would make S3 refuse this policy (AccessDenied): the bucket's, the account's, or none. */
export function blockRefusingPolicy(policy: unknown, bucket: BlockSettings | null, account: BlockSettings | null): 'account' | 'bucket' | null {
  if (!isPublicPolicy(policy)) return null
  if (account?.blockPublicPolicy) return 'account'
  if (bucket?.blockPublicPolicy) return 'bucket'
  return null
}
