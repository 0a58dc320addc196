/**
 * What a bucket policy lets an anonymous visitor do, over-approximated
 *
 * A small evaluator for tests that must prove a bucket stays unlistable. It answers
 * "could any Allow statement apply to an anonymous request for this action and
 * resource?", and errs towards yes: Deny statements and Conditions are ignored, and
 * NotPrincipal / NotAction / NotResource count as matching unless they name the request
 * outright. So `false` is a proof that the policy grants nothing of the kind; `true` only
 * means "maybe" (the real server decides: see tests/integration/publicExposure.test.ts).
 */
/** `policy` is the parsed document (any JSON value: what is not a policy grants nothing). */
export function anonymousMayDo(policy: unknown, action: string, resource: string): boolean {
  return statementsOf(policy).some((statement) => allowsAnonymously(statement, action, resource))
}

/** The ListBucket family: what a visitor would need to see the bucket's keys. */
export const listingActions = ['s3:ListBucket', 's3:ListBucketVersions', 's3:ListBucketMultipartUploads'] as const

export function anonymousMayList(policy: unknown, bucket: string): boolean {
  return listingActions.some((action) => anonymousMayDo(policy, action, `arn:aws:s3:::${bucket}`))
}

function statementsOf(policy: unknown): Record<string, unknown>[] {
  const raw = typeof policy === 'object' && policy !== null ? (policy as { Statement?: unknown }).Statement : undefined
  const list = Array.isArray(raw) ? raw : raw !== undefined ? [raw] : []
  return list.filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null && !Array.isArray(s))
}

function allowsAnonymously(statement: Record<string, unknown>, action: string, resource: string): boolean {
  if (statement.Effect !== 'Allow') return false
  const principal = 'NotPrincipal' in statement ? true : coversAnonymous(statement.Principal)
  const acts = 'NotAction' in statement ? !matchesAny(statement.NotAction, action, true) : matchesAny(statement.Action, action, true)
  const res = 'NotResource' in statement ? !matchesAny(statement.NotResource, resource, false) : matchesAny(statement.Resource, resource, false)
  return principal && acts && res
}

/** "*", {"AWS": "*"} or {"AWS": [..., "*"]}: everyone, signed in or not. */
function coversAnonymous(principal: unknown): boolean {
  if (principal === '*') return true
  if (typeof principal !== 'object' || principal === null) return false
  const aws = (principal as { AWS?: unknown }).AWS
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'))
}

function matchesAny(patterns: unknown, value: string, caseInsensitive: boolean): boolean {
  const list = Array.isArray(patterns) ? patterns : [patterns]
  return list.some((pattern) => typeof pattern === 'string' && globMatch(pattern, value, caseInsensitive))
}

/** IAM wildcards: * is any run of characters, ? any one. */
export function globMatch(pattern: string, value: string, caseInsensitive: boolean): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')
  return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's').test(value)
}
