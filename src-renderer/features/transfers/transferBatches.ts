import type { TransferBatchRange, TransfersSnapshot } from '../../../src-main/contract/bridge'

/**
 * The queue as people read it: one group per upload, saying where it went, then its
 * files, each under the name it was stored as. The panel lays out every row from the
 * batches' ranges alone, and only the rows in view are ever fetched.
 */
export type PanelItem = { kind: 'batch'; batch: TransferBatchRange } | { kind: 'row'; batch: TransferBatchRange; position: number }

export interface PanelLayout {
  /** A heading per batch, and a row per file. */
  count: number
  at(index: number): PanelItem
}

export function panelLayout(batches: readonly TransferBatchRange[]): PanelLayout {
  const starts: number[] = []
  let count = 0
  for (const batch of batches) {
    starts.push(count)
    count += batch.count + 1
  }
  return {
    count,
    at(index) {
      // The last batch starting at or before the index.
      let low = 0
      let high = starts.length - 1
      while (low < high) {
        const mid = (low + high + 1) >> 1
        if (starts[mid]! <= index) low = mid
        else high = mid - 1
      }
      const batch = batches[low]!
      const offset = index - starts[low]!
      return offset === 0 ? { kind: 'batch', batch } : { kind: 'row', batch, position: batch.first + offset - 1 }
    },
  }
}

/** Rows a little beyond those in view, so a short scroll needs no fetch. */
const margin = 30
export const windowLimit = 200

/**
 * The window to ask for, or null when the one we have covers the rows in view (first to
 * last queue position).
 */
export function windowFor(inView: { first: number; last: number } | null, have: { offset: number; limit: number }): { offset: number; limit: number } | null {
  if (inView === null) return null
  if (inView.first >= have.offset && inView.last < have.offset + have.limit) return null
  const offset = Math.max(0, inView.first - margin)
  return { offset, limit: Math.min(windowLimit, Math.max(inView.last - offset + 1 + margin, 1)) }
}

const lastSegment = (path: string) => path.slice(path.lastIndexOf('/') + 1)

/**
 * "fotos/gato (1).png" after a "keep both": the dropped path with the file name the
 * object really got. Null when it kept its own name.
 */
export function storedName(transfer: { name: string; key: string }): string | null {
  const stored = lastSegment(transfer.key)
  const dropped = lastSegment(transfer.name)
  if (stored === dropped || stored === '') return null
  return `${transfer.name.slice(0, transfer.name.length - dropped.length)}${stored}`
}

export interface BatchOutcome {
  bucket: string
  done: number
  failed: number
  /** Skipped at a conflict, or cancelled. */
  notSent: number
}

/** What a finished batch did, for the announcement. */
export function batchOutcome(batch: TransfersSnapshot['finishedBatches'][number]): BatchOutcome {
  return { bucket: batch.bucket, done: batch.done, failed: batch.failed, notSent: batch.notSent }
}
