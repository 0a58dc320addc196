/* Pure and dependency-free: the tag editor checks as the user types, the main side checks again. */

/** One object tag, as S3 keeps it. */
export interface ObjectTag {
  key: string
  value: string
}

export interface TagProblem {
  code: 'tag-too-many' | 'tag-key-empty' | 'tag-key-too-long' | 'tag-value-too-long' | 'tag-bad-chars' | 'tag-aws-prefix' | 'tag-duplicate-key'
  /** Which tag (0-based), or -1 for the whole set. */
  index: number
  field: 'key' | 'value' | 'set'
}

/** S3's limits (User Guide, "Categorizing your storage using tags"). */
export const maxTagsPerObject = 10
export const maxTagKeyLength = 128
export const maxTagValueLength = 256
// Letters, numbers and spaces in any script, and + - = . _ : / @ (lengths count UTF-16 units, as S3 does).
const allowed = /^[\p{L}\p{N}\p{Z}+\-=._:/@]*$/u

/** What S3 would refuse in an object's tag set, before it is sent. */
export function tagProblems(tags: readonly ObjectTag[]): TagProblem[] {
  const problems: TagProblem[] = []
  if (tags.length > maxTagsPerObject) problems.push({ code: 'tag-too-many', index: -1, field: 'set' })
  const seen = new Set<string>()
  tags.forEach((tag, index) => {
    const add = (code: TagProblem['code'], field: TagProblem['field']) => problems.push({ code, index, field })
    if (tag.key.length === 0) add('tag-key-empty', 'key')
    else if (tag.key.length > maxTagKeyLength) add('tag-key-too-long', 'key')
    else if (!allowed.test(tag.key)) add('tag-bad-chars', 'key')
    else if (tag.key.toLowerCase().startsWith('aws:')) add('tag-aws-prefix', 'key')
    else if (seen.has(tag.key)) add('tag-duplicate-key', 'key')
    seen.add(tag.key)
    if (tag.value.length > maxTagValueLength) add('tag-value-too-long', 'value')
    else if (!allowed.test(tag.value)) add('tag-bad-chars', 'value')
  })
  return problems
}

/** English words for a problem, for the main side's refusal (the window translates by code). */
export function tagProblemText(problem: TagProblem): string {
  const which = problem.index >= 0 ? `tag ${problem.index + 1}: ` : ''
  const words: Record<TagProblem['code'], string> = {
    'tag-too-many': `an object has at most ${maxTagsPerObject} tags`,
    'tag-key-empty': 'a tag needs a key',
    'tag-key-too-long': `a tag key is at most ${maxTagKeyLength} characters`,
    'tag-value-too-long': `a tag value is at most ${maxTagValueLength} characters`,
    'tag-bad-chars': 'tags may hold letters, numbers, spaces and + - = . _ : / @ only',
    'tag-aws-prefix': 'tag keys starting with “aws:” are reserved for AWS',
    'tag-duplicate-key': 'each tag key may appear only once',
  }
  return which + words[problem.code]
}

/** One change applied to many objects: set a tag (added, or its value replaced) or remove it. */
export type TagChange = { action: 'set'; key: string; value: string } | { action: 'remove'; key: string }

export type TagChangeEffect = 'added' | 'replaced' | 'removed' | 'unchanged' | 'too-many'

/**
 * An object's tags after a change, and what the change did to it
 *
 * The other tags are kept as they are, in their order; a set that would make an
 * eleventh tag changes nothing and says so ("too-many").
 */
export function applyTagChange(tags: readonly ObjectTag[], change: TagChange): { tags: ObjectTag[]; effect: TagChangeEffect } {
  const at = tags.findIndex((t) => t.key === change.key)
  if (change.action === 'remove') {
    if (at < 0) return { tags: [...tags], effect: 'unchanged' }
    return { tags: tags.filter((_, i) => i !== at), effect: 'removed' }
  }
  if (at >= 0) {
    if (tags[at]!.value === change.value) return { tags: [...tags], effect: 'unchanged' }
    return { tags: tags.map((t, i) => (i === at ? { key: t.key, value: change.value } : t)), effect: 'replaced' }
  }
  if (tags.length >= maxTagsPerObject) return { tags: [...tags], effect: 'too-many' }
  return { tags: [...tags, { key: change.key, value: change.value }], effect: 'added' }
}
