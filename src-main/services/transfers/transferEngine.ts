import { readFile, stat } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import type { S3Client } from '@aws-sdk/client-s3'
import type { ConflictChoice, TransfersSnapshot } from '../../contract/bridge'
import { AppError } from '../../router/appError'
import { toAppError } from '../aws/awsErrors'
import { contentTypeFor } from './contentTypeFor'
import { existingUnderPrefix, findExisting, freeKeepBothKey, type ExistingObject } from './conflictCheck'
import { abandonMultipart, uploadObject } from './objectUpload'
import { partSizeFor } from './partSize'
import { createSlots } from './requestSlots'
import type { RetryContext } from './retryingRequest'
import { createMemoryJournal, type JournalEntry, type TransferJournal } from './transferJournal'
import { isTerminal, snapshotOf, type Batch, type Transfer } from './transferState'
import { sampleRate, startRate } from './transferRate'

/** Where an upload's bytes come from: a file on disk, or the page (browser mode). */
export type UploadSource = { kind: 'path'; path: string; modifiedMs?: number } | { kind: 'page' }

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
}

/** A dropped folder this big is checked for conflicts with one listing, not a HEAD per file. */
const listingCheckFrom = 8
const listingCheckLimit = 20_000
/** How long a cancel may spend aborting a multipart upload on the server. */
const abortGraceMs = 15_000

/**
 * The transfer queue
 *
 * Many files run at once and each large file sends several parts at once, all sharing
 * one pool of requests and one memory budget, so a folder of 5,000 photos and a 2 GB
 * video both keep the line full. Before each upload the key is checked: an existing
 * object is never overwritten silently; the user chooses overwrite, skip or keep both,
 * optionally for the rest of the batch. Each request retries on its own (retrying.ts);
 * when the network is gone the file says so and waits. A multipart upload is journaled
 * from its first byte until it completes or is aborted, so a kill can be resumed and a
 * cancel or failure leaves no parts behind.
 */
