/**
 * Custom endpoint rule
 *
 * An S3-compatible endpoint is an http(s) origin, optionally with a path. Plain http is
 * allowed because local MinIO and test servers use it; credentials in the URL are not,
 * because they would end up in the profiles file.
 */
export function endpointProblem(value: string): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'an endpoint is a URL such as https://minio.example.com:9000'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'an endpoint starts with https:// or http://'
  if (url.username || url.password) return 'remove the user name and password from the endpoint URL'
  if (url.search || url.hash) return 'remove the ?query or #fragment from the endpoint URL'
  return null
}

/** The endpoint as stored: no trailing slash, so URLs built from it never double one. */
export const normalizeEndpoint = (value: string): string => value.trim().replace(/\/+$/, '')
