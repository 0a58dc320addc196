import { HeadObjectCommand, ListObjectsV2Command, type ListObjectsV2CommandOutput } from '@aws-sdk/client-s3'
import { retrying } from '../../core/async/retrying'
import { decodeListedKey } from '../objects/listing'
import type { BucketScope } from '../objects/bucketScope'
import type { IndexedObject } from './indexedObject'

/** The first page is small: a store answers 100 keys sooner than 1,000, and a search shows them. */
const firstPageKeys = 100

/**
 * Every key under a prefix, no delimiter, one page (1,000 keys; the first, 100) at a time
 *
 * The next page is asked for before the current one is handed over, so the server's
 * time and the caller's (writing the page to the index) overlap instead of adding up.
 * The small first page costs one request more in a whole listing, and brings the first
 * results of a search without an index sooner by most of a page's time on the server.
 * Each page request retries on its own like every other request (core/async/retrying),
 * so one dropped connection in a listing of 1,000 pages doesn't start it over.
 */
export async function* listRecursively(scope: BucketScope, prefix: string, signal: AbortSignal): AsyncGenerator<IndexedObject[]> {
  const retry = { signal, onNetworkWait: () => undefined }
  const fetchPage = (token: string | undefined) =>
    retrying(
      (abortSignal) =>
        scope.s3.send(
          new ListObjectsV2Command({ Bucket: scope.bucket, Prefix: prefix, MaxKeys: token ? 1000 : firstPageKeys, EncodingType: 'url', ...(token ? { ContinuationToken: token } : {}) }),
          { abortSignal },
        ),
      retry,
    ).catch((error) => {
      throw signal.aborted ? error : scope.fail(error, `list everything in “${prefix || scope.bucket}”`)
    })
  let next: Promise<ListObjectsV2CommandOutput> | null = fetchPage(undefined)
  while (next) {
    const answer: ListObjectsV2CommandOutput = await next
    const token = answer.IsTruncated ? answer.NextContinuationToken : undefined
    next = token ? fetchPage(token) : null
    next?.catch(() => undefined) // reported when it is awaited
    yield toIndexedObjects(answer)
    if (signal.aborted) return
  }
}

export function toIndexedObjects(answer: Pick<ListObjectsV2CommandOutput, 'Contents' | 'EncodingType'>): IndexedObject[] {
  const decode = answer.EncodingType === 'url' ? decodeListedKey : (key: string) => key
  const objects: IndexedObject[] = []
  for (const o of answer.Contents ?? []) {
    if (o.Key === undefined) continue
    objects.push({
      key: decode(o.Key),
      size: o.Size ?? 0,
      etag: o.ETag ? unquote(o.ETag) : null,
      modified: o.LastModified ? o.LastModified.getTime() : null,
      storageClass: o.StorageClass && o.StorageClass !== 'STANDARD' ? o.StorageClass : null,
    })
  }
  return objects
}

/** One object as the index would list it, or null when it is gone. */
export async function headIndexed(scope: BucketScope, key: string): Promise<IndexedObject | null> {
  try {
    const head = await scope.s3.send(new HeadObjectCommand({ Bucket: scope.bucket, Key: key }))
    return {
      key,
      size: head.ContentLength ?? 0,
      etag: head.ETag ? unquote(head.ETag) : null,
      modified: head.LastModified ? head.LastModified.getTime() : null,
      storageClass: head.StorageClass && head.StorageClass !== 'STANDARD' ? head.StorageClass : null,
    }
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
    if (e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404) return null
    throw error
  }
}

const unquote = (etag: string) => etag.replace(/^"|"$/g, '')
