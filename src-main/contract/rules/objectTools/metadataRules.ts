/* Pure and dependency-free: the metadata editor checks as the user types, the main side checks again. */

/** One user-metadata entry: `name` is what follows "x-amz-meta-". */
export interface MetadataEntry {
  name: string
  value: string
}

export interface MetadataProblem {
  code: 'meta-name-empty' | 'meta-name-chars' | 'meta-value-chars' | 'meta-duplicate' | 'meta-too-large'
  /** Which entry (0-based), or -1 for the whole set. */
  index: number
  field: 'name' | 'value' | 'set'
}

/** S3 keeps at most 2 KB of user metadata: the UTF-8 bytes of every name and value. */
export const maxMetadataBytes = 2048
// An HTTP header name (RFC 9110 token); S3 lowercases it, so upper case is folded first.
const tokenName = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/
// Node refuses a header value outside visible ASCII, space and tab; S3 would mangle it anyway (RFC 2047).
const asciiValue = /^[\t\x20-\x7e]*$/

/** What S3 stores as the name: lowercased, without a pasted "x-amz-meta-" and surrounding spaces. */
export function normalizeMetadataName(name: string): string {
  const lower = name.trim().toLowerCase()
  return lower.startsWith('x-amz-meta-') ? lower.slice('x-amz-meta-'.length) : lower
}

const bytes = (text: string) => new TextEncoder().encode(text).length

export function metadataBytes(entries: readonly MetadataEntry[]): number {
  return entries.reduce((sum, e) => sum + bytes(normalizeMetadataName(e.name)) + bytes(e.value), 0)
}

/** What S3 (or the HTTP layer on the way) would refuse or silently change, before it is sent. */
export function metadataProblems(entries: readonly MetadataEntry[]): MetadataProblem[] {
  const problems: MetadataProblem[] = []
  const seen = new Set<string>()
  entries.forEach((entry, index) => {
    const name = normalizeMetadataName(entry.name)
    if (name === '') problems.push({ code: 'meta-name-empty', index, field: 'name' })
    else if (!tokenName.test(name)) problems.push({ code: 'meta-name-chars', index, field: 'name' })
    // Two names that differ only in case are one header to S3: the second would replace the first.
    else if (seen.has(name)) problems.push({ code: 'meta-duplicate', index, field: 'name' })
    seen.add(name)
    if (!asciiValue.test(entry.value)) problems.push({ code: 'meta-value-chars', index, field: 'value' })
  })
  if (metadataBytes(entries) > maxMetadataBytes) problems.push({ code: 'meta-too-large', index: -1, field: 'set' })
  return problems
}

export function metadataProblemText(problem: MetadataProblem): string {
  const which = problem.index >= 0 ? `metadata ${problem.index + 1}: ` : ''
  const words: Record<MetadataProblem['code'], string> = {
    'meta-name-empty': 'a metadata entry needs a name',
    'meta-name-chars': 'a metadata name may hold ASCII letters, digits and - _ . ! # $ % & \' * + ^ ` | ~ only',
    'meta-value-chars': 'a metadata value may hold plain ASCII characters only',
    'meta-duplicate': 'each metadata name may appear only once (S3 ignores upper and lower case)',
    'meta-too-large': `user metadata is at most ${maxMetadataBytes} bytes in all`,
  }
  return which + words[problem.code]
}

/** The record S3 receives: names lowercased. Call only on entries without problems. */
export function metadataRecord(entries: readonly MetadataEntry[]): Record<string, string> {
  return Object.fromEntries(entries.map((e) => [normalizeMetadataName(e.name), e.value]))
}
