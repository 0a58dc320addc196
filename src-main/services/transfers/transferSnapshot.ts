import type { TransferBatchRange, TransferStatus, TransfersSnapshot, TransferView } from '../../contract/bridge'
import { etaSeconds } from './transferRate'
import { isDoneRow, type QueueRow, type Transfer } from './transferState'

export interface RowWindow {
  offset: number
  limit: number
}

/** The panel's first look, before it says what it shows: the top of the queue. */
export const firstWindow: RowWindow = { offset: 0, limit: 100 }

/** Rows outside the window that still travel, because they need the user (or are moving). */
const needsUser = new Set<TransferStatus>(['checking', 'running', 'waiting-network', 'waiting-conflict', 'failed', 'interrupted'])
/** At most this many of them: a queue where 50,000 files failed shows the first ones. */
const maxNeedingUser = 200

/** A batch's range of rows, and how many of them have not ended yet (for finishedBatches). */
export interface BatchRows extends TransferBatchRange {
  open: number
}

/** What a snapshot takes from the rows, and each batch's rows with how many are still open. */
export type QueueSummary = Pick<TransfersSnapshot, 'transfers' | 'totals' | 'batches' | 'window' | 'conflict'> & { batchRows: BatchRows[] }

/**
 * What crosses the bridge: the totals, the batches' ranges, and a bounded set of rows
 * (the window, and what needs the user), never a path on disk or a stream. One pass over
 * the queue, whatever its length; what is serialised depends on the window, not on it.
 * The pass runs ~5 times a second over as many as 50,000 rows while files finish, so it
 * reads each row once, counts in locals, and makes views only of the rows it sends; the
 * emitter learns from the same pass which batches have ended.
 */
export function summariseQueue(rows: readonly QueueRow[], window: RowWindow): QueueSummary {
  let queued = 0
  let checking = 0
  let waitingConflict = 0
  let running = 0
  let waitingNetwork = 0
  let interrupted = 0
  let done = 0
  let failed = 0
  let cancelled = 0
  let skipped = 0
  let bytes = 0
  let transferred = 0
  let unfinishedBytes = 0
  let unfinishedDone = 0
  let speed: number | null = null
  let firstConflict: Transfer | null = null
  const batchRows: BatchRows[] = []
  let range: BatchRows | null = null
  // Rows that need the user, before the window and after it: the views stay in queue order.
  const before: number[] = []
  const after: number[] = []
  const start = Math.max(0, window.offset)
  const end = Math.min(rows.length, window.offset + window.limit)
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    const size = row.size
    bytes += size
    if (range === null || range.batchId !== row.batchId) {
      range = { batchId: row.batchId, bucket: row.bucket, first: i, count: 0, open: 0 }
      batchRows.push(range)
    }
    range.count++
    const status = row.status
    // A DoneRow, or a Transfer in the instant before it is swapped for one (its transferred is its size).
    if (status === 'done') {
      done++
      transferred += size
      continue
    }
    const transfer = row as Transfer
    transferred += transfer.transferred
    if (status === 'failed') failed++
    else if (status === 'cancelled') cancelled++
    else if (status === 'skipped') skipped++
    else {
      range.open++
      if (status === 'interrupted') interrupted++
      else {
        // Work the queue is doing or about to do.
        unfinishedBytes += size
        unfinishedDone += transfer.transferred
        if (status === 'queued') queued++
        else if (status === 'checking') checking++
        else if (status === 'running') {
          running++
          if (transfer.rate.speed !== null) speed = (speed ?? 0) + transfer.rate.speed
        } else if (status === 'waiting-network') waitingNetwork++
        else {
          waitingConflict++
          firstConflict ??= transfer
        }
      }
    }
    if ((i < start || i >= end) && needsUser.has(status) && before.length + after.length < maxNeedingUser) (i < start ? before : after).push(i)
  }
  const views: TransferView[] = []
  for (const i of before) views.push(viewOf(rows[i]!, i))
  for (let i = start; i < end; i++) views.push(viewOf(rows[i]!, i))
  for (const i of after) views.push(viewOf(rows[i]!, i))
  const active = queued + checking + waitingConflict + running + waitingNetwork
  const conflict = firstConflict?.existing ? { transfer: firstConflict, existing: firstConflict.existing } : null
  return {
    transfers: views,
    totals: {
      count: rows.length,
      active,
      done,
      failed,
      interrupted,
      bytes,
      transferred,
      progress: active === 0 ? null : unfinishedBytes === 0 ? 0 : unfinishedDone / unfinishedBytes,
      states: { queued, checking, 'waiting-conflict': waitingConflict, running, 'waiting-network': waitingNetwork, interrupted, done, failed, cancelled, skipped },
      speed,
      etaSeconds: active === 0 ? null : etaSeconds(unfinishedBytes - unfinishedDone, speed),
    },
    batches: batchRows.map(({ batchId, bucket, first, count }) => ({ batchId, bucket, first, count })),
    window: { ...window },
    conflict: conflict
      ? {
          batchId: conflict.transfer.batchId,
          transferId: conflict.transfer.id,
          key: conflict.transfer.key,
          existingSize: conflict.existing.size,
          existingModified: conflict.existing.lastModified,
          remaining: unaskedIn(rows, batchRows, conflict.transfer.batchId) - 1,
        }
      : null,
    batchRows,
  }
}

/** Files of the batch not yet asked about ("apply to all" would answer them too), read from its own rows only. */
function unaskedIn(rows: readonly QueueRow[], batchRows: readonly BatchRows[], batchId: string): number {
  let unasked = 0
  for (const range of batchRows) {
    if (range.batchId !== batchId) continue
    for (let i = range.first; i < range.first + range.count; i++) {
      const status = rows[i]!.status
      if (status === 'waiting-conflict' || status === 'queued' || status === 'checking') unasked++
    }
  }
  return unasked
}

/** The snapshot of a summary, with what happened since the last event. */
export function snapshotFrom(summary: QueueSummary, finishedBatches: TransfersSnapshot['finishedBatches'], released: string[]): TransfersSnapshot {
  const { transfers, totals, batches, window, conflict } = summary
  return { transfers, totals, batches, window, conflict, finishedBatches, released }
}

export function snapshotOf(rows: readonly QueueRow[], window: RowWindow, finishedBatches: TransfersSnapshot['finishedBatches'], released: string[]): TransfersSnapshot {
  return snapshotFrom(summariseQueue(rows, window), finishedBatches, released)
}

export function viewOf(row: QueueRow, position: number): TransferView {
  const base = { id: row.id, batchId: row.batchId, direction: 'upload' as const, bucket: row.bucket, key: row.key, name: row.name, size: row.size, position }
  if (isDoneRow(row)) return { ...base, transferred: row.size, status: 'done', speed: null, etaSeconds: null, error: null, resume: null }
  const running = row.status === 'running'
  return {
    ...base,
    transferred: row.transferred,
    status: row.status,
    speed: running ? row.rate.speed : null,
    etaSeconds: running ? etaSeconds(row.size - row.transferred, row.rate.speed) : null,
    error: row.error,
    resume: row.status !== 'interrupted' ? null : row.source.kind === 'path' ? 'disk' : 'page',
  }
}
