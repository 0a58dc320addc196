import type { BucketScope } from './bucketScope'
import { objectErrors } from './objectErrors'
import { visitorUrl, type UrlEndpoint } from './urlBuilder'

/**
 * Is it public? Ask the way a visitor's browser would: an anonymous GET of the URL
 *
 * A GET of one byte (Range: bytes=0-0), not a HEAD: some servers (moto among them)
 * judge HEAD by a different permission. Redirects are not followed: a 301/307 says the
 * URL is wrong for this bucket, which the status shows.
 */
export async function checkPublic(scope: BucketScope, endpoint: UrlEndpoint, key: string, fetchImpl: typeof fetch): Promise<{ isPublic: boolean; status: number; url: string }> {
  const url = visitorUrl(scope, endpoint, key)
  let response: Response
  try {
    response = await fetchImpl(url, { headers: { Range: 'bytes=0-0', 'Cache-Control': 'no-cache' }, redirect: 'manual', signal: AbortSignal.timeout(15_000) })
  } catch {
    throw objectErrors.publicCheckFailed(url)
  }
  await response.body?.cancel().catch(() => undefined)
  return { isPublic: response.status === 200 || response.status === 206, status: response.status, url }
}
