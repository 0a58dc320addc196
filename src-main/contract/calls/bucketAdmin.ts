import { z } from 'zod'
import { bucketNameProblems } from '../rules/bucketNameRule'
import type { BridgeError } from '../shared/bridgeError'
import { call } from '../shared/callSpec'
import { bucketName, id, operationId, ruled } from '../shared/schemaParts'

/** Bucket management (issue 12): create, count, empty and delete buckets. */

/** Versioning never goes back to "off" once it was enabled. */
export type VersioningState = 'off' | 'on' | 'suspended'

export interface CreatedBucket {
  bucket: string
  region: string
  /** The policy written when public read was asked for and worked. */
  policyJson: string | null
  /** The bucket was made but public read failed: it stays private, and this says why. */
  publicReadError: BridgeError | null
}

/** What a streamed listing of the whole bucket counted. */
export interface BucketTally {
  versioning: VersioningState | 'unknown'
  /** Current objects (the latest version of each key that is not a delete marker). */
  objects: number
  bytes: number
  noncurrentVersions: number
  noncurrentBytes: number
  deleteMarkers: number
  incompleteUploads: number
  incompleteBytes: number
  /** False when the count was stopped: the numbers are what was counted until then. */
  complete: boolean
}

export interface BucketDeleteOutcome {
  deleted: boolean
  removed: { versions: number; uploads: number }
  /** Why it stopped before deleting the bucket, or null when it was deleted. */
  stopped: 'cancelled' | 'failed' | null
  /** When it stopped: what is still in the bucket, counted again. */
  left: { entries: number; uploads: number; countedAll: boolean } | null
  /** Objects S3 refused to delete (the first ones), with its reason. */
  failures: { key: string; versionId: string | null; error: BridgeError }[]
  /** What made it stop, when it was not a cancel or a per-object refusal. */
  error: BridgeError | null
}

const inBucket = { profileId: id, bucket: bucketName }

export const newBucket = z
  .object({
    profileId: id,
    // A new name must pass today's rules, the ones the form shows as the user types.
    bucket: ruled(bucketNameProblems),
    // Custom endpoints name their own regions ("auto", "garage"); for AWS the service checks the list.
    region: z.string().trim().min(1, 'choose a region').max(40).regex(/^[a-z0-9-]+$/, 'a region looks like eu-west-1'),
    /** The guided setup's way: Block Public Access relaxed for policies, then a public-read policy. */
    publicRead: z.boolean(),
  })
  .strict()
export type NewBucket = z.input<typeof newBucket>

export const bucketAdminCalls = {
  'buckets/create': call<CreatedBucket>()(newBucket),
  /** Counts objects, versions, delete markers and incomplete uploads, with objects/progress events (kind "measure"). */
  'buckets/measure': call<BucketTally>()(z.object({ ...inBucket, operationId }).strict()),
  /**
   * Empties the bucket (every version, delete marker and incomplete upload, in batches of
   * 1,000) and deletes it. `confirmName` must be the bucket's name, typed by the user.
   * Progress as objects/progress (kind "empty-bucket"); `operations/cancel` stops it.
   */
  'buckets/delete': call<BucketDeleteOutcome>()(z.object({ ...inBucket, confirmName: z.string().max(255), operationId }).strict()),
  /** Stops a long operation (count, empty) after the request in flight. */
  'operations/cancel': call<{ cancelled: boolean }>()(z.object({ operationId }).strict()),
}
