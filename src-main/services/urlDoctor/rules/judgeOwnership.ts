import type { DoctorFacts } from './doctorFacts'
import { publicPolicyFix, type PlanBook } from './fixPlans'
import { policyGrants, type PolicyView } from './judgePolicy'
import { finding, judged, unread, waiting, type Judged } from './verdicts'

/**
 * Object Ownership and ACLs
 *
 * BucketOwnerEnforced (the default since April 2023) turns ACLs off: nothing to judge for
 * this URL, but an app that still sends public-read fails its uploads, which is worth
 * saying. With ACLs on, an object public only by its ACL is fragile, and a dead end when
 * Block Public Access ignores public ACLs: the policy statement is the fix for both.
 */
export function judgeOwnership(facts: DoctorFacts, view: PolicyView, plans: PlanBook): Judged {
  if (!facts.ownership) return waiting
  const problem = unread(facts.ownership, 'ownership.unsupported')
  if (problem) return problem
  const ownership = facts.ownership.state === 'ok' ? facts.ownership.value : null
  if (ownership === 'BucketOwnerEnforced') return judged([finding('info', 'ownership.enforced')])
  // A missing object has no ACL; the object check says so.
  if (facts.head?.state === 'ok' && facts.head.value === null) return judged([finding('info', 'ownership.no-public-acl', { ownership: ownership ?? 'ObjectWriter' })])
  if (!facts.acl) return waiting
  const aclProblem = unread(facts.acl, 'ownership.unsupported')
  if (aclProblem) return aclProblem
  const publicAcl = facts.acl.state === 'ok' && facts.acl.value
  if (!publicAcl) return judged([finding('info', 'ownership.no-public-acl', { ownership: ownership ?? 'ObjectWriter' })])
  if (policyGrants(view) === 'yes') return judged([finding('info', 'ownership.acl-and-policy')])
  const bucket = facts.bucketBlock?.state === 'ok' ? facts.bucketBlock.value : null
  const account = facts.accountBlock?.state === 'ok' ? facts.accountBlock.value : null
  if (bucket?.IgnorePublicAcls) return judged([finding('cause', 'ownership.acl-ignored-bucket', {}, publicPolicyFix(facts, plans))])
  if (account?.IgnorePublicAcls) return judged([finding('cause', 'ownership.acl-ignored-account', {}, publicPolicyFix(facts, plans))])
  return judged([finding('warning', 'ownership.acl-only', {}, publicPolicyFix(facts, plans))])
}
