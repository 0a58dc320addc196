import { ListMultipartUploadsCommand, ListPartsCommand } from '@aws-sdk/client-s3'
import { mapWithConcurrency } from '../../core/async/workerPool'
import type { BucketScope } from '../objects/bucketScope'
import { decodeListedKey } from '../objects/listing'

export interface PendingUpload {
  key: string
  uploadId: string
  /** ISO 8601, or null when the server did not say. */
  initiated: string | null
}

/**
 * Every multipart upload started and never completed or aborted, page by page
 *
 * Their parts are stored (and billed) but belong to no object, so no object listing
 * shows them.
 */
export async function* incompleteUploadPages(scope: BucketScope, signal?: AbortSignal): AsyncGenerator<PendingUpload[]> {
  let keyMarker: string | undefined
  let uploadIdMarker: string | undefined
  for (;;) {
    const answer = await scope.s3
      .send(
        new ListMultipartUploadsCommand({
          Bucket: scope.bucket,
          EncodingType: 'url',
          ...(keyMarker ? { KeyMarker: keyMarker } : {}),
          ...(uploadIdMarker ? { UploadIdMarker: uploadIdMarker } : {}),
        }),
        signal ? { abortSignal: signal } : {},
      )
      .catch((error) => {
        throw scope.fail(error, 'list the incomplete uploads (s3:ListBucketMultipartUploads)')
      })
    const decode = answer.EncodingType === 'url' ? decodeListedKey : (key: string) => key
    yield (answer.Uploads ?? [])
      .filter((u) => u.Key !== undefined && u.UploadId !== undefined)
      .map((u) => ({ key: decode(u.Key as string), uploadId: u.UploadId as string, initiated: u.Initiated ? u.Initiated.toISOString() : null }))
    if (!answer.IsTruncated || (!answer.NextKeyMarker && !answer.NextUploadIdMarker)) return
    keyMarker = answer.NextKeyMarker ? decode(answer.NextKeyMarker) : undefined
    uploadIdMarker = answer.NextUploadIdMarker
  }
}

/** How many parts an upload holds and their bytes (ListParts, every page). */
export async function uploadedParts(scope: BucketScope, upload: Pick<PendingUpload, 'key' | 'uploadId'>, signal?: AbortSignal): Promise<{ parts: number; bytes: number }> {
  let parts = 0
  let bytes = 0
  let marker: string | undefined
  for (;;) {
    const answer = await scope.s3
      .send(
        new ListPartsCommand({ Bucket: scope.bucket, Key: upload.key, UploadId: upload.uploadId, ...(marker ? { PartNumberMarker: marker } : {}) }),
        signal ? { abortSignal: signal } : {},
      )
      .catch((error) => {
        throw scope.fail(error, `list the parts of the upload of “${upload.key}” (s3:ListMultipartUploadParts)`)
      })
    for (const part of answer.Parts ?? []) {
      parts += 1
      bytes += part.Size ?? 0
    }
    if (!answer.IsTruncated || !answer.NextPartNumberMarker) return { parts, bytes }
    marker = answer.NextPartNumberMarker
  }
}

/** Parts and bytes for a page of uploads, a few ListParts at a time. */
export function withParts<T extends Pick<PendingUpload, 'key' | 'uploadId'>>(scope: BucketScope, uploads: T[], signal?: AbortSignal) {
  return mapWithConcurrency(uploads, 4, async (upload) => ({ ...upload, ...(await uploadedParts(scope, upload, signal)) }))
}
