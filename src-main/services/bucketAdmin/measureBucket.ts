import type { BucketTally, VersioningState } from '../../contract/bridge'
import { readVersioning } from '../buckets/versioningState'
import { incompleteUploadPages, withParts } from '../incompleteUploads/listIncomplete'
import type { BucketScope } from '../objects/bucketScope'
import { bucketEntryPages, type BucketEntry } from './bucketEntries'

export const emptyTally = (versioning: BucketTally['versioning']): BucketTally => ({
  versioning,
  objects: 0,
  bytes: 0,
  noncurrentVersions: 0,
  noncurrentBytes: 0,
  deleteMarkers: 0,
  incompleteUploads: 0,
  incompleteBytes: 0,
  complete: false,
})

/** Pure: one listing page added to the count. */
export function addEntries(tally: BucketTally, entries: readonly BucketEntry[]): BucketTally {
  const next = { ...tally }
  for (const entry of entries) {
    if (entry.isDeleteMarker) next.deleteMarkers += 1
    else if (entry.isLatest) {
      next.objects += 1
      next.bytes += entry.size
    } else {
      next.noncurrentVersions += 1
      next.noncurrentBytes += entry.size
    }
  }
  return next
}

/** Everything a bucket holds, counted as one number for progress ("12,000 counted"). */
export const entriesIn = (t: BucketTally) => t.objects + t.noncurrentVersions + t.deleteMarkers
export const bytesIn = (t: BucketTally) => t.bytes + t.noncurrentBytes + t.incompleteBytes

/**
 * A bucket's size and counts, by a streamed listing (1,000 entries a page, never a HEAD)
 *
 * Every page is reported as it arrives. A stop keeps what was counted and says the
 * count is not complete; any other failure is the caller's to show.
 */
export async function measureBucket(scope: BucketScope, signal: AbortSignal, onPage: (tally: BucketTally) => void, known?: VersioningState | 'unknown'): Promise<BucketTally> {
  const versioning = known ?? (await readVersioning(scope.s3, scope.bucket, signal))
  let tally = emptyTally(versioning)
  try {
    for await (const page of bucketEntryPages(scope, versioning, signal)) {
      tally = addEntries(tally, page)
      onPage(tally)
      if (signal.aborted) return tally
    }
    for await (const uploads of incompleteUploadPages(scope, signal)) {
      const counted = await withParts(scope, uploads, signal)
      tally = { ...tally, incompleteUploads: tally.incompleteUploads + counted.length, incompleteBytes: tally.incompleteBytes + counted.reduce((sum, u) => sum + u.bytes, 0) }
      onPage(tally)
      if (signal.aborted) return tally
    }
  } catch (error) {
    if (signal.aborted) return tally
    throw error
  }
  return { ...tally, complete: true }
}
