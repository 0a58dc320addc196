import { typeByName } from '../../core/contentTypes'

/**
 * The text "Copy as HTML" and "Copy as Markdown" produce, as pure functions
 *
 * Keys come from anyone who could upload, so names are escaped for the target syntax:
 * a key like `"><script>` must stay text in a template, and `](x)` must not end a
 * Markdown link early.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** The file name a snippet shows: the last path segment (a folder's, without its "/"). */
export function displayName(key: string): string {
  const trimmed = key.endsWith('/') ? key.slice(0, -1) : key
  return trimmed.split('/').pop() || trimmed
}

/** Images by extension, as the mime database knows them (png, jpg, webp, svg, avif...). */
export function isImageName(name: string): boolean {
  return typeByName(name)?.startsWith('image/') ?? false
}

export function htmlSnippet(url: string, key: string): string {
  const name = displayName(key)
  return isImageName(name)
    ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(name)}">`
    : `<a href="${escapeHtml(url)}">${escapeHtml(name)}</a>`
}

export function markdownSnippet(url: string, key: string): string {
  const name = displayName(key)
  const link = `[${escapeMarkdownText(name)}](${markdownUrl(url)})`
  return isImageName(name) ? `!${link}` : link
}

/**
 * A URL safe inside Markdown's (...): keys are already percent-encoded except for the
 * characters encodeURIComponent leaves alone; parentheses would end or unbalance the
 * link, and whitespace or angle brackets would break it.
 */
export function markdownUrl(url: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  return url.replace(/[()<>\x00-\x20\x7f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/** Link text: characters that Markdown would read as syntax get a backslash. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`)
}
