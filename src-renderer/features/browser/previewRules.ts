/**
 * Whether to ask for a preview, and how to say why there is none
 *
 * The panel asks only for what is probably an image (by its stored type or its name),
 * because the main process has to download the file to show it.
 */
const imageExtensions = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg', 'bmp', 'ico', 'apng', 'jfif'])

export function looksLikeImage(key: string, contentType: string | null): boolean {
  if (contentType && /^image\//i.test(contentType.trim())) return true
  const name = key.split('/').pop() ?? ''
  const dot = name.lastIndexOf('.')
  return dot > 0 && imageExtensions.has(name.slice(dot + 1).toLowerCase())
}

/** The main process says why in English; known reasons get a translation key. */
export function previewReasonKey(reason: string): 'tooLarge' | 'notImage' | null {
  if (/10 MB/.test(reason)) return 'tooLarge'
  if (/not an image/.test(reason)) return 'notImage'
  return null
}
