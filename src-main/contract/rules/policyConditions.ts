/* Pure and dependency-free: the policy evaluator's Condition block, in three-valued logic. */

/**
 * IAM Condition blocks, judged for one request
 *
 * A request context answers each condition key with its values, with "absent" (the
 * request has no such key: an anonymous visitor has no aws:PrincipalAccount, a visit
 * typed into the address bar has no aws:Referer) or with "unknown" (Cubeta can't know it:
 * the visitor's IP address). A condition is then true, false or unknown, and so is the
 * block: every operator and every key must hold (AND), any one listed value may match
 * (OR). The rules for absent keys follow IAM's documentation: a positive operator is
 * false, a negated one (StringNotEquals, NotIpAddress...) is true, `...IfExists` is true,
 * `Null` tests exactly that, `ForAllValues:` is true and `ForAnyValue:` false.
 */
export type Truth = 'true' | 'false' | 'unknown'
export type ContextAnswer = readonly string[] | 'absent' | 'unknown'
/** Keys arrive as the policy spells them; IAM compares key names without case. */
export type ConditionContext = (key: string) => ContextAnswer

export interface JudgedCondition {
  operator: string
  key: string
  values: string[]
  result: Truth
}

export function judgeConditions(block: unknown, context: ConditionContext): { result: Truth; conditions: JudgedCondition[] } {
  if (block === undefined) return { result: 'true', conditions: [] }
  if (!isRecord(block)) return { result: 'unknown', conditions: [] }
  const conditions: JudgedCondition[] = []
  for (const [operator, keys] of Object.entries(block)) {
    if (!isRecord(keys)) {
      conditions.push({ operator, key: '', values: [], result: 'unknown' })
      continue
    }
    for (const [key, raw] of Object.entries(keys)) {
      const values = (Array.isArray(raw) ? raw : [raw]).map(asText)
      conditions.push({ operator, key, values, result: judgeOne(operator, values, context(key)) })
    }
  }
  return { result: allOf(conditions.map((c) => c.result)), conditions }
}

export function allOf(truths: readonly Truth[]): Truth {
  if (truths.includes('false')) return 'false'
  return truths.includes('unknown') ? 'unknown' : 'true'
}

export function anyOf(truths: readonly Truth[]): Truth {
  if (truths.includes('true')) return 'true'
  return truths.includes('unknown') ? 'unknown' : 'false'
}

interface ParsedOperator {
  qualifier: 'any' | 'all' | null
  base: string
  ifExists: boolean
}

function parseOperator(operator: string): ParsedOperator {
  let rest = operator
  let qualifier: ParsedOperator['qualifier'] = null
  const prefix = /^(ForAnyValue|ForAllValues):/i.exec(rest)
  if (prefix) {
    qualifier = prefix[1]!.toLowerCase() === 'foranyvalue' ? 'any' : 'all'
    rest = rest.slice(prefix[0].length)
  }
  const ifExists = /IfExists$/i.test(rest) && !/^Null$/i.test(rest)
  if (ifExists) rest = rest.slice(0, -'IfExists'.length)
  return { qualifier, base: rest.toLowerCase(), ifExists }
}

/** Each base operator as (negated?, positive test of one context value against one policy value). */
const operators: Record<string, { negated: boolean; test: (actual: string, expected: string) => boolean | null }> = {
  stringequals: { negated: false, test: (a, e) => a === e },
  stringnotequals: { negated: true, test: (a, e) => a === e },
  stringequalsignorecase: { negated: false, test: (a, e) => a.toLowerCase() === e.toLowerCase() },
  stringnotequalsignorecase: { negated: true, test: (a, e) => a.toLowerCase() === e.toLowerCase() },
  stringlike: { negated: false, test: (a, e) => wildcardMatch(e, a, false) },
  stringnotlike: { negated: true, test: (a, e) => wildcardMatch(e, a, false) },
  numericequals: { negated: false, test: numeric((a, e) => a === e) },
  numericnotequals: { negated: true, test: numeric((a, e) => a === e) },
  numericlessthan: { negated: false, test: numeric((a, e) => a < e) },
  numericlessthanequals: { negated: false, test: numeric((a, e) => a <= e) },
  numericgreaterthan: { negated: false, test: numeric((a, e) => a > e) },
  numericgreaterthanequals: { negated: false, test: numeric((a, e) => a >= e) },
  dateequals: { negated: false, test: dated((a, e) => a === e) },
  datenotequals: { negated: true, test: dated((a, e) => a === e) },
  datelessthan: { negated: false, test: dated((a, e) => a < e) },
  datelessthanequals: { negated: false, test: dated((a, e) => a <= e) },
  dategreaterthan: { negated: false, test: dated((a, e) => a > e) },
  dategreaterthanequals: { negated: false, test: dated((a, e) => a >= e) },
  bool: { negated: false, test: (a, e) => a.toLowerCase() === e.toLowerCase() },
  binaryequals: { negated: false, test: (a, e) => a === e },
  ipaddress: { negated: false, test: (a, e) => inCidr(a, e) },
  notipaddress: { negated: true, test: (a, e) => inCidr(a, e) },
  // ArnEquals behaves as ArnLike in IAM: wildcards count in both.
  arnequals: { negated: false, test: (a, e) => wildcardMatch(e, a, false) },
  arnlike: { negated: false, test: (a, e) => wildcardMatch(e, a, false) },
  arnnotequals: { negated: true, test: (a, e) => wildcardMatch(e, a, false) },
  arnnotlike: { negated: true, test: (a, e) => wildcardMatch(e, a, false) },
}

