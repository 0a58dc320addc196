import { lookup } from 'mime-types'

/**
 * A file name's type by its extension, or null
 *
 * mime-types' lookup treats a bare word as an extension ("png" → image/png), so a key
 * named "png" would pass for an image: only a real ".ext" counts here.
 */
export function mimeByName(key: string): string | null {
  const name = key.split('/').pop() ?? key
  const dot = name.lastIndexOf('.')
  if (dot === -1 || dot === name.length - 1) return null
  const type = lookup(name.slice(dot))
  return typeof type === 'string' ? type.toLowerCase() : null
}
