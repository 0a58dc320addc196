import { evaluatePolicy, type JudgedStatement, type PolicyEvaluation } from '../../../contract/rules/policyEvaluator'
import type { DoctorFinding } from '../../../contract/calls/urlDoctor'
import type { DoctorFacts } from './doctorFacts'
import { visitorContext } from './browserBehaviour'
import { publicPolicyFix, removeStatementFix, type PlanBook } from './fixPlans'
import { finding, judged, unread, waiting, words, type Judged } from './verdicts'

/** The bucket policy as the doctor sees it: not read yet, unreadable, absent, or evaluated for this visitor. */
export type PolicyView =
  | { kind: 'waiting' | 'unread' | 'none' | 'unreadable' }
  | { kind: 'evaluated'; json: string; evaluation: PolicyEvaluation }

export function policyView(facts: DoctorFacts): PolicyView {
  const read = facts.policy
  if (!read) return { kind: 'waiting' }
  if (read.state !== 'ok') return { kind: 'unread' }
  if (read.value === null) return { kind: 'none' }
  let document: unknown
  try {
    document = JSON.parse(read.value)
  } catch {
    return { kind: 'unreadable' }
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return { kind: 'unreadable' }
  const key = facts.checkedKey ?? ''
  const evaluation = evaluatePolicy(document, {
    principal: { kind: 'anonymous' },
    action: 's3:GetObject',
    resource: `arn:aws:s3:::${facts.question.bucket}/${key}`,
    context: visitorContext(facts.url ?? 'https:', facts.question.origin),
  })
  return { kind: 'evaluated', json: read.value, evaluation }
}

/** Does the policy let a visitor read this key? Null while unknown. */
export function policyGrants(view: PolicyView): 'yes' | 'maybe' | 'no' | null {
  if (view.kind === 'none' || view.kind === 'unreadable') return 'no'
  if (view.kind !== 'evaluated') return null
  const { decision } = view.evaluation
  return decision === 'allow' ? 'yes' : decision === 'depends' ? 'maybe' : 'no'
}

export const statementLabel = (s: Pick<JudgedStatement, 'sid' | 'index'>) => (s.sid ? `“${s.sid}”` : `#${s.index + 1}`)

const keysOf = (s: JudgedStatement, result?: string) => s.conditions.filter((c) => result === undefined || c.result === result).map((c) => c.key.toLowerCase())
const valuesOf = (s: JudgedStatement, key: string) => s.conditions.filter((c) => c.key.toLowerCase() === key).flatMap((c) => c.values).join(', ')
const principalKey = (key: string) => key.startsWith('aws:principal') || key === 'aws:userid' || key === 'aws:username'

/**
 * The bucket policy, evaluated for an anonymous s3:GetObject of this key
 *
 * Says which statement decides: the Deny that refuses (and why, by its condition), the
 * Allow that would serve only some visitors (hot-link protection, a VPC endpoint), or
 * that none lets anyone read it. An object made public by its ACL alone is the Object
 * Ownership check's to explain, so the missing statement is then only noted here.
 */
export function judgePolicy(facts: DoctorFacts, view: PolicyView, plans: PlanBook): Judged {
  if (view.kind === 'waiting') return waiting
  const problem = facts.policy && unread(facts.policy, 'policy.unsupported')
  if (problem) return problem
  const aclMakesPublic = facts.acl?.state === 'ok' && facts.acl.value
  const missing = aclMakesPublic ? 'info' : 'cause'
  if (view.kind === 'none') return judged([finding(missing, 'policy.none', {}, missing === 'cause' ? publicPolicyFix(facts, plans) : null)])
  if (view.kind === 'unreadable') return judged([finding('cause', 'policy.unreadable', {}, words('fix.policy-unreadable'))])
  if (view.kind !== 'evaluated') return waiting

  const { decision, deciding, relevant } = view.evaluation
  const findings: DoctorFinding[] = []
  if (decision === 'allow' && deciding) {
    const referer = keysOf(deciding).includes('aws:referer')
    findings.push(referer && facts.question.origin
      ? finding('warning', 'policy.allows-from-site', { statement: statementLabel(deciding), origin: facts.question.origin })
      : finding('info', 'policy.allows', { statement: statementLabel(deciding) }))
  } else if (decision === 'deny' && deciding) {
    findings.push(denied(facts, view.json, deciding, plans))
  } else if (decision === 'depends' && deciding) {
    const refused = (facts.request?.status ?? 0) >= 400 ? 'cause' : 'warning'
    const unknownKeys = keysOf(deciding, 'unknown')
    findings.push(unknownKeys.includes('aws:sourceip')
      ? finding(refused, 'policy.ip-only', { statement: statementLabel(deciding), values: valuesOf(deciding, 'aws:sourceip') }, words('fix.ip'))
      : finding(refused, 'policy.depends', { statement: statementLabel(deciding), keys: unknownKeys.join(', ') }, words('fix.edit-policy')))
  } else {
    // Nothing allows it. An Allow that a condition held back says more than "no statement".
    const heldBack = relevant.filter((s) => s.effect === 'Allow' && s.applies === 'false')
    const byReferer = heldBack.find((s) => keysOf(s, 'false').includes('aws:referer'))
    const byVpce = heldBack.find((s) => keysOf(s, 'false').some((k) => k === 'aws:sourcevpce' || k === 'aws:sourcevpc'))
    if (byReferer) findings.push(finding('cause', 'policy.referer-only', { statement: statementLabel(byReferer), values: valuesOf(byReferer, 'aws:referer') }, words('fix.referer')))
    else if (byVpce) findings.push(finding('cause', 'policy.vpce-only', { statement: statementLabel(byVpce), values: valuesOf(byVpce, 'aws:sourcevpce') || valuesOf(byVpce, 'aws:sourcevpc') }, words('fix.vpce')))
    else findings.push(finding(missing, 'policy.no-public-statement', {}, missing === 'cause' ? publicPolicyFix(facts, plans) : null))
  }
  return judged(findings)
}

/** An explicit Deny, said by what it tests; only an unconditional one is Cubeta's to remove. */
function denied(facts: DoctorFacts, json: string, statement: JudgedStatement, plans: PlanBook): DoctorFinding {
  const label = statementLabel(statement)
  const keys = keysOf(statement)
  if (keys.includes('aws:securetransport')) {
    const url = facts.url ?? ''
    const fix = facts.question.form === 'custom-base' ? words('fix.https-base') : words('fix.https', { url: url.replace(/^http:/i, 'https:') })
    return finding('cause', 'policy.https-only', { statement: label }, fix)
  }
  if (keys.some((k) => k === 'aws:sourcevpce' || k === 'aws:sourcevpc')) {
    return finding('cause', 'policy.vpce-only', { statement: label, values: valuesOf(statement, 'aws:sourcevpce') || valuesOf(statement, 'aws:sourcevpc') }, words('fix.vpce'))
  }
  if (keys.some(principalKey)) return finding('cause', 'policy.account-only', { statement: label, keys: keys.join(', ') }, words('fix.edit-policy'))
  if (keys.length > 0) return finding('cause', 'policy.denied-when', { statement: label, keys: keys.join(', ') }, words('fix.edit-policy'))
  return finding('cause', 'policy.denied', { statement: label }, removeStatementFix(facts, plans, json, statement.index, label))
}
