import { wildcardMatch } from '../../../contract/rules/policyConditions'
import type { CorsRule, DoctorFacts } from './doctorFacts'
import { corsFix, type PlanBook } from './fixPlans'
import { finding, judged, unread, waiting, type Judged } from './verdicts'

/**
 * CORS, for the uses that need it: fetch/XHR, a <canvas> that reads pixels, web fonts
 *
 * A plain <img> or link works without it, so it is only judged when the user says the
 * file is used so, from which origin. S3 matches the rules in order; an AllowedOrigin may
 * hold one "*" wildcard. The server's own answer to that Origin is shown as evidence.
 */
export function matchingCorsRule(rules: readonly CorsRule[], origin: string, method = 'GET'): { rule: CorsRule; index: number } | null {
  const index = rules.findIndex(
    (rule) => (rule.AllowedMethods ?? []).some((m) => m.toUpperCase() === method) && (rule.AllowedOrigins ?? []).some((pattern) => wildcardMatch(pattern, origin, false)),
  )
  return index === -1 ? null : { rule: rules[index]!, index }
}

export function judgeCors(facts: DoctorFacts, plans: PlanBook): Judged {
  const { usage, origin } = facts.question
  if (usage === 'page') return { state: 'skipped', findings: [finding('info', 'cors.not-needed')] }
  if (!origin) return { state: 'skipped', findings: [finding('info', 'cors.no-origin')] }
  if (!facts.cors) return waiting
  const evidence = facts.request?.status != null ? [finding('info', 'cors.answer', { origin, allowed: facts.request.allowOrigin ?? 'none' })] : []
  const problem = unread(facts.cors, 'cors.not-needed')
  if (problem) return { ...problem, findings: [...problem.findings, ...evidence] }
  const rules = facts.cors.state === 'ok' ? facts.cors.value : null
  if (rules === null || rules.length === 0) return judged([finding('cause', 'cors.none', { origin }, corsFix(facts, plans, origin, rules)), ...evidence])
  const match = matchingCorsRule(rules, origin)
  if (!match) return judged([finding('cause', 'cors.no-match', { origin }, corsFix(facts, plans, origin, rules)), ...evidence])
  return judged([finding('info', 'cors.allowed', { rule: match.rule.ID ? `“${match.rule.ID}”` : `#${match.index + 1}`, origin }), ...evidence])
}
