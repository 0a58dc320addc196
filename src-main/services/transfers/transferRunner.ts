import type { S3Client } from '@aws-sdk/client-s3'
import type { Slots } from '../../core/async/requestSlots'
import { toAppError } from '../aws/awsErrors'
import { settleConflict } from './transferConflicts'
import type { QueueRows } from './transferQueue'
import type { createSender } from './transferSender'
import type { Batch, Transfer } from './transferState'
import type { createPageStreams } from './uploadSources'

export interface RunnerDeps {
  queue: QueueRows
  batches: Map<string, Batch>
  s3For(profileId: string, bucket: string): Promise<S3Client>
  maxConcurrentFiles: number
  requests: Slots
  pages: ReturnType<typeof createPageStreams>
  sender: ReturnType<typeof createSender>
  emitSoon(): void
  emitNow(): void
}

/**
 * Running the queue: up to `maxConcurrentFiles` files at once, each checked for a
 * conflict, then sent. A Cancel while a file still waits for the batch's S3 client or its
 * conflict check takes effect at once (transferControls); the wait then ends unheard.
 */
export function createRunner(deps: RunnerDeps) {
  const { queue, batches, pages, emitSoon, emitNow } = deps
  const { upload, giveUp, forget } = deps.sender

  // Files being worked on, and where the first queued file may be: with thousands of
  // files, scanning the whole queue each time one finishes would cost more than the file.
  let active = 0
  let scanFrom = 0

  function pump() {
    let free = deps.maxConcurrentFiles - active
    const rows = queue.rows
    for (; scanFrom < rows.length && free > 0; scanFrom++) {
      const next = rows[scanFrom]!
      if (next.status !== 'queued' || !('source' in next)) continue
      free--
      next.status = 'checking'
      active++
      void run(next).finally(() => {
        active--
        pump()
        // The queue just stopped (finished, or a cancel took effect): show it at once.
        if (active === 0) emitNow()
        else emitSoon()
      })
    }
  }

  async function run(transfer: Transfer) {
    const batch = batches.get(transfer.batchId)!
    const abort = new AbortController()
    transfer.abort = abort
    let s3: S3Client | null = null
    try {
      s3 = await clientFor(batch)
      // Resuming: the user chose this key when the upload began.
      const resuming = transfer.resumeUploadId !== null || transfer.multipartSince !== null
      const proceed = resuming ? true : await settleConflict(transfer, batch, s3, deps.requests)
      // Cancelled while it waited (see transferControls' cancel): it already says so, and nothing was sent.
      if (transfer.cancelled) throw abort.signal.reason
      if (!proceed) {
        if (transfer.status === 'skipped') queue.release(transfer)
        return
      }
      transfer.status = 'running'
      emitSoon()
      await upload(transfer, batch, s3)
      // Done only once the journal no longer offers it: a kill just after must not show it again.
      await forget(transfer)
      transfer.status = 'done'
      transfer.transferred = transfer.size
      queue.finish(transfer)
    } catch (error) {
      if (s3) await giveUp(transfer, s3).catch(() => undefined)
      if (transfer.cancelled) {
        if (transfer.status !== 'cancelled') queue.release(transfer)
        transfer.status = 'cancelled'
        return
      }
      transfer.status = 'failed'
      transfer.transferred = 0
      transfer.error = toAppError(error, { action: `upload ${transfer.name}`, endpoint: null, permission: 's3:PutObject' }).toBridge()
    } finally {
      transfer.abort = null
      pages.forget(transfer.id)
    }
  }

  /**
   * One client per batch: building one per file re-reads the profile, re-runs the SDK's
   * configuration chain and opens a new connection each time, which is most of the cost
   * of a small file. It lives as long as the batch's work.
   */
  function clientFor(batch: Batch): Promise<S3Client> {
    batch.s3 ??= deps.s3For(batch.profileId, batch.bucket).catch((error: unknown) => {
      batch.s3 = null
      throw error
    })
    return batch.s3
  }

  return {
    pump,
    clientFor,
    /** Files went back to queued (an answer, a retry, a resume) or rows moved (cleared): look from the top again. */
    rescan() {
      scanFrom = 0
    },
  }
}
