/* Pure and dependency-free: the policy editor checks as the user types, the main side checks again. */
import { patternMatches, statementsOf } from '../policyEvaluator'
import { accountActions, bucketActions, objectActions, type ActionReach } from './s3Actions'

/**
 * What S3 would refuse in a bucket policy, before it is sent
 *
 * S3 answers MalformedPolicy with one short reason for the first thing it dislikes; this
 * names every one, by statement: fields it does not know, an Effect other than Allow or
 * Deny, a missing or malformed Principal, actions it does not know or that fit none of
 * the statement's resources, ARNs that are malformed or point outside this bucket, and
 * the 20 KB limit. What only S3 can know (does this user exist?) is left to S3.
 */
export interface PolicyProblem {
  code:
    | 'policy-not-object'
    | 'policy-too-large'
    | 'policy-unknown-field'
    | 'policy-bad-version'
    | 'policy-no-statements'
    | 'statement-not-object'
    | 'statement-unknown-field'
    | 'statement-bad-effect'
    | 'statement-no-principal'
    | 'statement-bad-principal'
    | 'statement-no-action'
    | 'statement-bad-action'
    | 'statement-account-action'
    | 'statement-no-resource'
    | 'statement-bad-arn'
    | 'statement-other-bucket'
    | 'statement-action-resource'
    | 'statement-bad-condition'
    | 'statement-duplicate-sid'
  /** Which statement (1-based; 0 for the document itself). */
  statement: number
  detail: string
}

export const maxPolicyBytes = 20 * 1024
const documentFields = new Set(['Version', 'Id', 'Statement'])
const statementFields = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'])
const principalKinds = new Set(['AWS', 'Service', 'CanonicalUser', 'Federated'])

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
/** A field that is one text or a non-empty list of texts; null when it is neither. */
const texts = (value: unknown): string[] | null => {
  const list = Array.isArray(value) ? value : [value]
  return list.length > 0 && list.every((v) => typeof v === 'string' && v !== '') ? (list as string[]) : null
}

export function policyProblems(policy: unknown, bucket: string): PolicyProblem[] {
  if (!isRecord(policy)) return [{ code: 'policy-not-object', statement: 0, detail: '' }]
  if (new TextEncoder().encode(JSON.stringify(policy)).length > maxPolicyBytes) return [{ code: 'policy-too-large', statement: 0, detail: '' }]
  const problems: PolicyProblem[] = []
  for (const key of Object.keys(policy)) if (!documentFields.has(key)) problems.push({ code: 'policy-unknown-field', statement: 0, detail: key })
  if (policy.Version !== undefined && policy.Version !== '2012-10-17' && policy.Version !== '2008-10-17') problems.push({ code: 'policy-bad-version', statement: 0, detail: String(policy.Version) })
  const raw = policy.Statement
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
  if (list.length === 0) problems.push({ code: 'policy-no-statements', statement: 0, detail: '' })
  const sids = new Set<string>()
  list.forEach((statement, index) => {
    const add = (code: PolicyProblem['code'], detail = '') => problems.push({ code, statement: index + 1, detail })
    if (!isRecord(statement)) return add('statement-not-object')
    for (const key of Object.keys(statement)) if (!statementFields.has(key)) add('statement-unknown-field', key)
    if (typeof statement.Sid === 'string') {
      if (sids.has(statement.Sid)) add('statement-duplicate-sid', statement.Sid)
      sids.add(statement.Sid)
    }
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') add('statement-bad-effect', String(statement.Effect ?? ''))
    checkPrincipal(statement, add)
    const reach = checkActions(statement, add)
    const resourceReach = checkResources(statement, bucket, add)
    // Each action must fit one of the resources: s3:ListBucket on bucket/* alone is refused.
    if (reach && resourceReach) for (const a of reach.actions) if (!a.reach.some((r) => resourceReach.has(r))) add('statement-action-resource', a.name)
    if (statement.Condition !== undefined && !(isRecord(statement.Condition) && Object.values(statement.Condition).every(isRecord))) add('statement-bad-condition')
  })
  return problems
}

type Add = (code: PolicyProblem['code'], detail?: string) => void

function checkPrincipal(statement: Record<string, unknown>, add: Add): void {
  const field = 'Principal' in statement ? 'Principal' : 'NotPrincipal' in statement ? 'NotPrincipal' : null
  if (!field) return add('statement-no-principal')
  const principal = statement[field]
  if (principal === '*') return
  if (!isRecord(principal) || Object.keys(principal).length === 0) return add('statement-bad-principal', JSON.stringify(principal) ?? '')
  for (const [kind, value] of Object.entries(principal)) {
    const names = texts(value)
    if (!principalKinds.has(kind) || !names) {
      add('statement-bad-principal', kind)
      continue
    }
    for (const name of names) if (!principalNameFits(kind, name)) add('statement-bad-principal', name)
  }
}

function principalNameFits(kind: string, name: string): boolean {
  if (kind === 'AWS') return name === '*' || /^\d{12}$/.test(name) || /^arn:aws(-cn|-us-gov)?:(iam::\d{12}:(root|user\/.+|role\/.+|federated-user\/.+)|sts::\d{12}:assumed-role\/.+)$/.test(name)
  if (kind === 'Service') return /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(name)
  if (kind === 'CanonicalUser') return /^[0-9a-f]{64}$/.test(name)
  return name.length > 0
}

