import { GetObjectCommand } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { UrlForm } from '../../contract/bridge'
import { baseUrlFor, objectUrl, reachableName, unreachableSegment, type UrlStyle } from '../../contract/rules/publicUrl'
import type { BucketScope } from './bucketScope'
import { objectErrors } from './objectErrors'
import { htmlSnippet, markdownSnippet } from './urlSnippets'

/**
 * Where anonymous URLs point: the profile's own endpoint (MinIO, R2...) wins, as it does
 * for the S3 client; else the local server a test build talks to; else AWS (null).
 */
export type UrlEndpoint = string | null

/** The URL a visitor would open: through the profile's CDN/base URL if it has one. */
export function visitorUrl(scope: BucketScope, endpoint: UrlEndpoint, key: string): string {
  return scope.connection.publicBaseUrl ? baseUrlFor(scope.connection.publicBaseUrl, key) : bucketUrl(scope, endpoint, key)
}

function bucketUrl(scope: BucketScope, endpoint: UrlEndpoint, key: string, style?: UrlStyle): string {
  return objectUrl({ bucket: scope.bucket, key, region: scope.region, endpoint }, style)
}

/** The URL a visitor opens, for each form that needs no keys (the URL doctor checks these). */
export function anonymousUrl(scope: BucketScope, endpoint: UrlEndpoint, key: string, form: 'public' | 'path-style' | 'custom-base'): string {
  if (form === 'custom-base') {
    const base = scope.connection.publicBaseUrl
    if (!base) throw objectErrors.noBaseUrl()
    return baseUrlFor(base, key)
  }
  return bucketUrl(scope, endpoint, key, form === 'path-style' ? 'path' : undefined)
}

/**
 * The text to copy for some keys, one line each
 *
 * public: virtual-hosted, except where path style is needed (custom endpoints, dotted
 * bucket names); path-style: always path style; custom-base: under the profile's public
 * base URL; presigned: signed with the profile's secret for the bucket's own region (so
 * it runs in main); html/markdown: the visitor URL in a snippet.
 *
 * A key with a "." or ".." segment gets no URL at all: a browser would open another
 * object with it (publicUrl.ts, unreachableSegment). The error says why and names a
 * reachable name, so the window can offer Rename.
 */
export async function buildUrls(scope: BucketScope, endpoint: UrlEndpoint, keys: readonly string[], form: UrlForm, expiresInSeconds: number | null): Promise<{ text: string; urls: string[] }> {
  const unreachable = keys.find((key) => unreachableSegment(key) !== null)
  if (unreachable !== undefined) throw objectErrors.unreachableKey(unreachable, unreachableSegment(unreachable)!, reachableName(unreachable))
  let urls: string[]
  let lines: string[] | null = null
  switch (form) {
    case 'public':
      urls = keys.map((key) => bucketUrl(scope, endpoint, key))
      break
    case 'path-style':
      urls = keys.map((key) => bucketUrl(scope, endpoint, key, 'path'))
      break
    case 'custom-base': {
      const base = scope.connection.publicBaseUrl
      if (!base) throw objectErrors.noBaseUrl()
      urls = keys.map((key) => baseUrlFor(base, key))
      break
    }
    case 'presigned': {
      // SigV4 presigned URLs last at most 7 days; the schema already enforces 60 s..7 d.
      const expiresIn = expiresInSeconds ?? 3600
      urls = await Promise.all(
        keys.map((key) =>
          getSignedUrl(scope.s3, new GetObjectCommand({ Bucket: scope.bucket, Key: key }), { expiresIn }).catch((error) => {
            throw scope.fail(error, `sign a link to “${key}”`)
          }),
        ),
      )
      break
    }
    case 'html':
      urls = keys.map((key) => visitorUrl(scope, endpoint, key))
      lines = urls.map((url, i) => htmlSnippet(url, keys[i] as string))
      break
    case 'markdown':
      urls = keys.map((key) => visitorUrl(scope, endpoint, key))
      lines = urls.map((url, i) => markdownSnippet(url, keys[i] as string))
      break
  }
  return { text: (lines ?? urls).join('\n'), urls }
}
