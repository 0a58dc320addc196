import type { ObjectProperties } from '../../contract/bridge'
import type { BucketScope } from './bucketScope'
import { copyObject, type CopyOptions } from './copyObject'
import { headObject } from './objectLookup'
import { headersFromHead, propertiesFromHead } from './objectHeaders'

export async function readProperties(scope: BucketScope, key: string): Promise<ObjectProperties> {
  return propertiesFromHead(key, await headObject(scope, key))
}

/**
 * New Content-Type and Cache-Control, everything else kept
 *
 * S3 headers can't be edited in place: the object is copied onto itself with
 * MetadataDirective REPLACE, which drops whatever is not sent again, so the current
 * headers (user metadata, disposition, encoding, language...) are read first and resent.
 * A null Cache-Control removes it. The copy is tied to the ETag that was read, so a
 * concurrent upload is not silently overwritten with stale bytes.
 */
export async function setHeaders(scope: BucketScope, key: string, contentType: string, cacheControl: string | null, options: CopyOptions = {}): Promise<ObjectProperties> {
  const head = await headObject(scope, key)
  const { CacheControl: _dropped, ...kept } = headersFromHead(head)
  const headers = { ...kept, ContentType: contentType, ...(cacheControl ? { CacheControl: cacheControl } : {}) }
  await copyObject(scope, { key, size: head.ContentLength ?? 0, etag: head.ETag ?? null, storageClass: head.StorageClass ?? null }, key, headers, options)
  return readProperties(scope, key)
}
