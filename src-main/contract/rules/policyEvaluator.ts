/* Pure and dependency-free: shared by the URL doctor, the wizard's dry check and the tests. */
import { allOf, judgeConditions, wildcardMatch, type ConditionContext, type JudgedCondition, type Truth } from './policyConditions'

/**
 * What an IAM policy document decides for one request
 *
 * The rules of IAM's policy evaluation for a single policy: an explicit Deny that applies
 * wins over everything; otherwise an Allow that applies is needed; otherwise the request
 * is implicitly denied. A statement applies when its principal, action, resource and
 * conditions all do: `Principal`/`NotPrincipal`, `Action`/`NotAction` (wildcards, no
 * case), `Resource`/`NotResource` (wildcards, case counts) and the Condition block (see
 * policyConditions.ts). What Cubeta can't know (the visitor's IP address) makes a
 * statement "unknown", and the answer then "depends": it never guesses a pass.
 *
 * Anything that is not a policy grants nothing (an implicit deny), and nothing throws.
 */
export type PolicyPrincipal =
  /** Someone with no credentials at all: a browser opening a public URL. */
  | { kind: 'anonymous' }
  /** The user or role whose own identity policy this is: statements carry no Principal. */
  | { kind: 'caller' }
  /** A signed-in IAM user or role, as a bucket policy names it: by its ARN, or by its account. */
  | { kind: 'named'; arn: string; account: string }

export interface PolicyRequest {
  principal: PolicyPrincipal
  action: string
  /** An ARN; null leaves resources out of the question (the wizard's dry check). */
  resource: string | null
  /** Condition keys of this request; unlisted keys are unknown by default. */
  context?: ConditionContext
}

export type PolicyDecision = 'allow' | 'deny' | 'implicit-deny' | 'depends'

export interface JudgedStatement {
  /** Position in the Statement list (0 for a lone statement object). */
  index: number
  sid: string | null
  effect: 'Allow' | 'Deny'
  /** The statement as written, for showing it to the user. */
  statement: Record<string, unknown>
  /** Principal, action and resource all match this request. */
  matches: boolean
  conditions: JudgedCondition[]
  /** Whether it applies: matches and its conditions hold. */
  applies: Truth
}

export interface PolicyEvaluation {
  decision: PolicyDecision
  /** The statement that decides: the first applying Deny, else the first applying Allow; an unknown one for "depends". */
  deciding: JudgedStatement | null
  /** Every statement that names this principal, action and resource, with how its conditions came out. */
  relevant: JudgedStatement[]
}

export function evaluatePolicy(policy: unknown, request: PolicyRequest): PolicyEvaluation {
  const context = request.context ?? (() => 'unknown' as const)
  const relevant = statementsOf(policy)
    .map(({ statement, index }) => judgeStatement(statement, index, request, context))
    .filter((judged): judged is JudgedStatement => judged !== null && judged.matches)
  const denies = relevant.filter((s) => s.effect === 'Deny')
  const allows = relevant.filter((s) => s.effect === 'Allow')
  const firstWhere = (list: JudgedStatement[], truth: Truth) => list.find((s) => s.applies === truth) ?? null

  const deny = firstWhere(denies, 'true')
  if (deny) return { decision: 'deny', deciding: deny, relevant }
  const allow = firstWhere(allows, 'true')
  const maybeDeny = firstWhere(denies, 'unknown')
  const maybeAllow = firstWhere(allows, 'unknown')
  if (allow) return maybeDeny ? { decision: 'depends', deciding: maybeDeny, relevant } : { decision: 'allow', deciding: allow, relevant }
  if (maybeAllow) return { decision: 'depends', deciding: maybeAllow, relevant }
  return { decision: 'implicit-deny', deciding: null, relevant }
}

