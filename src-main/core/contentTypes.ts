import { contentType, lookup } from 'mime-types'

/**
 * A file's type from its name: one rule for uploads, previews, snippets and the URL doctor
 *
 * Only a real ".ext" counts: mime-types reads a bare word as an extension ("png" →
 * image/png), which would make a key named "png" pass for an image.
 */
export function typeByName(key: string): string | null {
  const name = key.split('/').pop() ?? key
  const dot = name.lastIndexOf('.')
  if (dot === -1 || dot === name.length - 1) return null
  const type = lookup(name.slice(dot))
  return typeof type === 'string' ? type.toLowerCase() : null
}

/**
 * The Content-Type to upload a file with. The AWS SDK sends none, and S3 then serves
 * binary/octet-stream, which makes browsers download an image instead of showing it.
 * Text types get their charset.
 */
export function contentTypeFor(key: string): string {
  const type = typeByName(key)
  return (type && contentType(type)) || 'application/octet-stream'
}
