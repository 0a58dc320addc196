import { DeleteBucketCommand } from '@aws-sdk/client-s3'
import type { BucketDeleteOutcome } from '../../contract/bridge'
import { awsErrorName } from '../../core/awsErrorShape'
import { readVersioning } from '../buckets/versioningState'
import { abortUploads } from '../incompleteUploads/abortUploads'
import { incompleteUploadPages } from '../incompleteUploads/listIncomplete'
import type { BucketScope } from '../objects/bucketScope'
import { deleteVersions } from '../objects/deleteObjects'
import { bucketEntryPages } from './bucketEntries'

/** Objects can arrive while a bucket is emptied; after this many passes the user is told instead. */
const maxPasses = 3
/** Shown per-object refusals; the count says how many more there were. */
const maxFailuresShown = 20
/** After a stop, what is left is counted again, up to this many entries. */
const leftCountLimit = 10_000

/**
 * Empties a bucket and deletes it
 *
 * Incomplete uploads are aborted first (their parts are billed and belong to no object),
 * then every version and delete marker is deleted page by page, 1,000 per request, so a
 * bucket of any size needs no list held in memory. S3 refuses DeleteBucket while anything
 * is left; an object written meanwhile gets another pass. A stop (cancel) or a refusal
 * ends the work with the bucket still there, and what is left is counted again, so the
 * user knows exactly where things stand.
 */
export async function emptyAndDeleteBucket(scope: BucketScope, signal: AbortSignal, onRemoved: (removed: number) => void): Promise<BucketDeleteOutcome> {
  const versioning = await readVersioning(scope.s3, scope.bucket)
  const removed = { versions: 0, uploads: 0 }
  const failures: BucketDeleteOutcome['failures'] = []
  let failureCount = 0
  let stopped: BucketDeleteOutcome['stopped'] = null
  let error: BucketDeleteOutcome['error'] = null
  const stop = (why: 'cancelled' | 'failed') => {
    stopped ??= why
  }
  try {
    for await (const uploads of incompleteUploadPages(scope, signal)) {
      const outcome = await abortUploads(scope, uploads, signal)
      removed.uploads += outcome.aborted
      if (outcome.failed.length > 0) {
        failureCount += outcome.failed.length
        failures.push(...outcome.failed.map((f) => ({ key: f.key, versionId: null, error: f.error })))
        stop('failed')
      }
      if (signal.aborted) stop('cancelled')
      if (stopped) break
    }
    for (let pass = 0; !stopped && pass < maxPasses; pass++) {
      for await (const page of bucketEntryPages(scope, versioning, signal)) {
        if (signal.aborted) {
          stop('cancelled')
          break
        }
        const outcome = await deleteVersions(scope, page, undefined, { signal })
        removed.versions += outcome.deleted
        onRemoved(removed.versions)
        failureCount += outcome.failed.length
        failures.push(...outcome.failed.slice(0, Math.max(0, maxFailuresShown - failures.length)))
        if (outcome.failed.length > 0) stop('failed')
        else if (signal.aborted) stop('cancelled')
        if (stopped) break
      }
      if (stopped) break
      try {
        await scope.s3.send(new DeleteBucketCommand({ Bucket: scope.bucket }))
        return { deleted: true, removed, stopped: null, left: null, failures: [], error: null }
      } catch (caught) {
        if (awsErrorName(caught) !== 'BucketNotEmpty') throw caught
      }
    }
    if (!stopped) {
      stop('failed')
      error = {
        code: 'bucket-keeps-filling',
        message: 'New objects kept arriving while Cubeta emptied the bucket, so it was not deleted.',
        hint: 'Stop whatever writes to this bucket (an app, a sync), then delete it again.',
      }
    }
  } catch (caught) {
    if (signal.aborted) stop('cancelled')
    else {
      stop('failed')
      error = scope.fail(caught, 'delete the bucket (s3:DeleteBucket)').toBridge()
    }
  }
  if (failureCount > failures.length) {
    error ??= {
      code: 'bucket-delete-refused',
      message: `S3 refused to delete ${failureCount} objects, so the bucket was not deleted.`,
      hint: 'The first ones are listed with S3’s reason. Fix that (permissions, Object Lock), then delete the bucket again.',
      params: { count: failureCount },
    }
  }
  return { deleted: false, removed, stopped, left: await countLeft(scope, versioning), failures, error }
}

/** What a stopped delete left behind, counted up to a limit; null if even that fails. */
async function countLeft(scope: BucketScope, versioning: Awaited<ReturnType<typeof readVersioning>>): Promise<BucketDeleteOutcome['left']> {
  try {
    let entries = 0
    let uploads = 0
    let countedAll = true
    for await (const page of bucketEntryPages(scope, versioning)) {
      entries += page.length
      if (entries >= leftCountLimit) {
        countedAll = false
        break
      }
    }
    for await (const page of incompleteUploadPages(scope)) {
      uploads += page.length
      if (uploads >= leftCountLimit) {
        countedAll = false
        break
      }
    }
    return { entries, uploads, countedAll }
  } catch {
    return null
  }
}
