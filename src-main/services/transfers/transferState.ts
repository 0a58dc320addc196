import type { Upload } from '@aws-sdk/lib-storage'
import type { BridgeError, ConflictChoice, TransferStatus, TransfersSnapshot, TransferView } from '../../contract/bridge'
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
  upload: Upload | null
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
}

/** What crosses the bridge: views and totals, never a path on disk or a stream. */
export function snapshotOf(transfers: Transfer[], finishedBatches: TransfersSnapshot['finishedBatches']): TransfersSnapshot {
  const views = transfers.map(viewOf)
  const unfinished = transfers.filter((t) => !['done', 'failed', 'cancelled', 'skipped'].includes(t.status))
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
  }
}
