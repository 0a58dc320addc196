import type { BridgeError, ConflictChoice, TransferStatus, TransfersSnapshot, TransferView } from '../../contract/bridge'
import type { S3Client } from '@aws-sdk/client-s3'
import type { ExistingObject } from './conflictCheck'
import type { UploadSource } from './transferEngine'
import { etaSeconds, type RateState } from './transferRate'

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
  /** Aborts this file's requests (cancel). Null when it isn't running. */
  abort: AbortController | null
  /** The multipart upload in progress, once S3 has given its id. */
  uploadId: string | null
  /** An interrupted multipart upload (from the journal) to continue. */
  resumeUploadId: string | null
  cancelled: boolean
}

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
const isActive = (status: TransferStatus) => !isTerminal(status) && status !== 'interrupted'

/** What crosses the bridge: views and totals, never a path on disk or a stream. */
export function snapshotOf(transfers: Transfer[], finishedBatches: TransfersSnapshot['finishedBatches']): TransfersSnapshot {
  const views = transfers.map(viewOf)
  const unfinished = transfers.filter((t) => isActive(t.status))
  const bytes = transfers.reduce((sum, t) => sum + t.size, 0)
  const transferred = transfers.reduce((sum, t) => sum + t.transferred, 0)
  const unfinishedBytes = unfinished.reduce((sum, t) => sum + t.size, 0)
  const unfinishedDone = unfinished.reduce((sum, t) => sum + t.transferred, 0)
  const waiting = transfers.filter((t) => t.status === 'waiting-conflict')
  const first = waiting[0]
  return {
    transfers: views,
    totals: {
      count: transfers.length,
      active: unfinished.length,
      done: transfers.filter((t) => t.status === 'done').length,
      failed: transfers.filter((t) => t.status === 'failed').length,
      interrupted: transfers.filter((t) => t.status === 'interrupted').length,
      bytes,
      transferred,
      progress: unfinished.length === 0 ? null : unfinishedBytes === 0 ? 0 : unfinishedDone / unfinishedBytes,
    },
    conflict:
      first && first.existing
        ? {
            batchId: first.batchId,
            transferId: first.id,
            key: first.key,
            existingSize: first.existing.size,
            existingModified: first.existing.lastModified,
            remaining: waiting.filter((t) => t.batchId === first.batchId).length - 1 + transfers.filter((t) => t.batchId === first.batchId && (t.status === 'queued' || t.status === 'checking')).length,
          }
        : null,
    finishedBatches,
  }
}

function viewOf(t: Transfer): TransferView {
  const running = t.status === 'running'
  return {
    id: t.id,
    batchId: t.batchId,
    direction: 'upload',
    bucket: t.bucket,
    key: t.key,
    name: t.name,
    size: t.size,
    transferred: t.transferred,
    status: t.status,
    speed: running ? t.rate.speed : null,
    etaSeconds: running ? etaSeconds(t.size - t.transferred, t.rate.speed) : null,
    error: t.error,
    resume: t.status !== 'interrupted' ? null : t.source.kind === 'path' ? 'disk' : 'page',
  }
}
