/* Pure and dependency-free: the profile form checks as the user types, the main side checks again. */
import type { NameProblem } from './bucketNameRule'

/**
 * Custom endpoint rule
 *
 * An S3-compatible endpoint is an http(s) origin, optionally with a path. Plain http is
 * allowed because local MinIO and test servers use it; credentials in the URL are not,
 * because they would end up in the profiles file.
 */
export function endpointProblem(value: string): NameProblem | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { code: 'endpoint-url', message: 'an endpoint is a URL such as https://minio.example.com:9000' }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { code: 'endpoint-scheme', message: 'an endpoint starts with https:// or http://' }
  if (url.username || url.password) return { code: 'endpoint-credentials', message: 'remove the user name and password from the endpoint URL' }
  if (url.search || url.hash) return { code: 'endpoint-query', message: 'remove the ?query or #fragment from the endpoint URL' }
  return null
}

/** The endpoint as stored: no trailing slash, so URLs built from it never double one. */
export const normalizeEndpoint = (value: string): string => value.trim().replace(/\/+$/, '')
