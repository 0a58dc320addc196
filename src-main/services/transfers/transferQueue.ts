import { doneRowOf, isDoneRow, type QueueRow, type Transfer } from './transferState'
import { firstWindow, type RowWindow } from './transferSnapshot'

/**
 * The queue's rows, in order, and each one by id
 *
 * Everything that asks about one file (a waiter, a sync run, a cancel by id) looks it up
 * here instead of scanning the rows. A file that is done is swapped for its DoneRow. The
 * window is the range of rows the panel shows (transfers/window); `released` collects the
 * page-held files whose bytes will not be asked for again, for the next event.
 */
export function createQueueRows() {
  let rows: QueueRow[] = []
  const byId = new Map<string, QueueRow>()
  let window: RowWindow = firstWindow
  let released: string[] = []

  const release = (row: QueueRow) => {
    if (!isDoneRow(row) && row.source.kind === 'page') released.push(row.id)
  }

  return {
    get rows(): readonly QueueRow[] {
      return rows
    },
    get window() {
      return window
    },
    setWindow(next: RowWindow) {
      window = next
    },
    get(id: string): QueueRow | undefined {
      return byId.get(id)
    },
    /** Full transfers only (what is not done yet), for the actions that change them. */
    full(): Transfer[] {
      return rows.filter((row): row is Transfer => !isDoneRow(row))
    },
    add(list: Transfer[]) {
      for (const transfer of list) {
        transfer.slot = rows.length
        rows.push(transfer)
        byId.set(transfer.id, transfer)
      }
    },
    /** The file is done: it keeps only its DoneRow. */
    finish(transfer: Transfer) {
      release(transfer)
      const done = doneRowOf(transfer)
      if (rows[transfer.slot] === transfer) rows[transfer.slot] = done
      byId.set(transfer.id, done)
    },
    /** A page-held file the queue will not ask for again (skipped, cancelled). */
    release,
    /** Drops the rows that match; the rest keep their order. */
    remove(drop: (row: QueueRow) => boolean) {
      const kept: QueueRow[] = []
      for (const row of rows) {
        if (drop(row)) {
          release(row)
          byId.delete(row.id)
          continue
        }
        if (!isDoneRow(row)) row.slot = kept.length
        kept.push(row)
      }
      rows = kept
    },
    /** The released ids since the last call. */
    takeReleased(): string[] {
      const taken = released
      released = []
      return taken
    },
  }
}

export type QueueRows = ReturnType<typeof createQueueRows>