export function createTransferEngine(deps: EngineDeps) {
  const now = deps.now ?? Date.now
  const journal = deps.journal ?? createMemoryJournal()
  const requests = createSlots(deps.maxRequests ?? 16)
  const memory = createSlots(deps.memoryBudget ?? 96 * 1024 * 1024)
  const transfers: Transfer[] = []
  const batches = new Map<string, Batch>()
  const pageStreams = new Map<string, (stream: Readable) => void>()
  let finished: TransfersSnapshot['finishedBatches'] = []
  let emitTimer: NodeJS.Timeout | null = null

  const snapshot = () => snapshotOf(transfers, finished)
  const emitNow = () => {
    if (emitTimer) clearTimeout(emitTimer)
    emitTimer = null
    reportFinishedBatches()
    deps.onChange(snapshot())
    finished = []
  }
  // Progress and finished files are frequent: they are batched to ~5 snapshots a second.
  const emitSoon = () => {
    emitTimer ??= setTimeout(emitNow, 200)
  }

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
    cancelled: false,
    ...fields,
  })

  function newBatch(profileId: string, bucket: string, prefix: string, cacheControl: string | null): Batch {
    const batch: Batch = { id: randomUUID(), profileId, bucket, prefix, cacheControl, choice: null, reported: false, existingIndex: null, s3: null }
    batches.set(batch.id, batch)
    return batch
  }

  function enqueue(profileId: string, bucket: string, prefix: string, files: NewUpload[], cacheControl: string | null) {
    const batch = newBatch(profileId, bucket, prefix, cacheControl)
    if (files.length >= listingCheckFrom) batch.existingIndex = 'wanted'
    const created = files.map((file) => newTransfer(batch, { key: `${prefix}${file.relativePath}`, name: file.relativePath, size: file.size, source: file.source }))
    transfers.push(...created)
    emitNow()
    pump()
    return { batchId: batch.id, transferIds: created.map((t) => t.id) }
  }

  // Files being worked on, and where the first queued file may be: with thousands of
  // files, scanning the whole queue each time one finishes would cost more than the file.
  let active = 0
  let scanFrom = 0
  const requeued = () => {
    scanFrom = 0
  }

  function pump() {
    let free = deps.maxConcurrentFiles - active
    for (; scanFrom < transfers.length && free > 0; scanFrom++) {
      const next = transfers[scanFrom]!
      if (next.status !== 'queued') continue
      free--
      next.status = 'checking'
      active++
      void run(next).finally(() => {
        active--
        // 5,000 small files finish in seconds: a snapshot per file would cost more than
        // the uploads. The panel gets at most ~5 a second, like progress.
        emitSoon()
        pump()
      })
    }
  }

  async function run(transfer: Transfer) {
    const batch = batches.get(transfer.batchId)!
    transfer.abort = new AbortController()
    let s3: S3Client | null = null
    try {
      s3 = await clientFor(batch)
      const proceed = transfer.resumeUploadId ? true : await settleConflict(transfer, batch, s3)
      if (!proceed) return
      if (transfer.cancelled) throw transfer.abort.signal.reason
      transfer.status = 'running'
      emitSoon()
      await upload(transfer, batch, s3)
      transfer.status = 'done'
      transfer.transferred = transfer.size
      await forget(transfer)
    } catch (error) {
      if (s3) await giveUp(transfer, s3).catch(() => undefined)
      if (transfer.cancelled) {
        transfer.status = 'cancelled'
        return
      }
      transfer.status = 'failed'
      transfer.transferred = 0
      transfer.error = toAppError(error, { action: `upload ${transfer.name}`, endpoint: null }).toBridge()
    } finally {
      transfer.abort = null
      pageStreams.delete(transfer.id)
    }
  }

  /** False when the file waits for the user's answer or is skipped. */
  async function settleConflict(transfer: Transfer, batch: Batch, s3: S3Client): Promise<boolean> {
    if (transfer.existing === null) transfer.existing = await existingAt(batch, s3, transfer.key)
    if (transfer.existing === false) return true
    const choice = batch.choice ?? transfer.choice
    if (!choice) {
      transfer.status = 'waiting-conflict'
      return false
    }
    if (choice === 'skip') {
      transfer.status = 'skipped'
      return false
    }
    if (choice === 'keep-both') transfer.key = await freeKeepBothKey(s3, batch.bucket, transfer.key)
    return true
  }

  async function existingAt(batch: Batch, s3: S3Client, key: string): Promise<ExistingObject> {
    if (batch.existingIndex === 'wanted') batch.existingIndex = requests.run(() => existingUnderPrefix(s3, batch.bucket, batch.prefix, listingCheckLimit))
    const index = batch.existingIndex ? await batch.existingIndex : null
    if (index) return index.get(key) ?? false
    return requests.run(() => findExisting(s3, batch.bucket, key))
  }

  async function upload(transfer: Transfer, batch: Batch, s3: S3Client) {
    const partSize = partSizeFor(transfer.size)
    const contentType = contentTypeFor(transfer.key)
    const whole = transfer.size <= partSize && !transfer.resumeUploadId
    // Only a multipart upload is journaled, and only it needs the file's date to resume.
    const modifiedMs = transfer.source.kind === 'path' && !whole ? await unchangedSince(transfer) : 0
    const path = transfer.source.kind === 'path' ? transfer.source.path : null
    const body = path === null ? await bytesFromPage(transfer) : whole ? () => readFile(path) : { path }
    transfer.transferred = 0
    await uploadObject({
      s3,
      bucket: batch.bucket,
      key: transfer.key,
      size: transfer.size,
      body,
      partSize,
      parallelParts: deps.partsPerFile ?? 8,
      headers: { ContentType: contentType, ...(batch.cacheControl ? { CacheControl: batch.cacheControl } : {}) },
      requests,
      memory,
      retry: retryContextFor(transfer),
      ...(transfer.resumeUploadId ? { resumeUploadId: transfer.resumeUploadId } : {}),
      onMultipartStarted: async (uploadId) => {
        transfer.uploadId = uploadId
        await journal.put({
          id: transfer.id,
          profileId: batch.profileId,
          bucket: batch.bucket,
          key: transfer.key,
          name: transfer.name,
          size: transfer.size,
          partSize,
          uploadId,
          contentType,
          cacheControl: batch.cacheControl,
          source: transfer.source.kind === 'path' ? { kind: 'path', path: transfer.source.path, modifiedMs } : { kind: 'page' },
          startedAt: new Date(now()).toISOString(),
        })
      },
      onBytesDone: (bytes) => {
        transfer.transferred += bytes
        transfer.rate = sampleRate(transfer.rate, transfer.transferred, now())
        emitSoon()
      },
    })
    if (transfer.resumeUploadId && !transfer.uploadId) transfer.uploadId = transfer.resumeUploadId
  }

  function retryContextFor(transfer: Transfer): RetryContext {
    return {
      signal: transfer.abort!.signal,
      onNetworkWait(waiting) {
        if (transfer.status === 'running' || transfer.status === 'waiting-network') transfer.status = waiting ? 'waiting-network' : 'running'
        emitNow()
      },
    }
  }

  /** A resumed upload must read the very file it started with. */
  async function unchangedSince(transfer: Transfer): Promise<number> {
    const source = transfer.source as Extract<UploadSource, { kind: 'path' }>
    const info = await stat(source.path).catch(() => null)
    if (!info) throw new AppError('source-missing', `${transfer.name} is no longer on disk.`, 'Discard this upload, or put the file back and resume.', { name: transfer.name })
    if (info.size !== transfer.size || (source.modifiedMs !== undefined && Math.abs(info.mtimeMs - source.modifiedMs) > 1)) {
      throw new AppError('source-changed', `${transfer.name} changed since its upload began.`, 'Upload it again; the partial upload has been removed.', { name: transfer.name })
    }
    return info.mtimeMs
  }

  /**
   * After a cancel or failure: no parts are left on the server, and nothing to resume.
   * If the server can't be reached to abort, the journal entry stays, so the next start
   * shows the upload again and Discard can finish the job.
   */
  async function giveUp(transfer: Transfer, s3: S3Client) {
    const uploadId = transfer.uploadId ?? transfer.resumeUploadId
    if (uploadId) await abandonMultipart(s3, transfer.bucket, transfer.key, uploadId, { signal: AbortSignal.timeout(abortGraceMs), onNetworkWait: () => undefined })
    await forget(transfer)
  }

  async function forget(transfer: Transfer) {
    transfer.uploadId = null
    transfer.resumeUploadId = null
    await journal.remove(transfer.id).catch(() => undefined)
  }

  function bytesFromPage(transfer: Transfer): Promise<Readable> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pageStreams.delete(transfer.id)
        reject(new AppError('page-gone', `The page stopped sending ${transfer.name}.`, 'Keep the Cubeta page open while files upload, then retry the failed ones.', { name: transfer.name }))
      }, deps.pageTimeoutMs ?? 60_000)
      pageStreams.set(transfer.id, (stream) => {
        clearTimeout(timer)
        resolve(stream)
      })
      transfer.abort?.signal.addEventListener('abort', () => {
        clearTimeout(timer)
        pageStreams.delete(transfer.id)
        reject(transfer.abort?.signal.reason)
      })
      deps.requestBytes(transfer.id)
    })
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

  function reportFinished(batchId: string) {
    const batch = batches.get(batchId)
    if (!batch || batch.reported) return
    const own = transfers.filter((t) => t.batchId === batch.id)
    if (own.some((t) => !isTerminal(t.status))) return
    batch.reported = true
    batch.s3 = null
    finished.push({ batchId: batch.id, bucket: batch.bucket, prefix: batch.prefix, keys: own.filter((t) => t.status === 'done').map((t) => t.key) })
  }

  function reportFinishedBatches() {
    for (const batch of batches.values()) reportFinished(batch.id)
  }

  /** Interrupted uploads from the journal, shown for the user to resume or discard. */
  function restore(entries: JournalEntry[]) {
    for (const entry of entries) {
      if (transfers.some((t) => t.id === entry.id)) continue
      const batch = newBatch(entry.profileId, entry.bucket, '', entry.cacheControl)
      const transfer = newTransfer(batch, { key: entry.key, name: entry.name, size: entry.size, source: entry.source, status: 'interrupted', resumeUploadId: entry.uploadId })
      transfer.id = entry.id
      transfers.push(transfer)
    }
    emitNow()
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
      const take = pageStreams.get(transferId)
      if (!take) return false
      take(stream)
      return true
    },

    /** Waits for a transfer to leave the running states (used by the browser-mode PUT handler). */
    async settled(transferId: string): Promise<Transfer | undefined> {
      for (;;) {
        const transfer = transfers.find((t) => t.id === transferId)
        if (!transfer || isTerminal(transfer.status) || transfer.status === 'waiting-conflict' || transfer.status === 'interrupted') return transfer
        await new Promise((r) => setTimeout(r, 50))
      }
    },

    resolveConflict(batchId: string, choice: ConflictChoice, applyToAll: boolean) {
      requeued()
      const batch = batches.get(batchId)
      if (!batch) throw new AppError('batch-gone', 'That upload batch has ended.', 'Start the upload again.')
      if (applyToAll) batch.choice = choice
      const waiting = transfers.filter((t) => t.batchId === batchId && t.status === 'waiting-conflict')
      for (const transfer of applyToAll ? waiting : waiting.slice(0, 1)) {
        transfer.choice = choice
        transfer.status = 'queued'
      }
      pump()
      emitNow()
      return snapshot()
    },

    async cancel(ids: string[] | null) {
      const targets = transfers.filter((t) => (ids === null || ids.includes(t.id)) && !isTerminal(t.status))
      const interrupted = targets.filter((t) => t.status === 'interrupted')
      for (const transfer of targets) {
        transfer.cancelled = true
        if (transfer.abort) transfer.abort.abort(new AppError('cancelled', 'Cancelled.', ''))
        else transfer.status = 'cancelled'
      }
      await discardInterrupted(interrupted)
      emitNow()
      return snapshot()
    },

    /** Continue interrupted uploads from the parts the server already has. */
    resume(ids: string[]) {
      requeued()
      for (const transfer of transfers.filter((t) => ids.includes(t.id) && t.status === 'interrupted')) transfer.status = 'queued'
      pump()
      emitNow()
      return snapshot()
    },

    retryFailed() {
      requeued()
      for (const transfer of transfers.filter((t) => t.status === 'failed')) {
        Object.assign(transfer, { status: 'queued', error: null, transferred: 0, rate: startRate(now()), cancelled: false })
        batches.get(transfer.batchId)!.reported = false
      }
      pump()
      emitNow()
      return snapshot()
    },

    clearFinished() {
      requeued()
      for (let i = transfers.length - 1; i >= 0; i--) if (isTerminal(transfers[i]!.status)) transfers.splice(i, 1)
      for (const [id] of batches) if (!transfers.some((t) => t.batchId === id)) batches.delete(id)
      emitNow()
      return snapshot()
    },
  }

  /** Discarding an interrupted upload aborts it on the server, then forgets it. */
  async function discardInterrupted(list: Transfer[]) {
    await Promise.all(
      list.map(async (transfer) => {
        const batch = batches.get(transfer.batchId)!
        try {
          const s3 = await clientFor(batch)
          await giveUp(transfer, s3)
          transfer.status = 'cancelled'
        } catch (error) {
          transfer.status = 'interrupted'
          transfer.cancelled = false
          transfer.error = toAppError(error, { action: `discard ${transfer.name}`, endpoint: null }).toBridge()
        }
      }),
    )
  }
}

export type TransferEngine = ReturnType<typeof createTransferEngine>
export type { ExistingObject }
