/* Pure and dependency-free: the CORS editor checks as the user types, the main side checks again. */
/** One CORS rule, in S3's own shape (what the S3 console's JSON editor shows). */
export interface CorsRule {
  ID?: string
  AllowedOrigins: string[]
  AllowedMethods: string[]
  AllowedHeaders?: string[]
  ExposeHeaders?: string[]
  MaxAgeSeconds?: number
}

export interface CorsProblem {
  code: 'cors-not-list' | 'cors-too-many' | 'cors-too-large' | 'cors-not-rule' | 'cors-unknown-field' | 'cors-no-origins' | 'cors-no-methods' | 'cors-bad-method' | 'cors-two-wildcards' | 'cors-bad-max-age' | 'cors-bad-id' | 'cors-not-text'
  /** Which rule (1-based) and what in it. */
  rule: number
  detail: string
}

export const maxCorsBytes = 64 * 1024
export const corsMethods = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'] as const
const fields = new Set(['ID', 'AllowedOrigins', 'AllowedMethods', 'AllowedHeaders', 'ExposeHeaders', 'MaxAgeSeconds'])

/** What S3 would refuse in a CORS configuration, before it is sent. */
export function corsProblems(rules: unknown): CorsProblem[] {
  if (!Array.isArray(rules)) return [{ code: 'cors-not-list', rule: 0, detail: '' }]
  const problems: CorsProblem[] = []
  if (rules.length > 100) problems.push({ code: 'cors-too-many', rule: 0, detail: String(rules.length) })
  rules.forEach((raw, index) => {
    const rule = index + 1
    const add = (code: CorsProblem['code'], detail = '') => problems.push({ code, rule, detail })
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return add('cors-not-rule')
    const r = raw as Record<string, unknown>
    for (const key of Object.keys(r)) if (!fields.has(key)) add('cors-unknown-field', key)
    const texts = (name: string, required: boolean): string[] => {
      const v = r[name]
      if (v === undefined) {
        if (required) add(name === 'AllowedOrigins' ? 'cors-no-origins' : 'cors-no-methods')
        return []
      }
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) {
        add('cors-not-text', name)
        return []
      }
      if (required && v.length === 0) add(name === 'AllowedOrigins' ? 'cors-no-origins' : 'cors-no-methods')
      return v as string[]
    }
    for (const origin of texts('AllowedOrigins', true)) if ((origin.match(/\*/g) ?? []).length > 1) add('cors-two-wildcards', origin)
    for (const method of texts('AllowedMethods', true)) if (!(corsMethods as readonly string[]).includes(method)) add('cors-bad-method', method)
    for (const header of texts('AllowedHeaders', false)) if ((header.match(/\*/g) ?? []).length > 1) add('cors-two-wildcards', header)
    texts('ExposeHeaders', false)
    if (r.MaxAgeSeconds !== undefined && !(Number.isInteger(r.MaxAgeSeconds) && (r.MaxAgeSeconds as number) >= 0)) add('cors-bad-max-age', String(r.MaxAgeSeconds))
    if (r.ID !== undefined && !(typeof r.ID === 'string' && r.ID.length <= 255)) add('cors-bad-id')
  })
  // S3 takes at most 64 KB of CORS configuration; a bigger one is refused whole. Measured only
  // once every rule holds texts and numbers: anything else (a BigInt over IPC) has no JSON size.
  if (problems.length === 0 && JSON.stringify(rules).length > maxCorsBytes) return [{ code: 'cors-too-large', rule: 0, detail: '' }]
  return problems
}

/** A rule that passed `corsProblems`, copied field by field onto a plain object: nothing else travels on. */
export function knownCorsFields(rule: CorsRule): CorsRule {
  const copy: CorsRule = { AllowedOrigins: [...rule.AllowedOrigins], AllowedMethods: [...rule.AllowedMethods] }
  if (rule.ID !== undefined) copy.ID = rule.ID
  if (rule.AllowedHeaders !== undefined) copy.AllowedHeaders = [...rule.AllowedHeaders]
  if (rule.ExposeHeaders !== undefined) copy.ExposeHeaders = [...rule.ExposeHeaders]
  if (rule.MaxAgeSeconds !== undefined) copy.MaxAgeSeconds = rule.MaxAgeSeconds
  return copy
}
