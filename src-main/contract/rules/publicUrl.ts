/* Pure and dependency-free: the same URL in the window and in the main process. */

/**
 * Public object URLs
 *
 * Keys are encoded one path segment at a time and the slashes kept: a space becomes
 * %20 (never +), a literal + becomes %2B (S3 reads a bare + as a space), and UTF-8 is
 * percent-encoded. encodeURIComponent leaves !'()* alone, which S3 accepts as-is.
 *
 * Never throws, whatever the strings: a lone UTF-16 surrogate (which no S3 key can hold,
 * keys being UTF-8) is encoded as U+FFFD, as a UTF-8 encoder would send it, instead of
 * making encodeURIComponent throw. The bridge refuses such keys before they get here.
 *
 * A key with "." or ".." segments ("a/../b") is encoded as it is. S3 and the SDKs read
 * such a path literally, but a browser's URL parser removes dot segments (also written
 * %2E), so no URL a browser opens can name those keys: that is a limit of URLs, not of
 * the encoding. tests/unit/hostileInput.property.test.ts pins both facts, and Copy URL
 * refuses such keys (see unreachableSegment) rather than hand out a URL to another object.
 */
export function encodeKey(key: string): string {
  return key.split('/').map(encodeSegment).join('/')
}

function encodeSegment(segment: string): string {
  return encodeURIComponent(wellFormed(segment))
}

/** Lone surrogates → U+FFFD (String.prototype.toWellFormed, which ES2023's lib does not type). */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

export type UrlStyle = 'virtual-hosted' | 'path'

export interface ObjectLocation {
  bucket: string
  key: string
  region: string
  /** A custom S3-compatible endpoint; null for AWS. */
  endpoint: string | null
}

/**
 * Can this bucket be the first label(s) of a host name? Lowercase letters, digits and
 * hyphens, dots between labels, at most 63 characters. Legacy us-east-1 names with
 * capitals or underscores can't: a URL parser lowercases the host, which would name
 * another bucket, so those only work in path style.
 */
export function isDnsCompatibleBucket(bucket: string): boolean {
  return bucket.length <= 63 && /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/.test(bucket)
}

/** Dotted names break the *.s3 wildcard certificate, and custom endpoints rarely do virtual hosts. */
export function preferredStyle(location: Pick<ObjectLocation, 'bucket' | 'endpoint'>): UrlStyle {
  return location.endpoint !== null || location.bucket.includes('.') || !isDnsCompatibleBucket(location.bucket) ? 'path' : 'virtual-hosted'
}

/**
 * Virtual-hosted only where the bucket can be a host name; path style otherwise, with the
 * bucket encoded as a path segment. A custom endpoint is used as a browser reads it (so
 * "http://minio//." keeps the path "//", not the raw text), without its trailing "/".
 */
export function objectUrl(location: ObjectLocation, style: UrlStyle = preferredStyle(location)): string {
  const key = encodeKey(location.key)
  const virtual = style === 'virtual-hosted' && isDnsCompatibleBucket(location.bucket)
  const bucket = encodeSegment(location.bucket)
  if (location.endpoint !== null) {
    const url = URL.canParse(location.endpoint) ? new URL(location.endpoint) : null
    if (url === null) return `${location.endpoint.replace(/\/+$/, '')}/${bucket}/${key}`
    const path = url.pathname.replace(/\/+$/, '')
    return virtual ? `${url.protocol}//${location.bucket}.${url.host}${path}/${key}` : `${url.protocol}//${url.host}${path}/${bucket}/${key}`
  }
  return virtual
    ? `https://${location.bucket}.s3.${location.region}.amazonaws.com/${key}`
    : `https://s3.${location.region}.amazonaws.com/${bucket}/${key}`
}

/**
 * An object under a profile's public base URL (a CDN or custom domain in front of the
 * bucket): the base, one slash, the encoded key. The base's own path is kept, so
 * "https://cdn.example.com/media" serves "media/KEY"; a ?query or #fragment on the base
 * (a CDN token, say) stays after the key, never swallows it.
 */
export function baseUrlFor(publicBaseUrl: string, key: string): string {
  if (URL.canParse(publicBaseUrl)) {
    const url = new URL(publicBaseUrl)
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}/${encodeKey(key)}${url.search}${url.hash}`
  }
  const tail = /[?#]/.exec(publicBaseUrl)
  const base = tail ? publicBaseUrl.slice(0, tail.index) : publicBaseUrl
  return `${base.replace(/\/+$/, '')}/${encodeKey(key)}${tail ? publicBaseUrl.slice(tail.index) : ''}`
}

/**
 * The "." or ".." path segment that keeps every URL from reaching this key, or null
 *
 * A browser resolves dot segments away before it sends the request (RFC 3986 §5.2.4,
 * %2E and %2e alike), so "dots/./x.txt" is fetched as "dots/x.txt": another object.
 */
export function unreachableSegment(key: string): '.' | '..' | null {
  for (const segment of key.split('/')) if (segment === '.' || segment === '..') return segment
  return null
}

/** A name a URL can reach: the same key without its "." and ".." segments. */
export function reachableName(key: string): string {
  const folder = key.endsWith('/')
  const kept = key.split('/').filter((segment, i, all) => segment !== '.' && segment !== '..' && !(folder && i === all.length - 1 && segment === ''))
  // Neither a leading "/" nor, for a file, a trailing one (that would name a folder).
  const name = kept.join('/').replace(/^\/+/, '').replace(/\/+$/, '')
  const safe = name === '' ? 'renamed' : name
  return folder ? `${safe}/` : safe
}
