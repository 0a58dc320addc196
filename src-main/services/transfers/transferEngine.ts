import { randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import type { S3Client } from '@aws-sdk/client-s3'
import type { BridgeError, TransferStatus, TransfersSnapshot } from '../../contract/bridge'
import { uploadKeyProblem, wellFormed } from './uploadKeyRule'
import { createSlots } from '../../core/async/requestSlots'
import { createSnapshotEmitter } from './snapshotEmitter'
import { listingCheckFrom } from './transferConflicts'
import { createTransferControls } from './transferControls'
import { createMemoryJournal, type JournalEntry, type TransferJournal } from './transferJournal'
import { createQueueRows } from './transferQueue'
import { startRate } from './transferRate'
import { createRunner } from './transferRunner'
import { createSender } from './transferSender'
import type { RowWindow } from './transferSnapshot'
import { isDoneRow, type Batch, type Transfer } from './transferState'
import { createPageStreams, type UploadSource } from './uploadSources'

export interface EngineDeps {
  /** An S3 client for the profile, in the bucket's region. */
  s3For(profileId: string, bucket: string): Promise<S3Client>
  onChange(snapshot: TransfersSnapshot): void
  /** Browser mode: ask the page for a file's bytes. */
  requestBytes(transferId: string): void
  /** Files uploading at once. */
  maxConcurrentFiles: number
  /** Requests in flight across the queue (parts and small files share them). */
  maxRequests?: number
  /** Parts of one large file in flight at once. */
  partsPerFile?: number
  /** Bytes of file content held in memory at once, across the queue. */
  memoryBudget?: number
  /** Multipart uploads in progress, kept on disk so a restart can resume them. */
  journal?: TransferJournal
  /** How long to wait for the page to start sending a file. */
  pageTimeoutMs?: number
  now?(): number
}

export interface NewUpload {
  relativePath: string
  size: number
  source: UploadSource
  /** Overrides the batch's Cache-Control for this file (sync's rules by pattern). */
  cacheControl?: string | null
}

export interface EnqueueOptions {
  /**
   * The caller has already compared both sides (sync's preview) and decided to replace
   * what is there: no existence check and no question.
   */
  replaceExisting?: boolean
}

/**
 * The transfer queue
 *
 * Many files run at once and each large file sends several parts at once, all sharing
 * one pool of requests and one memory budget, so a folder of 5,000 photos and a 2 GB
 * video both keep the line full. Before each upload the key is checked: an existing
 * object is never overwritten silently; the user chooses overwrite, skip or keep both,
 * optionally for the rest of the batch. Each request retries on its own (core/async/retrying);
 * when the network is gone the file says so and waits. A multipart upload is journaled
 * from its first byte until it completes or is aborted, so a kill can be resumed and a
 * cancel or failure leaves no parts behind.
 */
export function createTransferEngine(deps: EngineDeps) {
  const now = deps.now ?? Date.now
  const journal = deps.journal ?? createMemoryJournal()
  const requests = createSlots(deps.maxRequests ?? 16)
  const memory = createSlots(deps.memoryBudget ?? 96 * 1024 * 1024)
  const queue = createQueueRows()
  const batches = new Map<string, Batch>()
  const pages = createPageStreams({ requestBytes: deps.requestBytes, timeoutMs: deps.pageTimeoutMs ?? 60_000 })
  const emitter = createSnapshotEmitter({ queue, batches }, deps.onChange)
  const { snapshot, now: emitNow, soon: emitSoon } = emitter
  const sender = createSender({ requests, memory, journal, pages, partsPerFile: deps.partsPerFile ?? 8, now, emitSoon, emitNow })
  const runner = createRunner({ queue, batches, s3For: deps.s3For, maxConcurrentFiles: deps.maxConcurrentFiles, requests, pages, sender, emitSoon, emitNow })
  const controls = createTransferControls({
    queue,
    batches,
    giveUp: sender.giveUp,
    clientFor: runner.clientFor,
    now,
    emitNow,
    restart() {
      runner.rescan()
      runner.pump()
      emitNow()
    },
  })

  const newTransfer = (batch: Batch, fields: Pick<Transfer, 'key' | 'name' | 'size' | 'source'> & Partial<Transfer>): Transfer => ({
    id: randomUUID(),
    batchId: batch.id,
    bucket: batch.bucket,
    transferred: 0,
    status: 'queued',
    rate: startRate(now()),
    error: null,
    existing: null,
    abort: null,
    uploadId: null,
    resumeUploadId: null,
    multipartSince: null,
    cancelled: false,
    slot: -1,
    ...fields,
  })

  function newBatch(profileId: string, bucket: string, prefix: string, cacheControl: string | null): Batch {
    const batch: Batch = { id: randomUUID(), profileId, bucket, prefix, cacheControl, choice: null, reported: false, existingIndex: null, s3: null }
    batches.set(batch.id, batch)
    return batch
  }

  function enqueue(profileId: string, bucket: string, prefix: string, files: NewUpload[], cacheControl: string | null, options: EnqueueOptions = {}) {
    const batch = newBatch(profileId, bucket, prefix, cacheControl)
    if (options.replaceExisting) batch.choice = 'overwrite'
    else if (files.length >= listingCheckFrom) batch.existingIndex = 'wanted'
    const created = files.map((file) => {
      const key = `${prefix}${file.relativePath}`
      // A key S3 would refuse is refused here, per file, and never sent.
      const problem = uploadKeyProblem(key, file.relativePath)
      if (problem) return newTransfer(batch, { key: wellFormed(key), name: wellFormed(file.relativePath), size: file.size, source: file.source, status: 'failed', error: problem.toBridge(), refused: true })
      return newTransfer(batch, {
        key,
        name: file.relativePath,
        size: file.size,
        source: file.source,
        ...(file.cacheControl !== undefined ? { cacheControl: file.cacheControl } : {}),
        ...(options.replaceExisting ? { existing: false as const } : {}),
      })
    })
    queue.add(created)
    emitNow()
    runner.pump()
    return { batchId: batch.id, transferIds: created.map((t) => t.id) }
  }

  /** Interrupted uploads from the journal, shown for the user to resume or discard. */
  function restore(entries: JournalEntry[]) {
    for (const entry of entries) {
      if (queue.get(entry.id)) continue
      const batch = newBatch(entry.profileId, entry.bucket, '', entry.cacheControl)
      const transfer = newTransfer(batch, { key: entry.key, name: entry.name, size: entry.size, source: entry.source, status: 'interrupted', resumeUploadId: entry.uploadId, multipartSince: entry.uploadId ? null : Date.parse(entry.startedAt) })
      transfer.id = entry.id
      queue.add([transfer])
    }
    emitNow()
  }

  /** Each action answers with the snapshot the user's action led to. */
  const answering =
    <A extends unknown[]>(act: (...args: A) => void) =>
    (...args: A): TransfersSnapshot => {
      act(...args)
      return snapshot()
    }

  return {
    enqueue,
    snapshot,

    /** Reads the journal: call once at start. */
    async restoreInterrupted() {
      restore(await journal.load())
    },

    /** Browser mode: the page's PUT body for a transfer. Resolves when the upload ends. */
    provideBytes(transferId: string, stream: Readable): boolean {
      return pages.provide(transferId, stream)
    },

    /** Waits for a transfer to leave the running states (used by the browser-mode PUT handler). */
    settled: emitter.settled,

    /** One file's state, by id (a sync run follows its own files this way); undefined once cleared. */
    stateOf(transferId: string): { status: TransferStatus; size: number; transferred: number; error: BridgeError | null } | undefined {
      const row = queue.get(transferId)
      if (!row) return undefined
      return isDoneRow(row) ? { status: 'done', size: row.size, transferred: row.size, error: null } : { status: row.status, size: row.size, transferred: row.transferred, error: row.error }
    },

    /** Cubeta's own interrupted uploads in a bucket, for the incomplete-uploads list. */
    interruptedIn(bucket: string): { id: string; key: string }[] {
      return queue.full().filter((t) => t.bucket === bucket && t.status === 'interrupted').map((t) => ({ id: t.id, key: t.key }))
    },

    /** The rows the panel shows: this snapshot and every later one carry them. */
    showRows(window: RowWindow): TransfersSnapshot {
      queue.setWindow(window)
      return snapshot()
    },

    resolveConflict: answering(controls.resolveConflict),
    async cancel(ids: string[] | null) {
      await controls.cancel(ids)
      return snapshot()
    },
    resume: answering(controls.resume),
    retryFailed: answering(controls.retryFailed),
    clearFinished: answering(controls.clearFinished),
  }
}

export type TransferEngine = ReturnType<typeof createTransferEngine>
