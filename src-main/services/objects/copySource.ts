import { encodeKey } from '../../contract/rules/publicUrl'

/**
 * The x-amz-copy-source header: "bucket/key", URL-encoded
 *
 * SDK v3 sends CopySource as given, and S3 URL-decodes it: an unencoded "?" would start
 * a versionId query, "#" a fragment, "%" an escape, and "+" may be read as a space. So
 * each path segment is encoded and the slashes kept, as for URLs.
 */
export function copySourceFor(bucket: string, key: string, versionId?: string): string {
  // A version is chosen by the query, which S3 reads only after the encoded key.
  return `${bucket}/${encodeKey(key)}${versionId ? `?versionId=${encodeURIComponent(versionId)}` : ''}`
}
