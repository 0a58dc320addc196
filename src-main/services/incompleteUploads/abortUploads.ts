import { AbortMultipartUploadCommand } from '@aws-sdk/client-s3'
import type { BridgeError } from '../../contract/bridge'
import { mapWithConcurrency } from '../../core/async/workerPool'
import { awsErrorName } from '../../core/awsErrorShape'
import type { BucketScope } from '../objects/bucketScope'

export interface AbortOutcome {
  aborted: number
  failed: { key: string; uploadId: string; error: BridgeError }[]
}

/**
 * AbortMultipartUpload for each upload, a few at a time; S3 then frees their parts
 *
 * An upload that is already gone (NoSuchUpload: it completed, or someone aborted it) is
 * what the user wanted, so it counts as aborted.
 */
export async function abortUploads(scope: BucketScope, uploads: readonly { key: string; uploadId: string }[], signal?: AbortSignal): Promise<AbortOutcome> {
  const failed: AbortOutcome['failed'] = []
  let aborted = 0
  await mapWithConcurrency(uploads, 4, async (upload) => {
    if (signal?.aborted) return
    try {
      await scope.s3.send(new AbortMultipartUploadCommand({ Bucket: scope.bucket, Key: upload.key, UploadId: upload.uploadId }))
      aborted += 1
    } catch (error) {
      if (awsErrorName(error) === 'NoSuchUpload') aborted += 1
      else failed.push({ ...upload, error: scope.fail(error, `abort the upload of “${upload.key}” (s3:AbortMultipartUpload)`).toBridge() })
    }
  })
  return { aborted, failed }
}
