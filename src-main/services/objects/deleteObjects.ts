import { DeleteObjectsCommand } from '@aws-sdk/client-s3'
import type { BridgeError } from '../../contract/bridge'
import { mapWithConcurrency } from '../buckets/mapWithConcurrency'
import type { BucketScope } from './bucketScope'
import { chunk } from './selection'

export interface DeleteOutcome {
  deleted: number
  failed: { key: string; error: BridgeError }[]
}

/**
 * DeleteObjects in batches of 1,000 (the API's limit), a few batches at a time
 *
 * Quiet mode: S3 answers only with the keys it could not delete, each with its own
 * error code, which becomes a plain sentence per key. A batch that fails as a whole
 * (network, access denied on the bucket) marks its keys failed and the others go on,
 * so the user learns exactly what is left.
 */
export async function deleteKeys(scope: BucketScope, keys: readonly string[], onBatch: (doneSoFar: number) => void = () => undefined): Promise<DeleteOutcome> {
  const failed: DeleteOutcome['failed'] = []
  let done = 0
  await mapWithConcurrency(chunk(keys, 1000), 3, async (batch) => {
    try {
      const answer = await scope.s3.send(
        new DeleteObjectsCommand({ Bucket: scope.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
      )
      for (const e of answer.Errors ?? []) {
        const key = e.Key ?? ''
        failed.push({ key, error: scope.fail({ name: e.Code, message: e.Message }, `delete “${key}”`).toBridge() })
      }
    } catch (error) {
      const bridge = scope.fail(error, 'delete objects').toBridge()
      for (const key of batch) failed.push({ key, error: bridge })
    }
    done += batch.length
    onBatch(done)
  })
  return { deleted: keys.length - failed.length, failed }
}
