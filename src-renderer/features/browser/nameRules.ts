/**
 * What a new folder name or a rename target may be, checked as the user types
 *
 * The main process checks again; these give the message next to the field, in the
 * user's language, before any call. Problems are i18n keys under `browser.problems`.
 */
export type NameProblem = 'required' | 'slash' | 'dots' | 'tooLong' | 'unchanged' | 'trailingSlash' | 'intoItself'

const maxKeyBytes = 1024
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length

export function folderNameProblem(prefix: string, name: string): NameProblem | null {
  const trimmed = name.trim()
  if (trimmed === '') return 'required'
  if (trimmed.includes('/')) return 'slash'
  if (trimmed === '.' || trimmed === '..') return 'dots'
  if (utf8Bytes(`${prefix}${trimmed}/`) > maxKeyBytes) return 'tooLong'
  return null
}

/**
 * A rename or move: `to` is the full new key, so a path moves it ("2024/foto.png").
 * A folder's target may omit its trailing "/"; a file's must not end in one.
 */
export function renameTargetProblem(from: string, to: string): NameProblem | null {
  const target = normalizeTarget(from, to)
  // Only slashes ("/", " // ") trim to nothing: an empty key, never a valid target.
  if (target === '' || target === '/') return 'required'
  if (target === from) return 'unchanged'
  if (!from.endsWith('/') && target.endsWith('/')) return 'trailingSlash'
  if (from.endsWith('/') && target.startsWith(from)) return 'intoItself'
  if (utf8Bytes(target) > maxKeyBytes) return 'tooLong'
  return null
}

/** Spaces around a typed path are almost always accidents; a leading "/" is not part of an S3 key. */
export function normalizeTarget(from: string, to: string): string {
  const trimmed = to.trim().replace(/^\/+/, '')
  return from.endsWith('/') && trimmed !== '' && !trimmed.endsWith('/') ? `${trimmed}/` : trimmed
}
