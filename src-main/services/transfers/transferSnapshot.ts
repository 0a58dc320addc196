import type { TransferBatchRange, TransferStatus, TransfersSnapshot, TransferView } from '../../contract/bridge'
import { etaSeconds } from './transferRate'
import { isActive, isDoneRow, type QueueRow } from './transferState'

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

const noStates = (): Record<TransferStatus, number> => ({
  queued: 0,
  checking: 0,
  'waiting-conflict': 0,
  running: 0,
  'waiting-network': 0,
  interrupted: 0,
  done: 0,
  failed: 0,
  cancelled: 0,
  skipped: 0,
})

/**
 * What crosses the bridge: the totals, the batches' ranges, and a bounded set of rows
 * (the window, and what needs the user), never a path on disk or a stream. One pass over
 * the queue, whatever its length; what is serialised depends on the window, not on it.
 */
export function snapshotOf(rows: readonly QueueRow[], window: RowWindow, finishedBatches: TransfersSnapshot['finishedBatches'], released: string[]): TransfersSnapshot {
  const states = noStates()
  const batches: TransferBatchRange[] = []
  const views: TransferView[] = []
  let bytes = 0
  let transferred = 0
  let unfinishedBytes = 0
  let unfinishedDone = 0
  let speed: number | null = null
  let extra = 0
  let firstConflict: QueueRow | null = null
  const end = window.offset + window.limit
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    const status = row.status
    states[status]++
    const rowTransferred = isDoneRow(row) ? row.size : row.transferred
    bytes += row.size
    transferred += rowTransferred
    if (isActive(status)) {
      unfinishedBytes += row.size
      unfinishedDone += rowTransferred
    }
    const last = batches[batches.length - 1]
    if (last && last.batchId === row.batchId) last.count++
    else batches.push({ batchId: row.batchId, bucket: row.bucket, first: i, count: 1 })
    if (status === 'waiting-conflict') firstConflict ??= row
    if (!isDoneRow(row) && status === 'running' && row.rate.speed !== null) speed = (speed ?? 0) + row.rate.speed
    const inWindow = i >= window.offset && i < end
    if (inWindow || (needsUser.has(status) && extra < maxNeedingUser)) {
      if (!inWindow) extra++
      views.push(viewOf(row, i))
    }
  }
  const active = states.queued + states.checking + states['waiting-conflict'] + states.running + states['waiting-network']
  const conflict = firstConflict && !isDoneRow(firstConflict) && firstConflict.existing ? firstConflict : null
  // Files of its batch not yet asked about: "apply to all" would answer them too. Counted only when there is a question.
  let unasked = 0
  if (conflict) for (const row of rows) if (row.batchId === conflict.batchId && (row.status === 'waiting-conflict' || row.status === 'queued' || row.status === 'checking')) unasked++
  return {
    transfers: views,
    totals: {
      count: rows.length,
      active,
      done: states.done,
      failed: states.failed,
      interrupted: states.interrupted,
      bytes,
      transferred,
      progress: active === 0 ? null : unfinishedBytes === 0 ? 0 : unfinishedDone / unfinishedBytes,
      states,
      speed,
      etaSeconds: active === 0 ? null : etaSeconds(unfinishedBytes - unfinishedDone, speed),
    },
    batches,
    window: { ...window },
    conflict:
      conflict && conflict.existing
        ? {
            batchId: conflict.batchId,
            transferId: conflict.id,
            key: conflict.key,
            existingSize: conflict.existing.size,
            existingModified: conflict.existing.lastModified,
            remaining: unasked - 1,
          }
        : null,
    finishedBatches,
    released,
  }
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
