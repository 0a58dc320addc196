import type { TransfersSnapshot } from '../../contract/bridge'
import type { QueueRows } from './transferQueue'
import { snapshotOf, snapshotFrom, summariseQueue, type BatchRows } from './transferSnapshot'
import { isTerminal, type Batch, type QueueRow } from './transferState'

/**
 * How far apart `soon`'s snapshots start: ~5 a second, but never so often that building
 * and handing them over takes more than a quarter of the thread (a slow machine, a huge
 * window). Counted from the start of the last one, so neither its cost nor the wait for
 * the next change stretches the gap.
 */
export function snapshotIntervalMs(lastSnapshotMs: number): number {
  return Math.max(200, Math.round(lastSnapshotMs * 4))
}

/** A transfer that left the running states, for whoever waits on it. */
const hasSettled = (t: QueueRow) => isTerminal(t.status) || t.status === 'waiting-conflict' || t.status === 'interrupted'

/** What a waiter learns about the file it waited on. */
export type SettledTransfer = Pick<QueueRow, 'id' | 'status'>

type FinishedBatch = TransfersSnapshot['finishedBatches'][number]

/**
 * What the panel sees, and when
 *
 * Progress and finished files are frequent: 5,000 small files finish in seconds, and a
 * snapshot per file would cost more than the uploads. `soon` batches them to ~5 a second
 * (fewer when each is expensive, see snapshotIntervalMs);
 * `now` is for what the user just did. Each snapshot also reports the batches that ended
 * since the last, once. Waiters on one transfer are checked at every change, by id.
 */
export function createSnapshotEmitter(state: { queue: QueueRows; batches: Map<string, Batch> }, onChange: (snapshot: TransfersSnapshot) => void) {
  let finished: FinishedBatch[] = []
  let timer: NodeJS.Timeout | null = null
  let lastCostMs = 0
  let lastStartedMs = -Infinity
  const waiters = new Map<string, ((t: SettledTransfer | undefined) => void)[]>()

  /** A call's answer; the finished batches and released files go with the next event. */
  const snapshot = () => snapshotOf(state.queue.rows, state.queue.window, [], [])

  /** The batches that ended since the last event, from the pass the snapshot made (its rows' open counts). */
  function reportFinishedBatches(batchRows: readonly BatchRows[]) {
    const open = new Map<string, number>()
    for (const batch of state.batches.values()) if (!batch.reported) open.set(batch.id, 0)
    if (open.size === 0) return
    for (const range of batchRows) {
      const count = open.get(range.batchId)
      if (count !== undefined) open.set(range.batchId, count + range.open)
    }
    const ended = new Map<string, FinishedBatch>()
    for (const [id, count] of open) {
      if (count > 0) continue
      const batch = state.batches.get(id)!
      batch.reported = true
      batch.s3 = null
      ended.set(id, { batchId: id, profileId: batch.profileId, bucket: batch.bucket, prefix: batch.prefix, keys: [], done: 0, failed: 0, notSent: 0 })
    }
    if (ended.size === 0) return
    // Keys are gathered once, when a batch ends, from its own rows.
    const rows = state.queue.rows
    for (const range of batchRows) {
      const tally = ended.get(range.batchId)
      if (!tally) continue
      for (let i = range.first; i < range.first + range.count; i++) {
        const row = rows[i]!
        if (row.status === 'done') {
          tally.done++
          tally.keys.push(row.key)
        } else if (row.status === 'failed') tally.failed++
        else tally.notSent++
      }
    }
    finished.push(...ended.values())
  }

  function wakeSettled() {
    for (const [id, wake] of waiters) {
      const transfer = state.queue.get(id)
      if (transfer && !hasSettled(transfer)) continue
      waiters.delete(id)
      for (const w of wake) w(transfer)
    }
  }

  function now() {
    if (timer) clearTimeout(timer)
    timer = null
    const started = performance.now()
    const summary = summariseQueue(state.queue.rows, state.queue.window)
    reportFinishedBatches(summary.batchRows)
    onChange(snapshotFrom(summary, finished, state.queue.takeReleased()))
    lastStartedMs = started
    lastCostMs = performance.now() - started
    finished = []
    wakeSettled()
  }

  return {
    snapshot,
    now,
    soon() {
      timer ??= setTimeout(now, Math.max(0, lastStartedMs + snapshotIntervalMs(lastCostMs) - performance.now()))
      wakeSettled()
    },
    /** Resolves when the transfer leaves the running states (or is gone). */
    settled(transferId: string): Promise<SettledTransfer | undefined> {
      const transfer = state.queue.get(transferId)
      if (!transfer || hasSettled(transfer)) return Promise.resolve(transfer)
      return new Promise((resolve) => waiters.set(transferId, [...(waiters.get(transferId) ?? []), resolve]))
    },
  }
}
