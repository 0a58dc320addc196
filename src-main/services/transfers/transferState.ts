import type { BridgeError, ConflictChoice, TransferStatus } from '../../contract/bridge'
import type { S3Client } from '@aws-sdk/client-s3'
import type { ExistingObject } from './conflictCheck'
import type { UploadSource } from './uploadSources'
import type { RateState } from './transferRate'

/** One file in the queue, with what only the main process may hold. */
export interface Transfer {
  id: string
  batchId: string
  bucket: string
  key: string
  name: string
  size: number
  transferred: number
  status: TransferStatus
  rate: RateState
  error: BridgeError | null
  source: UploadSource
  existing: ExistingObject | null
  choice?: ConflictChoice
  /** Set when this file's Cache-Control differs from its batch's (sync rules). */
  cacheControl?: string | null
  /** Aborts this file's requests (cancel). Null when it isn't running. */
  abort: AbortController | null
  /** The multipart upload in progress, once S3 has given its id. */
  uploadId: string | null
  /** An interrupted multipart upload (from the journal) to continue. */
  resumeUploadId: string | null
  /**
   * When CreateMultipartUpload was (about to be) sent, while its id is unknown: a kill or
   * a lost answer. The id is then found by key and time (multipartIntent.ts).
   */
  multipartSince: number | null
  cancelled: boolean
  /** Its key can't exist in S3 (too long, not text): failed before queueing, never retried. */
  refused?: boolean
  /** Its place in the queue's rows, so finishing can swap it for a DoneRow without a search. */
  slot: number
}

/**
 * A file that is done, kept as little as the panel needs to show it: its source, rate,
 * abort controller and the rest go, so 50,000 finished files cost less than 50,000
 * queued ones (the bench's load scenario measures it).
 */
export interface DoneRow {
  readonly id: string
  readonly batchId: string
  readonly bucket: string
  readonly key: string
  readonly name: string
  readonly size: number
  readonly status: 'done'
}

export type QueueRow = Transfer | DoneRow

export const isDoneRow = (row: QueueRow): row is DoneRow => !('source' in row)

/** What a finished file keeps. */
export const doneRowOf = (t: Transfer): DoneRow => ({ id: t.id, batchId: t.batchId, bucket: t.bucket, key: t.key, name: t.name, size: t.size, status: 'done' })

export interface Batch {
  id: string
  profileId: string
  bucket: string
  prefix: string
  cacheControl: string | null
  /** "Apply to all": the answer for every later conflict in this batch. */
  choice: ConflictChoice | null
  reported: boolean
  /** Objects already under the prefix, from one listing (large batches only). */
  existingIndex: 'wanted' | Promise<Map<string, ExistingObject> | null> | null
  /** The batch's S3 client, while it has work (see transferEngine's clientFor). */
  s3: Promise<S3Client> | null
}

export const isTerminal = (status: TransferStatus) => status === 'done' || status === 'failed' || status === 'cancelled' || status === 'skipped'
/** Work the queue is doing or about to do; an interrupted upload waits for the user. */
export const isActive = (status: TransferStatus) => !isTerminal(status) && status !== 'interrupted'
