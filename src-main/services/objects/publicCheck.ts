import { askAsVisitor } from './visitorRequest'
import type { BucketScope } from './bucketScope'
import { objectErrors } from './objectErrors'
import { visitorUrl, type UrlEndpoint } from './urlBuilder'

/**
 * Is it public? The URL doctor's first step on its own: the anonymous request a
 * visitor's browser would send (a one-byte GET, redirects not followed), and its status.
 */
export async function checkPublic(scope: BucketScope, endpoint: UrlEndpoint, key: string, fetchImpl: typeof fetch): Promise<{ isPublic: boolean; status: number; url: string }> {
  const url = visitorUrl(scope, endpoint, key)
  const answer = await askAsVisitor(url, fetchImpl)
  if (answer.status === null) throw objectErrors.publicCheckFailed(url)
  return { isPublic: answer.status === 200 || answer.status === 206, status: answer.status, url }
}
