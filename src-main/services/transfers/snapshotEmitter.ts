import type { TransfersSnapshot } from '../../contract/bridge'
import type { QueueRows } from './transferQueue'
import { snapshotOf } from './transferSnapshot'
import { isTerminal, type Batch, type QueueRow } from './transferState'

/**
 * How long `soon` waits: ~5 snapshots a second, but never so often that building and
 * handing them over takes more than a quarter of the thread (a slow machine, a huge window).
 */
export function batchingDelayMs(lastSnapshotMs: number): number {
  return Math.max(200, Math.round(lastSnapshotMs * 3))
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
 * (fewer when each is expensive, see batchingDelayMs);
 * `now` is for what the user just did. Each snapshot also reports the batches that ended
 * since the last, once. Waiters on one transfer are checked at every change, by id.
 */
export function createSnapshotEmitter(state: { queue: QueueRows; batches: Map<string, Batch> }, onChange: (snapshot: TransfersSnapshot) => void) {
  let finished: FinishedBatch[] = []
  let timer: NodeJS.Timeout | null = null
  let lastCostMs = 0
  const waiters = new Map<string, ((t: SettledTransfer | undefined) => void)[]>()

  /** A call's answer; the finished batches and released files go with the next event. */
  const snapshot = () => snapshotOf(state.queue.rows, state.queue.window, [], [])

  function reportFinishedBatches() {
    const unfinished = new Map<string, number>()
    for (const batch of state.batches.values()) if (!batch.reported) unfinished.set(batch.id, 0)
    if (unfinished.size === 0) return
    // One pass for every batch, not one per batch; keys are gathered only for a batch that ended.
    for (const row of state.queue.rows) {
      const count = unfinished.get(row.batchId)
      if (count !== undefined && !isTerminal(row.status)) unfinished.set(row.batchId, count + 1)
    }
    const ended = new Map<string, FinishedBatch>()
    for (const [id, count] of unfinished) {
      if (count > 0) continue
      const batch = state.batches.get(id)!
      batch.reported = true
      batch.s3 = null
      ended.set(id, { batchId: id, profileId: batch.profileId, bucket: batch.bucket, prefix: batch.prefix, keys: [], done: 0, failed: 0, notSent: 0 })
    }
    if (ended.size === 0) return
    for (const row of state.queue.rows) {
      const tally = ended.get(row.batchId)
      if (!tally) continue
      if (row.status === 'done') {
        tally.done++
        tally.keys.push(row.key)
      } else if (row.status === 'failed') tally.failed++
      else tally.notSent++
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
    reportFinishedBatches()
    onChange(snapshotOf(state.queue.rows, state.queue.window, finished, state.queue.takeReleased()))
    lastCostMs = performance.now() - started
    finished = []
    wakeSettled()
  }

  return {
    snapshot,
    now,
    soon() {
      timer ??= setTimeout(now, batchingDelayMs(lastCostMs))
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
