import type { S3Client } from '@aws-sdk/client-s3'
import type { ConflictChoice } from '../../contract/bridge'
import { AppError } from '../../core/appError'
import { toAppError } from '../aws/awsErrors'
import type { QueueRows } from './transferQueue'
import type { createSender } from './transferSender'
import { startRate } from './transferRate'
import { isTerminal, type Batch, type Transfer } from './transferState'

export interface ControlDeps {
  queue: QueueRows
  batches: Map<string, Batch>
  giveUp: ReturnType<typeof createSender>['giveUp']
  clientFor(batch: Batch): Promise<S3Client>
  /** After files went back to queued: start what can start, and show it. */
  restart(): void
  emitNow(): void
  now(): number
}

/**
 * What the user does to files already in the queue: answer a conflict, cancel, resume,
 * retry the failed ones, clear the finished ones
 */
export function createTransferControls(deps: ControlDeps) {
  const { queue, batches } = deps

  /** Discarding an interrupted upload aborts it on the server, then forgets it. */
  async function discardInterrupted(list: Transfer[]) {
    await Promise.all(
      list.map(async (transfer) => {
        const batch = batches.get(transfer.batchId)!
        try {
          const s3 = await deps.clientFor(batch)
          await deps.giveUp(transfer, s3)
          transfer.status = 'cancelled'
          queue.release(transfer)
        } catch (error) {
          transfer.status = 'interrupted'
          transfer.cancelled = false
          transfer.error = toAppError(error, { action: `discard ${transfer.name}`, endpoint: null }).toBridge()
        }
      }),
    )
  }

  /** The transfers these ids name (all of them for null), looked up one by one. */
  function named(ids: string[] | null): Transfer[] {
    if (ids === null) return queue.full()
    const found: Transfer[] = []
    for (const id of new Set(ids)) {
      const row = queue.get(id)
      if (row && 'source' in row) found.push(row)
    }
    return found
  }

  return {
    /**
     * The answer to the question the user saw: it names its file, since by the time it
     * arrives other files of the batch may be waiting too. With "apply to all" it also
     * answers every other file of the batch, now and later.
     */
    resolveConflict(batchId: string, transferId: string, choice: ConflictChoice, applyToAll: boolean) {
      const batch = batches.get(batchId)
      if (!batch) throw new AppError('batch-gone', 'That upload batch has ended.', 'Start the upload again.')
      if (applyToAll) batch.choice = choice
      const answered = (t: Transfer) => t.batchId === batchId && t.status === 'waiting-conflict' && (applyToAll || t.id === transferId)
      for (const transfer of applyToAll ? queue.full() : named([transferId])) {
        if (!answered(transfer)) continue
        transfer.choice = choice
        transfer.status = 'queued'
      }
      deps.restart()
    },

    /**
     * Every named file that is not finished stops: a queued or waiting one at once, a
     * running one as soon as its requests end.
     */
    async cancel(ids: string[] | null) {
      const targets = named(ids).filter((t) => !isTerminal(t.status))
      const interrupted = targets.filter((t) => t.status === 'interrupted')
      for (const transfer of targets) {
        transfer.cancelled = true
        if (transfer.abort) {
          transfer.abort.abort(new AppError('cancelled', 'Cancelled.', ''))
          // Still waiting for the batch's client or its conflict check, which other files
          // share: nothing of its own is in flight, so it is cancelled now, not when they answer.
          if (transfer.status === 'checking') {
            transfer.status = 'cancelled'
            queue.release(transfer)
          }
        } else {
          // An interrupted one is released once its discard has worked.
          if (transfer.status !== 'interrupted') queue.release(transfer)
          transfer.status = 'cancelled'
        }
      }
      await discardInterrupted(interrupted)
      deps.emitNow()
    },

    /** Continue interrupted uploads from the parts the server already has. */
    resume(ids: string[]) {
      for (const transfer of named(ids)) if (transfer.status === 'interrupted') transfer.status = 'queued'
      deps.restart()
    },

    retryFailed() {
      // A refused key stays refused: retrying can't make it shorter.
      for (const transfer of queue.full()) {
        if (transfer.status !== 'failed' || transfer.refused) continue
        Object.assign(transfer, { status: 'queued', error: null, transferred: 0, rate: startRate(deps.now()), cancelled: false })
        batches.get(transfer.batchId)!.reported = false
      }
      deps.restart()
    },

    clearFinished() {
      queue.remove((row) => isTerminal(row.status))
      const left = new Set(queue.rows.map((row) => row.batchId))
      for (const [id] of batches) if (!left.has(id)) batches.delete(id)
      deps.restart()
    },
  }
}
