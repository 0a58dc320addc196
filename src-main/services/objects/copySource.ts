import { encodeKey } from '../../contract/rules/publicUrl'

/**
 * The x-amz-copy-source header: "bucket/key", URL-encoded
 *
 * SDK v3 sends CopySource as given, and S3 URL-decodes it: an unencoded "?" would start
 * a versionId query, "#" a fragment, "%" an escape, and "+" may be read as a space. So
 * each path segment is encoded and the slashes kept, as for URLs.
 */
export function copySourceFor(bucket: string, key: string): string {
  return `${bucket}/${encodeKey(key)}`
}
