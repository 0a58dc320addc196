import type { Phrase } from './createdResources'

/**
 * A rollback reports what it removed and kept as the server's English labels
 * ("bucket media (eu-west-1)", "IAM user ana: it still has access keys…"). The known
 * shapes are matched to catalog phrases; anything else stays as it came.
 */
const labels: [RegExp, string, string[]][] = [
  [/^IAM user (.+)$/, 'created.user', ['name']],
  [/^inline policy (.+) of (.+)$/, 'created.inlinePolicy', ['policy', 'user']],
  [/^AmazonS3FullAccess attached to (.+)$/, 'created.managedPolicy', ['user']],
  [/^access key (.+) of (.+)$/, 'created.accessKey', ['key', 'user']],
  [/^bucket (.+) \(([a-z0-9-]+)\)$/, 'created.bucket', ['name', 'region']],
  [/^Block Public Access change on (.+)$/, 'created.publicAccessBlock', ['bucket']],
  [/^public-read policy statements on (.+)$/, 'created.bucketPolicy', ['bucket']],
  [/^CORS rule on (.+)$/, 'created.cors', ['bucket']],
  [/^test image (.+)$/, 'created.testObjectKey', ['key']],
]

const reasons: Record<string, string> = {
  'it is not empty, so Cubeta keeps it': 'rollback.reasons.notEmpty',
  'the key id was not kept': 'rollback.reasons.keyIdLost',
  'it still has access keys Cubeta did not create': 'rollback.reasons.otherKeys',
}

export function labelPhrase(label: string): Phrase | null {
  for (const [pattern, key, params] of labels) {
    const match = pattern.exec(label)
    if (match) return { key, values: Object.fromEntries(params.map((param, i) => [param, match[i + 1] ?? ''])) }
  }
  return null
}

/** A kept line is "label: reason"; the label never contains ": ", the reason may. */
export interface KeptLine {
  label: Phrase | string
  reason: Phrase | string
}

export function keptLine(line: string): KeptLine {
  const at = line.indexOf(': ')
  if (at < 0) return { label: labelPhrase(line) ?? line, reason: '' }
  const label = line.slice(0, at)
  const reason = line.slice(at + 2)
  const reasonKey = reasons[reason]
  return { label: labelPhrase(label) ?? label, reason: reasonKey ? { key: reasonKey, values: {} } : reason }
}
