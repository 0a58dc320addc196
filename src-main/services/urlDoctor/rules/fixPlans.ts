import { cubetaStatements, mergeBucketPolicy, UnreadablePolicyError } from '../../../contract/rules/bucketPolicy'
import { statementsOf } from '../../../contract/rules/policyEvaluator'
import type { DoctorChange, DoctorFix, DoctorText } from '../../../contract/calls/urlDoctor'
import { doctorText } from '../../../contract/words/urlDoctor'
import type { BlockConfig, CorsRule, DoctorFacts } from './doctorFacts'

/**
 * The changes Cubeta can make, worked out before anything is sent
 *
 * Each plan keeps what it saw ("before"): the fix is applied only if the bucket still
 * looks like that, so the user approves exactly the change that happens. Pure.
 */
export type FixPlan =
  | { kind: 'public-policy'; bucket: string; blockBefore: BlockConfig | null | 'unknown'; blockAfter: BlockConfig | null; policyBefore: string | null; policyAfter: string }
  | { kind: 'relax-block'; bucket: string; blockBefore: BlockConfig; blockAfter: BlockConfig }
  | { kind: 'remove-statement'; bucket: string; policyBefore: string; policyAfter: string | null }
  | { kind: 'header'; bucket: string; key: string; etag: string | null; header: 'ContentType' | 'ContentDisposition'; before: string | null; after: string }
  | { kind: 'cors'; bucket: string; rulesBefore: CorsRule[] | null; rulesAfter: CorsRule[] }
  | { kind: 'requester-pays'; bucket: string }

export type PlanBook = Map<string, FixPlan>

const pretty = (value: unknown) => JSON.stringify(value, null, 2)

export const blocksPolicies = (config: BlockConfig | null | 'unknown') => config === 'unknown' || (config !== null && (config.BlockPublicPolicy || config.RestrictPublicBuckets))

/** Relaxed for policies only: the two ACL flags stay as they are. */
export const relaxedForPolicies = (config: BlockConfig): BlockConfig => ({ ...config, BlockPublicPolicy: false, RestrictPublicBuckets: false })

/** What the wizard writes when the current setting can't be read: ACLs blocked, policies allowed. */
const wizardBlock: BlockConfig = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false }

function applyFix(id: string, plan: FixPlan, plans: PlanBook, title: DoctorText, changes: DoctorChange[], caution: DoctorText | null = null): DoctorFix {
  plans.set(id, plan)
  return { kind: 'apply', id, title, changes, caution }
}

/**
 * Public read, as the guided setup does it: Block Public Access relaxed for policies only
 * (when it blocks them), then the public-read statement merged into the policy. In words
 * where it can't work: the account blocks public policies, or the policy can't be read.
 */
export function publicPolicyFix(facts: DoctorFacts, plans: PlanBook): DoctorFix {
  const { bucket } = facts.question
  const account = facts.accountBlock?.state === 'ok' ? facts.accountBlock.value : null
  if (account && (account.BlockPublicPolicy || account.RestrictPublicBuckets)) return { kind: 'words', text: doctorText('fix.account-blocks-fix') }
  if (facts.policy?.state !== 'ok') return { kind: 'words', text: doctorText('not-checked.permission', { permission: 's3:GetBucketPolicy' }) }
  const policyBefore = facts.policy.value
  let merged
  try {
    merged = mergeBucketPolicy(policyBefore, cubetaStatements(bucket, null, 'least-privilege'))
  } catch (error) {
    if (error instanceof UnreadablePolicyError) return { kind: 'words', text: doctorText('fix.policy-unreadable') }
    throw error
  }
  const blockBefore = facts.bucketBlock?.state === 'ok' ? facts.bucketBlock.value : facts.bucketBlock?.state === 'unsupported' ? null : 'unknown'
  const blockAfter = !blocksPolicies(blockBefore) ? null : blockBefore === 'unknown' ? wizardBlock : relaxedForPolicies(blockBefore!)
  const policyAfter = pretty(merged)
  const changes: DoctorChange[] = []
  if (blockAfter) changes.push({ label: doctorText('change.block'), before: blockBefore === 'unknown' ? null : pretty(blockBefore), after: pretty(blockAfter) })
  changes.push({ label: doctorText('change.policy'), before: policyBefore === null ? null : prettyJson(policyBefore), after: policyAfter })
  return applyFix('public-policy', { kind: 'public-policy', bucket, blockBefore, blockAfter, policyBefore, policyAfter }, plans, doctorText('fix.public-policy'), changes)
}

