import { DeleteObjectsCommand } from '@aws-sdk/client-s3'
import type { BridgeError } from '../../contract/bridge'
import { mapWithConcurrency } from '../../core/async/workerPool'
import type { BucketScope } from './bucketScope'
import { chunk } from './selection'

/** One object version to delete; a null version id means "the key" (a delete marker in a versioned bucket). */
export interface VersionRef {
  key: string
  versionId: string | null
}

export interface DeleteOutcome {
  deleted: number
  failed: { key: string; error: BridgeError }[]
  /** The delete markers these deletes created (versioned buckets), so they can be undone. */
  markers: { key: string; versionId: string }[]
}

export interface VersionDeleteOutcome {
  deleted: number
  failed: { key: string; versionId: string | null; error: BridgeError }[]
  markers: { key: string; versionId: string }[]
  /** Refs never sent because the signal stopped the work first. */
  skipped: number
}

/**
 * DeleteObjects in batches of 1,000 (the API's limit), a few batches at a time
 *
 * S3 answers per key, each refusal with its own error code, which becomes a plain
 * sentence per key. A batch that fails as a whole (network, access denied on the bucket)
 * marks its keys failed and the others go on, so the user learns exactly what is left.
 * Quiet mode (only failures come back) unless the created delete markers are wanted.
 * A stop signal lets the batches in flight finish and sends no more.
 */
export async function deleteVersions(
  scope: BucketScope,
  refs: readonly VersionRef[],
  onBatch: (doneSoFar: number) => void = () => undefined,
  options: { signal?: AbortSignal; wantMarkers?: boolean } = {},
): Promise<VersionDeleteOutcome> {
  const failed: VersionDeleteOutcome['failed'] = []
  const markers: VersionDeleteOutcome['markers'] = []
  let done = 0
  let skipped = 0
  await mapWithConcurrency(chunk(refs, 1000), 3, async (batch) => {
    if (options.signal?.aborted) {
      skipped += batch.length
      return
    }
    try {
      const answer = await scope.s3.send(
        new DeleteObjectsCommand({
          Bucket: scope.bucket,
          Delete: { Objects: batch.map((r) => (r.versionId === null ? { Key: r.key } : { Key: r.key, VersionId: r.versionId })), Quiet: !options.wantMarkers },
        }),
      )
      for (const e of answer.Errors ?? []) {
        const key = e.Key ?? ''
        failed.push({ key, versionId: e.VersionId ?? null, error: scope.fail({ name: e.Code, message: e.Message }, `delete “${key}”`, 's3:DeleteObject').toBridge() })
      }
      for (const d of answer.Deleted ?? []) {
        if (d.DeleteMarker && d.DeleteMarkerVersionId && d.Key !== undefined && !d.VersionId) markers.push({ key: d.Key, versionId: d.DeleteMarkerVersionId })
      }
    } catch (error) {
      const bridge = scope.fail(error, 'delete objects', 's3:DeleteObject').toBridge()
      for (const r of batch) failed.push({ key: r.key, versionId: r.versionId, error: bridge })
    }
    done += batch.length
    onBatch(done)
  })
  return { deleted: refs.length - failed.length - skipped, failed, markers, skipped }
}

/** Deletes keys (their current version: a delete marker where versioning is on). */
export async function deleteKeys(scope: BucketScope, keys: readonly string[], onBatch: (doneSoFar: number) => void = () => undefined): Promise<DeleteOutcome> {
  const outcome = await deleteVersions(
    scope,
    keys.map((key) => ({ key, versionId: null })),
    onBatch,
    { wantMarkers: true },
  )
  return { deleted: outcome.deleted, failed: outcome.failed.map(({ key, error }) => ({ key, error })), markers: outcome.markers }
}
