import type { z } from 'zod'
import type { UnreadableEntry } from '../../contract/bridge'

type Problem = UnreadableEntry['problems'][number]

/**
 * What is wrong with one entry, in a form the renderer can word in any language: the
 * field, and what kind of value it should hold ("boolean", "string", "present"...).
 */
export function entryProblems(error: z.ZodError): Problem[] {
  const seen = new Set<string>()
  const problems: Problem[] = []
  for (const issue of error.issues.slice(0, 8)) {
    const field = issue.path.map(String).join('.') || '(entry)'
    const expected = expectedOf(issue)
    const key = `${field}:${expected}`
    if (seen.has(key)) continue
    seen.add(key)
    problems.push({ field, expected })
  }
  return problems
}

function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    // Zod leaves the input out of its issues; its message says what was received.
    if (/received undefined$/.test(issue.message)) return 'present'
    return String(issue.expected)
  }
  if (issue.code === 'too_small' && (issue as { origin?: string }).origin === 'string') return 'not-empty'
  if (issue.code === 'invalid_value') return 'one-of'
  return 'valid'
}