/** A Statement may be a list or one object; entries that are not objects are skipped. */
export function statementsOf(policy: unknown): { statement: Record<string, unknown>; index: number }[] {
  const raw = isRecord(policy) ? policy.Statement : undefined
  const list = Array.isArray(raw) ? raw : raw !== undefined ? [raw] : []
  return list.flatMap((statement, index) => (isRecord(statement) ? [{ statement, index }] : []))
}

function judgeStatement(statement: Record<string, unknown>, index: number, request: PolicyRequest, context: ConditionContext): JudgedStatement | null {
  const effect = statement.Effect === 'Allow' || statement.Effect === 'Deny' ? statement.Effect : null
  if (!effect) return null
  const matches = principalMatches(statement, request.principal) && actionMatches(statement, request.action) && resourceMatches(statement, request.resource)
  const judged = matches ? judgeConditions(statement.Condition, context) : { result: 'false' as const, conditions: [] }
  return {
    index,
    sid: typeof statement.Sid === 'string' ? statement.Sid : null,
    effect,
    statement,
    matches,
    conditions: judged.conditions,
    applies: matches ? allOf([judged.result]) : 'false',
  }
}

function principalMatches(statement: Record<string, unknown>, principal: PolicyPrincipal): boolean {
  if (principal.kind === 'caller') return !('Principal' in statement) && !('NotPrincipal' in statement)
  const named = (value: unknown) => namesEveryone(value) || (principal.kind === 'named' && namesThisOne(value, principal))
  // NotPrincipal: everyone except those named, and an anonymous visitor is never named but by "*".
  if ('NotPrincipal' in statement) return !named(statement.NotPrincipal)
  return named(statement.Principal)
}

/**
 * {"AWS": ARN, account id or the account's root ARN}: naming an account names every user
 * and role in it, so a Deny on the account reaches them all. Principals take no wildcards.
 */
function namesThisOne(principal: unknown, who: { arn: string; account: string }): boolean {
  if (!isRecord(principal)) return false
  const list = Array.isArray(principal.AWS) ? principal.AWS : [principal.AWS]
  const partition = who.arn.split(':')[1] ?? 'aws'
  return list.some((name) => name === who.arn || name === who.account || name === `arn:${partition}:iam::${who.account}:root`)
}

/** "*", {"AWS": "*"} or {"AWS": [..., "*"]}: everyone, signed in or not. */
function namesEveryone(principal: unknown): boolean {
  if (principal === '*') return true
  if (!isRecord(principal)) return false
  const aws = principal.AWS
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'))
}

function actionMatches(statement: Record<string, unknown>, action: string): boolean {
  if ('NotAction' in statement) return !anyPattern(statement.NotAction, action, true)
  return anyPattern(statement.Action, action, true)
}

function resourceMatches(statement: Record<string, unknown>, resource: string | null): boolean {
  if (resource === null) return true
  if ('NotResource' in statement) return !anyPattern(statement.NotResource, resource, false)
  return anyPattern(statement.Resource, resource, false)
}

function anyPattern(patterns: unknown, value: string, ignoreCase: boolean): boolean {
  const list = Array.isArray(patterns) ? patterns : [patterns]
  return list.some((pattern) => typeof pattern === 'string' && patternMatches(pattern, value, ignoreCase))
}

/**
 * A pattern with policy variables: `${*}`, `${?}` and `${$}` stand for the literal
 * characters; any other variable (${aws:username}) has no value for the requests Cubeta
 * asks about, so the pattern names nothing.
 */
export function patternMatches(pattern: string, value: string, ignoreCase: boolean): boolean {
  if (!pattern.includes('${')) return wildcardMatch(pattern, value, ignoreCase)
  const parts = pattern.split(/(\$\{[^}]*\})/)
  let source = ''
  for (const part of parts) {
    const literal = { '${*}': '*', '${?}': '?', '${$}': '$' }[part]
    if (literal) source += literal.replace(/[*?$]/g, '\\$&')
    else if (part.startsWith('${')) return false
    else source += part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]')
  }
  return new RegExp(`^${source}$`, ignoreCase ? 'iu' : 'u').test(value)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
