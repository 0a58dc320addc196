import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3'
import type { BucketScope } from './bucketScope'
import { copySourceFor } from './copySource'
import { headObject } from './objectLookup'
import { headersFromHead, type ObjectHeaders } from './objectHeaders'
import { objectErrors } from './objectErrors'
import { mapWithConcurrency } from '../../core/async/workerPool'

/** CopyObject copies at most 5 GB in one request; bigger objects need a multipart copy. */
export const singleCopyLimit = 5 * 1024 ** 3
const MiB = 1024 ** 2

export interface CopySourceInfo {
  key: string
  size: number
  /** When known, the copy fails rather than copy a version that changed meanwhile. */
  etag: string | null
  storageClass: string | null
  /** Copy this version rather than the current one (restoring an older version). */
  versionId?: string
  /**
   * The source's tags as a URL query ("a=1&b=2"): a single copy keeps tags by itself
   * (TaggingDirective COPY), a multipart copy starts empty and is given these.
   */
  tagging?: string
}

export interface CopyOptions {
  /** Tests lower these to exercise the multipart path with small objects. */
  singleCopyLimit?: number
  partSize?: number
  partConcurrency?: number
}

/**
 * Server-side copy of one object within the bucket
 *
 * Up to 5 GB: CopyObject, keeping the headers (MetadataDirective COPY) unless new ones
 * are given (REPLACE). Above: CreateMultipartUpload with the source's headers, then
 * UploadPartCopy by byte ranges and Complete; any failure aborts the upload, so no
 * orphaned parts keep costing money.
 */
export async function copyObject(scope: BucketScope, source: CopySourceInfo, targetKey: string, replaceHeaders: ObjectHeaders | null, options: CopyOptions = {}): Promise<void> {
  const limit = options.singleCopyLimit ?? singleCopyLimit
  const CopySource = copySourceFor(scope.bucket, source.key, source.versionId)
  const ifMatch = source.etag ? { CopySourceIfMatch: source.etag } : {}
  const action = `copy “${source.key}” to “${targetKey}”`
  if (source.size <= limit) {
    const storageClass = source.storageClass && source.storageClass !== 'STANDARD' ? { StorageClass: source.storageClass as ObjectHeaders['StorageClass'] } : {}
    await scope.s3
      .send(
        new CopyObjectCommand({
          Bucket: scope.bucket,
          Key: targetKey,
          CopySource,
          ...ifMatch,
          ...(replaceHeaders ? { MetadataDirective: 'REPLACE', ...storageClass, ...replaceHeaders } : { MetadataDirective: 'COPY', ...storageClass }),
          TaggingDirective: 'COPY',
        }),
      )
      .catch((error) => {
        throw copyError(scope, error, source.key, action)
      })
    return
  }

  const headers = replaceHeaders ?? headersFromHead(await headObject(scope, source.key, undefined, source.versionId))
  const created = await scope.s3.send(new CreateMultipartUploadCommand({ Bucket: scope.bucket, Key: targetKey, ...headers, ...(source.tagging ? { Tagging: source.tagging } : {}) })).catch((error) => {
    throw copyError(scope, error, source.key, action)
  })
  const UploadId = created.UploadId
  try {
    const parts = await mapWithConcurrency(planCopyParts(source.size, options.partSize), options.partConcurrency ?? 4, async (part) => {
      const answer = await scope.s3.send(
        new UploadPartCopyCommand({
          Bucket: scope.bucket,
          Key: targetKey,
          UploadId,
          PartNumber: part.partNumber,
          CopySource,
          CopySourceRange: `bytes=${part.start}-${part.end}`,
          ...ifMatch,
        }),
      )
      return { PartNumber: part.partNumber, ETag: answer.CopyPartResult?.ETag }
    })
    await scope.s3.send(new CompleteMultipartUploadCommand({ Bucket: scope.bucket, Key: targetKey, UploadId, MultipartUpload: { Parts: parts } }))
  } catch (error) {
    await abortQuietly(scope, targetKey, UploadId)
    throw copyError(scope, error, source.key, action)
  }
}

export interface CopyPart {
  partNumber: number
  start: number
  /** Inclusive, as in an HTTP Range. */
  end: number
}

/**
 * Byte ranges of a multipart copy: parts of 5 MiB to 5 GiB, at most 10,000 of them
 *
 * Server-side parts cost no local bandwidth, so they are large (256 MiB), which keeps the
 * request count low; huge objects grow the part to fit in 10,000.
 */
export function planCopyParts(size: number, partSize?: number): CopyPart[] {
  const chosen = partSize ?? Math.max(256 * MiB, Math.ceil(size / 10_000))
  if (chosen < 5 * MiB && size > chosen) throw new RangeError('copy parts must be at least 5 MiB')
  if (Math.ceil(size / chosen) > 10_000) throw new RangeError('a multipart copy has at most 10,000 parts')
  const parts: CopyPart[] = []
  for (let start = 0, n = 1; start < size; start += chosen, n++) {
    parts.push({ partNumber: n, start, end: Math.min(size, start + chosen) - 1 })
  }
  return parts
}

async function abortQuietly(scope: BucketScope, key: string, uploadId: string | undefined) {
  if (!uploadId) return
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await scope.s3.send(new AbortMultipartUploadCommand({ Bucket: scope.bucket, Key: key, UploadId: uploadId }))
      return
    } catch {
      // Try again: a left-over upload keeps its parts, and they cost money.
    }
  }
}

function copyError(scope: BucketScope, error: unknown, sourceKey: string, action: string) {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  if (e?.name === 'PreconditionFailed' || e?.$metadata?.httpStatusCode === 412) return objectErrors.objectChanged(sourceKey)
  if (e?.name !== 'NoSuchBucket' && (e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404)) {
    return objectErrors.objectNotFound(sourceKey)
  }
  return scope.fail(error, action, 's3:GetObject and s3:PutObject')
}
