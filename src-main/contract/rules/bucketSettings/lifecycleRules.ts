/* Pure and dependency-free: the lifecycle form checks as the user types, the main side checks again. */

/**
 * Lifecycle rules: the four kinds the form makes, and what S3 would refuse in any rule
 *
 * Rules travel in S3's own JSON shape. A rule the form can't show (tags, several actions,
 * sizes) is kept exactly as it came and shown as JSON, so editing never drops one.
 */
export type LifecycleKind = 'expire-current' | 'expire-noncurrent' | 'abort-incomplete' | 'transition'
export const lifecycleKinds: readonly LifecycleKind[] = ['expire-current', 'expire-noncurrent', 'abort-incomplete', 'transition']
export const transitionClasses = ['STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'] as const

export interface LifecycleForm {
  kind: LifecycleKind
  prefix: string
  days: number
  storageClass: (typeof transitionClasses)[number]
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The rule a form makes, with an ID that says what it does. */
export function ruleFromForm(form: LifecycleForm, taken: readonly string[]): Record<string, unknown> {
  const action =
    form.kind === 'expire-current'
      ? { Expiration: { Days: form.days } }
      : form.kind === 'expire-noncurrent'
        ? { NoncurrentVersionExpiration: { NoncurrentDays: form.days } }
        : form.kind === 'abort-incomplete'
          ? { AbortIncompleteMultipartUpload: { DaysAfterInitiation: form.days } }
          : { Transitions: [{ Days: form.days, StorageClass: form.storageClass }] }
  const base = `${form.kind}${form.prefix ? `-${form.prefix}` : ''}-${form.days}d`.slice(0, 240)
  let id = base
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`
  return { ID: id, Status: 'Enabled', Filter: { Prefix: form.prefix }, ...action }
}

/** Which form kind a rule is, with its prefix and days; null when the form can't show it. */
export function formOf(rule: unknown): (Omit<LifecycleForm, 'storageClass'> & { storageClass: string | null; enabled: boolean }) | null {
  if (!isRecord(rule)) return null
  const filter = rule.Filter
  const prefix = isRecord(filter) && Object.keys(filter).every((k) => k === 'Prefix') ? String(filter.Prefix ?? '') : filter === undefined && typeof rule.Prefix === 'string' ? rule.Prefix : null
  if (prefix === null) return null
  const actions = Object.keys(rule).filter((k) => !['ID', 'Status', 'Filter', 'Prefix'].includes(k))
  if (actions.length !== 1) return null
  const enabled = rule.Status === 'Enabled'
  const at = (o: unknown, key: string) => (isRecord(o) && Object.keys(o).length === 1 && Number.isInteger(o[key]) ? (o[key] as number) : null)
  const one = (kind: LifecycleKind, days: number | null, storageClass: string | null = null) => (days === null ? null : { kind, prefix, days, storageClass, enabled })
  if (actions[0] === 'Expiration') return one('expire-current', at(rule.Expiration, 'Days'))
  if (actions[0] === 'NoncurrentVersionExpiration') return one('expire-noncurrent', at(rule.NoncurrentVersionExpiration, 'NoncurrentDays'))
  if (actions[0] === 'AbortIncompleteMultipartUpload') return one('abort-incomplete', at(rule.AbortIncompleteMultipartUpload, 'DaysAfterInitiation'))
  const t = rule.Transitions
  if (actions[0] === 'Transitions' && Array.isArray(t) && t.length === 1 && isRecord(t[0]) && Object.keys(t[0]).length === 2 && typeof t[0].StorageClass === 'string') return one('transition', Number.isInteger(t[0].Days) ? (t[0].Days as number) : null, t[0].StorageClass)
  return null
}

export interface LifecycleProblem {
  code: 'lifecycle-too-many' | 'lifecycle-not-rule' | 'lifecycle-unknown-field' | 'lifecycle-bad-field' | 'lifecycle-bad-id' | 'lifecycle-duplicate-id' | 'lifecycle-bad-status' | 'lifecycle-no-action' | 'lifecycle-bad-class' | 'lifecycle-too-soon'
  /** 1-based rule. */
  rule: number
  detail: string
}

const actionKeys = ['Expiration', 'NoncurrentVersionExpiration', 'AbortIncompleteMultipartUpload', 'Transitions', 'NoncurrentVersionTransitions']
const allClasses: readonly string[] = [...transitionClasses, 'GLACIER_IR', 'STANDARD', 'REDUCED_REDUNDANCY']

/** What S3 would refuse: at most 1,000 rules, unique IDs of 255 characters, a status, an action, whole positive days, known classes (IA ones after 30 days). */
export function lifecycleProblems(rules: unknown): LifecycleProblem[] {
  if (!Array.isArray(rules)) return [{ code: 'lifecycle-not-rule', rule: 0, detail: '' }]
  const problems: LifecycleProblem[] = []
  if (rules.length > 1000) problems.push({ code: 'lifecycle-too-many', rule: 0, detail: String(rules.length) })
  const ids = new Set<string>()
  rules.forEach((rule, index) => {
    const add = (code: LifecycleProblem['code'], detail = '') => problems.push({ code, rule: index + 1, detail })
    if (!isRecord(rule)) return add('lifecycle-not-rule')
    checkShape(rule, ruleShape, '', add)
    if (!(typeof rule.ID === 'string' && rule.ID !== '' && rule.ID.length <= 255)) add('lifecycle-bad-id')
    else {
      if (ids.has(rule.ID)) add('lifecycle-duplicate-id', rule.ID)
      ids.add(rule.ID)
    }
    if (rule.Status !== 'Enabled' && rule.Status !== 'Disabled') add('lifecycle-bad-status', String(rule.Status ?? ''))
    if (!actionKeys.some((k) => k in rule)) add('lifecycle-no-action')
    // What S3 needs inside each part: a filter of exactly one kind, and each action's own field.
    const filterKinds = isRecord(rule.Filter) ? Object.keys(rule.Filter).length : rule.Prefix === undefined ? 0 : 1
    if (filterKinds !== 1) add('lifecycle-bad-field', 'Filter')
    const needs = (part: unknown, name: string, fields: string[]) => {
      if (isRecord(part) && !fields.some((f) => f in part)) add('lifecycle-bad-field', name)
    }
    needs(rule.Expiration, 'Expiration', ['Days', 'Date', 'ExpiredObjectDeleteMarker'])
    needs(rule.NoncurrentVersionExpiration, 'NoncurrentVersionExpiration', ['NoncurrentDays'])
    needs(rule.AbortIncompleteMultipartUpload, 'AbortIncompleteMultipartUpload', ['DaysAfterInitiation'])
    if (isRecord(rule.Filter)) needs(rule.Filter.Tag, 'Filter.Tag', ['Key'])
    for (const [list, name, when] of [[rule.Transitions, 'Transitions', ['Days', 'Date']], [rule.NoncurrentVersionTransitions, 'NoncurrentVersionTransitions', ['NoncurrentDays']]] as const) {
      for (const t of Array.isArray(list) ? list : []) {
        needs(t, name, when as unknown as string[])
        needs(t, name, ['StorageClass'])
      }
    }
    for (const list of [rule.Transitions, rule.NoncurrentVersionTransitions]) {
      for (const t of Array.isArray(list) ? list : []) {
        if (!isRecord(t)) continue
        const d = t.Days ?? t.NoncurrentDays
        if (typeof t.StorageClass !== 'string' || !allClasses.includes(t.StorageClass)) add('lifecycle-bad-class', String(t.StorageClass ?? ''))
        else if ((t.StorageClass === 'STANDARD_IA' || t.StorageClass === 'ONEZONE_IA') && typeof d === 'number' && d < 30) add('lifecycle-too-soon', t.StorageClass)
      }
    }
  })
  return problems
}

/**
 * S3's lifecycle rule, field by field: anything else is refused (S3 answers
 * MalformedXML), as is a field of the wrong type. Days are whole and positive.
 */
type Check = (value: unknown) => boolean | Shape | [Shape]
interface Shape {
  [field: string]: Check
}
const text = (max: number) => (v: unknown) => typeof v === 'string' && v.length <= max
const days = (v: unknown) => Number.isInteger(v) && (v as number) > 0
const count = (v: unknown) => Number.isInteger(v) && (v as number) >= 0
const isoDate = (v: unknown) => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v))
const tag: Shape = { Key: text(128), Value: text(256) }
const filterShape: Shape = {
  Prefix: text(1024),
  Tag: () => tag,
  ObjectSizeGreaterThan: count,
  ObjectSizeLessThan: count,
  And: () => ({ Prefix: text(1024), Tags: () => [tag], ObjectSizeGreaterThan: count, ObjectSizeLessThan: count }),
}
const ruleShape: Shape = {
  ID: text(255),
  Status: text(10),
  Prefix: text(1024),
  Filter: () => filterShape,
  Expiration: () => ({ Days: days, Date: isoDate, ExpiredObjectDeleteMarker: (v) => typeof v === 'boolean' }),
  NoncurrentVersionExpiration: () => ({ NoncurrentDays: days, NewerNoncurrentVersions: days }),
  AbortIncompleteMultipartUpload: () => ({ DaysAfterInitiation: days }),
  Transitions: () => [{ Days: count, Date: isoDate, StorageClass: text(40) }],
  NoncurrentVersionTransitions: () => [{ NoncurrentDays: count, NewerNoncurrentVersions: days, StorageClass: text(40) }],
}

function checkShape(value: Record<string, unknown>, shape: Shape, at: string, add: (code: LifecycleProblem['code'], detail?: string) => void): void {
  for (const [field, item] of Object.entries(value)) {
    const path = `${at}${field}`
    const check = Object.hasOwn(shape, field) ? shape[field] : undefined
    if (!check) {
      add('lifecycle-unknown-field', path)
      continue
    }
    const verdict = check(item)
    if (verdict === true) continue
    if (verdict === false) add('lifecycle-bad-field', path)
    else if (Array.isArray(verdict)) {
      if (!Array.isArray(item) || item.length === 0 || item.length > 100) add('lifecycle-bad-field', path)
      else item.forEach((entry, i) => (isRecord(entry) ? checkShape(entry, verdict[0], `${path}.${i}.`, add) : add('lifecycle-bad-field', `${path}.${i}`)))
    } else if (!isRecord(item)) add('lifecycle-bad-field', path)
    else checkShape(item, verdict, `${path}.`, add)
  }
}
