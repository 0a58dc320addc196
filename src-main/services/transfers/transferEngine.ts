import { createReadStream } from 'node:fs'
import { randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import { Upload } from '@aws-sdk/lib-storage'
import type { S3Client } from '@aws-sdk/client-s3'
import type { ConflictChoice, TransfersSnapshot } from '../../contract/bridge'
import { AppError } from '../../router/appError'
import { toAppError } from '../aws/awsErrors'
import { contentTypeFor } from './contentTypeFor'
import { findExisting, freeKeepBothKey, type ExistingObject } from './conflictCheck'
import { partSizeFor } from './partSize'
import { snapshotOf, type Batch, type Transfer } from './transferState'
import { sampleRate, startRate } from './transferRate'

/** Where an upload's bytes come from: a file on disk, or the page (browser mode). */
export type UploadSource = { kind: 'path'; path: string } | { kind: 'page' }

export interface EngineDeps {
  /** An S3 client for the profile, in the bucket's region. */
  s3For(profileId: string, bucket: string): Promise<S3Client>
  onChange(snapshot: TransfersSnapshot): void
  /** Browser mode: ask the page for a file's bytes. */
  requestBytes(transferId: string): void
  maxConcurrentFiles: number
  partsPerFile?: number
  /** How long to wait for the page to start sending a file. */
  pageTimeoutMs?: number
  now?(): number
}

export interface NewUpload {
  relativePath: string
  size: number
  source: UploadSource
}

/**
 * The transfer queue
 *
 * Files run a few at a time, and each multipart upload runs a few parts at a time, so
 * many small files and one huge file both keep the line busy. Before each upload the
 * key is checked: an existing object is never overwritten silently; the user chooses
 * overwrite, skip or keep both, optionally for the rest of the batch. Cancelling or a
 * failure aborts the multipart upload, so no parts are left behind to be billed.
 */
export function createTransferEngine(deps: EngineDeps) {
  const now = deps.now ?? Date.now
  const transfers: Transfer[] = []
  const batches = new Map<string, Batch>()
  const pageStreams = new Map<string, (stream: Readable) => void>()
  let finished: TransfersSnapshot['finishedBatches'] = []
  let emitTimer: NodeJS.Timeout | null = null

  const snapshot = () => snapshotOf(transfers, finished)
  const emitNow = () => {
    if (emitTimer) clearTimeout(emitTimer)
    emitTimer = null
    deps.onChange(snapshot())
    finished = []
  }
  // Progress is frequent; status changes are not. Progress is batched to ~5 a second.
  const emitSoon = () => {
    emitTimer ??= setTimeout(emitNow, 200)
  }

  function enqueue(profileId: string, bucket: string, prefix: string, files: NewUpload[], cacheControl: string | null) {
    const batch: Batch = { id: randomUUID(), profileId, bucket, prefix, cacheControl, choice: null, reported: false }
    batches.set(batch.id, batch)
    const created = files.map((file): Transfer => ({
      id: randomUUID(),
      batchId: batch.id,
      bucket,
      key: `${prefix}${file.relativePath}`,
      name: file.relativePath,
      size: file.size,
      transferred: 0,
      status: 'queued',
      rate: startRate(now()),
      error: null,
      source: file.source,
      existing: null,
      upload: null,
      cancelled: false,
    }))
    transfers.push(...created)
    emitNow()
    pump()
    return { batchId: batch.id, transferIds: created.map((t) => t.id) }
  }

  const running = () => transfers.filter((t) => t.status === 'running' || t.status === 'checking').length

  function pump() {
    while (running() < deps.maxConcurrentFiles) {
      const next = transfers.find((t) => t.status === 'queued')
      if (!next) break
      next.status = 'checking'
      void run(next).finally(() => {
        reportFinishedBatches()
        emitNow()
        pump()
      })
    }
  }

  async function run(transfer: Transfer) {
    const batch = batches.get(transfer.batchId)!
    try {
      const s3 = await deps.s3For(batch.profileId, batch.bucket)
      if (transfer.existing === null) transfer.existing = await findExisting(s3, batch.bucket, transfer.key)
      if (transfer.existing !== false) {
        const choice = batch.choice ?? transfer.choice
        if (!choice) {
          transfer.status = 'waiting-conflict'
          return
        }
        if (choice === 'skip') {
          transfer.status = 'skipped'
          return
        }
        if (choice === 'keep-both') transfer.key = await freeKeepBothKey(s3, batch.bucket, transfer.key)
      }
      if (transfer.cancelled) {
        transfer.status = 'cancelled'
        return
      }
      transfer.status = 'running'
      emitNow()
      await upload(transfer, batch, s3)
      transfer.status = transfer.cancelled ? 'cancelled' : 'done'
    } catch (error) {
      if (transfer.cancelled) {
        transfer.status = 'cancelled'
        return
      }
      transfer.status = 'failed'
      transfer.error = toAppError(error, { action: `upload ${transfer.name}`, endpoint: null }).toBridge()
    } finally {
      transfer.upload = null
      pageStreams.delete(transfer.id)
    }
  }

  async function upload(transfer: Transfer, batch: Batch, s3: S3Client) {
    const body = transfer.source.kind === 'path' ? createReadStream(transfer.source.path) : await bytesFromPage(transfer)
    const task = new Upload({
      client: s3,
      params: {
        Bucket: batch.bucket,
        Key: transfer.key,
        Body: body,
        ContentLength: transfer.size,
        ContentType: contentTypeFor(transfer.key),
        ...(batch.cacheControl ? { CacheControl: batch.cacheControl } : {}),
      },
      partSize: partSizeFor(transfer.size),
      queueSize: deps.partsPerFile ?? 4,
      leavePartsOnError: false,
    })
    transfer.upload = task
    task.on('httpUploadProgress', (progress) => {
      transfer.transferred = progress.loaded ?? transfer.transferred
      transfer.rate = sampleRate(transfer.rate, transfer.transferred, now())
      emitSoon()
    })
    if (transfer.cancelled) await task.abort()
    await task.done()
    transfer.transferred = transfer.size
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
      deps.requestBytes(transfer.id)
    })
  }

  function reportFinishedBatches() {
    for (const batch of batches.values()) {
      const own = transfers.filter((t) => t.batchId === batch.id)
      if (batch.reported || own.some((t) => !isTerminal(t.status))) continue
      batch.reported = true
      finished.push({ batchId: batch.id, bucket: batch.bucket, prefix: batch.prefix, keys: own.filter((t) => t.status === 'done').map((t) => t.key) })
    }
  }

  return {
    enqueue,
    snapshot,

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
        if (!transfer || isTerminal(transfer.status) || transfer.status === 'waiting-conflict') return transfer
        await new Promise((r) => setTimeout(r, 50))
      }
    },

    resolveConflict(batchId: string, choice: ConflictChoice, applyToAll: boolean) {
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
      for (const transfer of targets) {
        transfer.cancelled = true
        if (transfer.status !== 'running' && transfer.status !== 'checking') transfer.status = 'cancelled'
      }
      await Promise.all(targets.map((t) => t.upload?.abort().catch(() => undefined)))
      reportFinishedBatches()
      emitNow()
      return snapshot()
    },

    retryFailed() {
      for (const transfer of transfers.filter((t) => t.status === 'failed')) {
        Object.assign(transfer, { status: 'queued', error: null, transferred: 0, rate: startRate(now()), cancelled: false })
        batches.get(transfer.batchId)!.reported = false
      }
      pump()
      emitNow()
      return snapshot()
    },

    clearFinished() {
      for (let i = transfers.length - 1; i >= 0; i--) if (isTerminal(transfers[i]!.status)) transfers.splice(i, 1)
      for (const [id] of batches) if (!transfers.some((t) => t.batchId === id)) batches.delete(id)
      emitNow()
      return snapshot()
    },
  }
}

export type TransferEngine = ReturnType<typeof createTransferEngine>
export type { ExistingObject }

const isTerminal = (status: Transfer['status']) => status === 'done' || status === 'failed' || status === 'cancelled' || status === 'skipped'