function judgeOne(operator: string, policyValues: string[], answer: ContextAnswer): Truth {
  const parsed = parseOperator(operator)
  if (parsed.base === 'null') {
    if (answer === 'unknown') return 'unknown'
    const absent = answer === 'absent' || answer.length === 0
    return anyOf(policyValues.map((v) => (v.toLowerCase() === 'true' ? absent : v.toLowerCase() === 'false' ? !absent : null)).map(fromBool))
  }
  const op = operators[parsed.base]
  if (!op) return 'unknown'
  if (answer === 'unknown') return 'unknown'
  if (answer === 'absent' || answer.length === 0) {
    if (parsed.ifExists) return 'true'
    if (parsed.qualifier === 'all') return 'true'
    if (parsed.qualifier === 'any') return 'false'
    return op.negated ? 'true' : 'false'
  }
  /** One context value: does it match any policy value (positive), or none (negated)? */
  const perValue = (actual: string): Truth => {
    const matches = anyOf(policyValues.map((expected) => fromBool(op.test(actual, expected))))
    return op.negated ? not(matches) : matches
  }
  const each = answer.map(perValue)
  return parsed.qualifier === 'all' ? allOf(each) : anyOf(each)
}

const fromBool = (value: boolean | null): Truth => (value === null ? 'unknown' : value ? 'true' : 'false')
const not = (truth: Truth): Truth => (truth === 'true' ? 'false' : truth === 'false' ? 'true' : 'unknown')

function numeric(compare: (a: number, e: number) => boolean) {
  return (a: string, e: string) => {
    const x = Number(a)
    const y = Number(e)
    return Number.isFinite(x) && Number.isFinite(y) && a.trim() !== '' && e.trim() !== '' ? compare(x, y) : null
  }
}

function dated(compare: (a: number, e: number) => boolean) {
  return (a: string, e: string) => {
    const x = /^\d+$/.test(a) ? Number(a) * 1000 : Date.parse(a)
    const y = /^\d+$/.test(e) ? Number(e) * 1000 : Date.parse(e)
    return Number.isNaN(x) || Number.isNaN(y) ? null : compare(x, y)
  }
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value) ?? ''
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * IAM wildcards: `*` any run of characters, `?` any one character; everything else is
 * literal. Actions compare without case, resources and string conditions with case.
 */
export function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]')
  return new RegExp(`^${source}$`, ignoreCase ? 'iu' : 'u').test(value)
}

/** Is the address inside the CIDR block (or equal to a bare address)? Null when either can't be read. */
export function inCidr(address: string, block: string): boolean | null {
  const [base, bitsText] = block.trim().split('/')
  const ip = parseIp(address.trim())
  const net = parseIp(base ?? '')
  if (!ip || !net || ip.length !== net.length) return ip && net ? false : null
  const bits = bitsText === undefined ? ip.length * 8 : Number(bitsText)
  if (!Number.isInteger(bits) || bits < 0 || bits > ip.length * 8) return null
  for (let i = 0; i < bits; i++) {
    const mask = 0x80 >> i % 8
    if ((ip[i >> 3]! & mask) !== (net[i >> 3]! & mask)) return false
  }
  return true
}

/** IPv4 as 4 bytes, IPv6 (with "::" and an embedded IPv4 tail) as 16; null otherwise. */
export function parseIp(text: string): number[] | null {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const bytes = text.split('.').map(Number)
    return bytes.every((b) => b <= 255) ? bytes : null
  }
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(':')) return null
  let tail: number[] = []
  let head = text
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text)
  if (v4) {
    const parsed = parseIp(v4[1]!)
    if (!parsed) return null
    tail = [(parsed[0]! << 8) | parsed[1]!, (parsed[2]! << 8) | parsed[3]!]
    head = text.slice(0, -v4[1]!.length)
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1)
  }
  const halves = head.split('::')
  if (halves.length > 2) return null
  const group = (part: string) => (part === '' ? [] : part.split(':'))
  const left = group(halves[0]!)
  const right = halves.length === 2 ? group(halves[1]!) : []
  if ([...left, ...right].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null
  const missing = 8 - left.length - right.length - tail.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null
  const words = [...left.map((g) => parseInt(g, 16)), ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...right.map((g) => parseInt(g, 16)), ...tail]
  return words.flatMap((w) => [w >> 8, w & 0xff])
}