/** Each action named, with the resources it can apply to; null when the statement names none that S3 knows. */
function checkActions(statement: Record<string, unknown>, add: Add): { actions: { name: string; reach: ActionReach[] }[] } | null {
  if ('Action' in statement && 'NotAction' in statement) add('statement-no-action', 'both')
  const field = 'Action' in statement ? 'Action' : 'NotAction' in statement ? 'NotAction' : null
  if (!field) {
    add('statement-no-action')
    return null
  }
  const names = texts(statement[field])
  if (!names) {
    add('statement-bad-action', JSON.stringify(statement[field]) ?? '')
    return null
  }
  const actions = names.flatMap((name) => {
    const reach = actionReach(name)
    if (reach === 'unknown') add('statement-bad-action', name)
    else if (reach === 'account') add('statement-account-action', name)
    return Array.isArray(reach) ? [{ name, reach }] : []
  })
  // NotAction names what is excluded: every other action may apply, so no resource mismatch.
  return field === 'Action' && actions.length === names.length ? { actions } : null
}

export function actionReach(name: string): ActionReach[] | 'account' | 'unknown' {
  if (name === '*') return ['bucket', 'object']
  const match = /^s3:([A-Za-z*?]+)$/i.exec(name)
  if (!match) return 'unknown'
  const pattern = match[1] as string
  const fits = (list: readonly string[]) => list.some((action) => patternMatches(pattern, action, true))
  const reach: ActionReach[] = [...(fits(bucketActions) ? ['bucket' as const] : []), ...(fits(objectActions) ? ['object' as const] : [])]
  if (reach.length > 0) return reach
  return fits(accountActions) ? 'account' : 'unknown'
}

/** The kinds of resource the statement names in this bucket; null when it names none that can be checked. */
function checkResources(statement: Record<string, unknown>, bucket: string, add: Add): Set<ActionReach> | null {
  const field = 'Resource' in statement ? 'Resource' : 'NotResource' in statement ? 'NotResource' : null
  if (!field) {
    add('statement-no-resource')
    return null
  }
  const names = texts(statement[field])
  if (!names) {
    add('statement-bad-arn', JSON.stringify(statement[field]) ?? '')
    return null
  }
  const reach = new Set<ActionReach>()
  for (const name of names) {
    const fits = resourceReach(name, bucket)
    if (fits === 'malformed') add('statement-bad-arn', name)
    else if (fits === 'elsewhere') add('statement-other-bucket', name)
    else for (const r of fits) reach.add(r)
  }
  return field === 'Resource' && reach.size > 0 ? reach : null
}

export function resourceReach(name: string, bucket: string): ActionReach[] | 'malformed' | 'elsewhere' {
  if (name === '*') return ['bucket', 'object']
  const match = /^arn:aws(-cn|-us-gov)?:s3:::(.+)$/.exec(name)
  if (!match) return 'malformed'
  const rest = match[2] as string
  const slash = rest.indexOf('/')
  const bucketPart = slash === -1 ? rest : rest.slice(0, slash)
  if (!patternMatches(bucketPart, bucket, false)) return 'elsewhere'
  if (slash !== -1) return ['object']
  // "my-bucket*" reaches past the slash too: the bucket and its objects.
  return bucketPart.includes('*') ? ['bucket', 'object'] : ['bucket']
}

/**
 * S3 calls a policy public when an Allow reaches everyone without a condition that pins
 * the caller down (a source IP, VPC, account or organisation).
 */
const pinningKeys = ['aws:sourceip', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceowner', 'aws:principalorgid', 'aws:principalaccount', 'aws:principalarn', 'aws:userid', 's3:dataaccesspointaccount', 's3:dataaccesspointarn']

export function isPublicPolicy(policy: unknown): boolean {
  return statementsOf(policy).some(({ statement }) => {
    if (statement.Effect !== 'Allow') return false
    const everyone = 'NotPrincipal' in statement || statement.Principal === '*' || (isRecord(statement.Principal) && (texts(statement.Principal.AWS) ?? []).includes('*'))
    if (!everyone) return false
    const keys = isRecord(statement.Condition) ? Object.values(statement.Condition).flatMap((block) => (isRecord(block) ? Object.keys(block).map((k) => k.toLowerCase()) : [])) : []
    return !keys.some((key) => pinningKeys.includes(key))
  })
}

/**
 * The statements of `before` that `after` no longer holds as they were, by Sid or #n,
 * so an edit never drops one without saying so. A changed statement counts as removed:
 * its old form is gone.
 */
export function removedStatements(before: unknown, after: unknown): string[] {
  const kept = new Set(statementsOf(after).map(({ statement }) => canonical(statement)))
  return statementsOf(before)
    .filter(({ statement }) => !kept.has(canonical(statement)))
    .map(({ statement, index }) => (typeof statement.Sid === 'string' && statement.Sid !== '' ? statement.Sid : `#${index + 1}`))
}

/** JSON with object keys sorted: the same statement written in another order is the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (isRecord(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`
  return JSON.stringify(value) ?? 'null'
}