export function relaxBlockFix(facts: DoctorFacts, plans: PlanBook, config: BlockConfig): DoctorFix {
  const after = relaxedForPolicies(config)
  return applyFix('relax-block', { kind: 'relax-block', bucket: facts.question.bucket, blockBefore: config, blockAfter: after }, plans, doctorText('fix.relax-block'), [
    { label: doctorText('change.block'), before: pretty(config), after: pretty(after) },
  ])
}

/** Takes one unconditional Deny out; a policy left with no statement is deleted (S3 refuses an empty one). */
export function removeStatementFix(facts: DoctorFacts, plans: PlanBook, policyJson: string, index: number, label: string): DoctorFix {
  const document = JSON.parse(policyJson) as Record<string, unknown>
  const all = statementsOf(document)
  const removed = all.find((s) => s.index === index)?.statement ?? {}
  const rest = (Array.isArray(document.Statement) ? document.Statement : [document.Statement]).filter((_, i) => i !== index)
  const after = rest.length === 0 ? null : pretty({ ...document, Statement: rest })
  const resources = [removed.Resource ?? removed.NotResource ?? '*'].flat().map(String).join(', ')
  return applyFix('remove-statement', { kind: 'remove-statement', bucket: facts.question.bucket, policyBefore: policyJson, policyAfter: after }, plans, doctorText('fix.remove-statement', { statement: label }), [
    { label: doctorText('change.policy'), before: prettyJson(policyJson), after },
  ], doctorText('fix.remove-statement-caution', { resources }))
}

export function headerFix(facts: DoctorFacts, plans: PlanBook, key: string, etag: string | null, header: 'ContentType' | 'ContentDisposition', before: string | null, after: string): DoctorFix {
  const id = header === 'ContentType' ? 'content-type' : 'inline'
  const title = header === 'ContentType' ? doctorText('fix.content-type', { expected: after }) : doctorText('fix.inline', { disposition: after })
  return applyFix(id, { kind: 'header', bucket: facts.question.bucket, key, etag, header, before, after }, plans, title, [
    { label: doctorText(header === 'ContentType' ? 'change.content-type' : 'change.disposition', { key }), before, after },
  ])
}

/** A rule for exactly that origin, GET and HEAD, added after the bucket's own rules. */
export function corsFix(facts: DoctorFacts, plans: PlanBook, origin: string, rulesBefore: CorsRule[] | null): DoctorFix {
  const host = origin.replace(/^[a-z]+:\/\//i, '').replace(/[^A-Za-z0-9.-]/g, '-')
  const rule: CorsRule = { ID: `cubeta-${host}`.slice(0, 255), AllowedOrigins: [origin], AllowedMethods: ['GET', 'HEAD'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag'], MaxAgeSeconds: 3000 }
  const rulesAfter = [...(rulesBefore ?? []).filter((r) => r.ID !== rule.ID), rule]
  return applyFix('cors', { kind: 'cors', bucket: facts.question.bucket, rulesBefore, rulesAfter }, plans, doctorText('fix.cors', { origin }), [
    { label: doctorText('change.cors'), before: rulesBefore === null ? null : pretty(rulesBefore), after: pretty(rulesAfter) },
  ])
}

export function requesterPaysFix(facts: DoctorFacts, plans: PlanBook): DoctorFix {
  return applyFix('requester-pays', { kind: 'requester-pays', bucket: facts.question.bucket }, plans, doctorText('fix.requester-pays'), [
    { label: doctorText('change.requester-pays'), before: 'Requester', after: 'BucketOwner' },
  ], doctorText('fix.requester-pays-caution'))
}

function prettyJson(text: string): string {
  try {
    return pretty(JSON.parse(text))
  } catch {
    return text
  }
}
