import type { ObjectProperties } from '../../contract/bridge'
import type { BucketScope } from './bucketScope'
import { copyObject, type CopyOptions } from './copyObject'
import { headObject } from './objectLookup'
import { headersFromHead, propertiesFromHead, type ObjectHeaders } from './objectHeaders'
import { objectErrors } from './objectErrors'

export async function readProperties(scope: BucketScope, key: string): Promise<ObjectProperties> {
  return propertiesFromHead(key, await headObject(scope, key))
}

/**
 * New Content-Type and Cache-Control, everything else kept; a null Cache-Control removes it.
 * `metadata` (already checked and lowercased) replaces the user metadata; undefined keeps it.
 */
export async function setHeaders(scope: BucketScope, key: string, contentType: string, cacheControl: string | null, options: CopyOptions = {}, metadata?: Record<string, string>): Promise<ObjectProperties> {
  return replaceHeaders(scope, key, ({ CacheControl: _dropped, Metadata: keptMetadata, ...kept }) => {
    const nextMetadata = metadata ?? keptMetadata
    return { ...kept, ContentType: contentType, ...(cacheControl ? { CacheControl: cacheControl } : {}), ...(nextMetadata && Object.keys(nextMetadata).length > 0 ? { Metadata: nextMetadata } : {}) }
  }, options)
}

/**
 * Headers changed, everything else kept
 *
 * S3 headers can't be edited in place: the object is copied onto itself with
 * MetadataDirective REPLACE, which drops whatever is not sent again, so the current
 * headers (user metadata, disposition, encoding, language...) are read first and resent
 * with `edit` applied. The copy is tied to the ETag that was read (or the one the caller
 * saw, `expectedEtag`), so a concurrent upload is not silently overwritten with stale bytes.
 */
export async function replaceHeaders(
  scope: BucketScope,
  key: string,
  edit: (headers: ObjectHeaders) => ObjectHeaders,
  options: CopyOptions & { expectedEtag?: string | null } = {},
): Promise<ObjectProperties> {
  const head = await headObject(scope, key)
  if (options.expectedEtag && head.ETag !== options.expectedEtag) throw objectErrors.objectChanged(key)
  await copyObject(scope, { key, size: head.ContentLength ?? 0, etag: head.ETag ?? null, storageClass: head.StorageClass ?? null }, key, edit(headersFromHead(head)), options)
  return readProperties(scope, key)
}
