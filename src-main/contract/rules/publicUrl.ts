/* Pure and dependency-free: the same URL in the window and in the main process. */

/**
 * Public object URLs
 *
 * Keys are encoded one path segment at a time and the slashes kept: a space becomes
 * %20 (never +), a literal + becomes %2B (S3 reads a bare + as a space), and UTF-8 is
 * percent-encoded. encodeURIComponent leaves !'()* alone, which S3 accepts as-is.
 */
export function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/')
}

export type UrlStyle = 'virtual-hosted' | 'path'

export interface ObjectLocation {
  bucket: string
  key: string
  region: string
  /** A custom S3-compatible endpoint; null for AWS. */
  endpoint: string | null
}

/** Dotted names break the *.s3 wildcard certificate, and custom endpoints rarely do virtual hosts. */
export function preferredStyle(location: Pick<ObjectLocation, 'bucket' | 'endpoint'>): UrlStyle {
  return location.endpoint !== null || location.bucket.includes('.') ? 'path' : 'virtual-hosted'
}

export function objectUrl(location: ObjectLocation, style: UrlStyle = preferredStyle(location)): string {
  const key = encodeKey(location.key)
  if (location.endpoint !== null) {
    const base = location.endpoint.replace(/\/+$/, '')
    if (style === 'path') return `${base}/${location.bucket}/${key}`
    const url = new URL(base)
    return `${url.protocol}//${location.bucket}.${url.host}${url.pathname.replace(/\/+$/, '')}/${key}`
  }
  return style === 'path'
    ? `https://s3.${location.region}.amazonaws.com/${location.bucket}/${key}`
    : `https://${location.bucket}.s3.${location.region}.amazonaws.com/${key}`
}

/**
 * An object under a profile's public base URL (a CDN or custom domain in front of the
 * bucket): the base, one slash, the encoded key. The base's own path is kept, so
 * "https://cdn.example.com/media" serves "media/KEY".
 */
export function baseUrlFor(publicBaseUrl: string, key: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/${encodeKey(key)}`
}
