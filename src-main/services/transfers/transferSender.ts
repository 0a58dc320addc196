import type { S3Client } from '@aws-sdk/client-s3'
import type { Slots } from '../../core/async/requestSlots'
import type { RetryContext } from '../../core/async/retrying'
import { contentTypeFor } from '../../core/contentTypes'
import { abandonMultipart, readWholeFile, uploadObject } from './objectUpload'
import { partSizeFor } from './partSize'
import { findStartedUpload } from './multipartIntent'
import type { JournalEntry, TransferJournal } from './transferJournal'
import type { Batch, Transfer } from './transferState'
import { sampleRate } from './transferRate'
import { unchangedSince, type createPageStreams } from './uploadSources'

/** How long a cancel may spend aborting a multipart upload on the server. */
const abortGraceMs = 15_000

export interface SenderDeps {
  requests: Slots
  memory: Slots
  journal: TransferJournal
  pages: ReturnType<typeof createPageStreams>
  partsPerFile: number
  now(): number
  emitSoon(): void
  emitNow(): void
}

/**
 * Sending one file, and cleaning up after it
 *
 * A multipart upload is journaled from just before it is created until it completes or
 * is aborted, so a kill can be resumed and a cancel or failure leaves no parts behind.
 */
export function createSender(deps: SenderDeps) {
  const { requests, memory, journal, pages, now, emitSoon, emitNow } = deps

  async function upload(transfer: Transfer, batch: Batch, s3: S3Client) {
    const partSize = partSizeFor(transfer.size)
    const contentType = contentTypeFor(transfer.key)
    const cacheControl = transfer.cacheControl !== undefined ? transfer.cacheControl : batch.cacheControl
    // Killed before the journal kept the id: continue that very upload if S3 has it.
    const found = transfer.multipartSince !== null && !transfer.resumeUploadId ? await findStartedUpload(s3, batch.bucket, transfer.key, transfer.multipartSince, retryContextFor(transfer)) : null
    if (found) transfer.resumeUploadId = found
    const whole = transfer.size <= partSize && !transfer.resumeUploadId
    // Only a multipart upload is journaled, and only it needs the file's date to resume.
    const modifiedMs = transfer.source.kind === 'path' && !whole ? await unchangedSince(transfer) : 0
    const path = transfer.source.kind === 'path' ? transfer.source.path : null
    const entry = (uploadId: string | null): JournalEntry => ({
      id: transfer.id,
      profileId: batch.profileId,
      bucket: batch.bucket,
      key: transfer.key,
      name: transfer.name,
      size: transfer.size,
      partSize,
      uploadId,
      contentType,
      cacheControl,
      source: transfer.source.kind === 'path' ? { kind: 'path', path: transfer.source.path, modifiedMs } : { kind: 'page' },
      startedAt: new Date(transfer.multipartSince ?? now()).toISOString(),
    })
    if (found) await journal.put(entry(found))
    const body = path === null ? await pages.bytesFor(transfer) : whole ? () => readWholeFile(path, transfer.size) : { path }
    transfer.transferred = 0
    await uploadObject({
      s3,
      bucket: batch.bucket,
      key: transfer.key,
      size: transfer.size,
      body,
      partSize,
      parallelParts: deps.partsPerFile,
      headers: { ContentType: contentType, ...(cacheControl ? { CacheControl: cacheControl } : {}) },
      requests,
      memory,
      retry: retryContextFor(transfer),
      ...(transfer.resumeUploadId ? { resumeUploadId: transfer.resumeUploadId } : {}),
      onMultipartStarting: async () => {
        // The intent, kept before the request: if Cubeta dies before the answer is kept,
        // the next start still knows an upload may exist (see multipartIntent.ts).
        transfer.multipartSince = now()
        await journal.put(entry(null))
      },
      onMultipartStarted: async (uploadId) => {
        transfer.uploadId = uploadId
        await journal.put(entry(uploadId))
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

  /**
   * After a cancel or failure: no parts are left on the server, and nothing to resume.
   * If the server can't be reached to abort, the journal entry stays, so the next start
   * shows the upload again and Discard can finish the job.
   */
  async function giveUp(transfer: Transfer, s3: S3Client) {
    const grace = { signal: AbortSignal.timeout(abortGraceMs), onNetworkWait: () => undefined }
    // No id kept: a cancel or a lost answer during CreateMultipartUpload may still have made one.
    const uploadId = transfer.uploadId ?? transfer.resumeUploadId ?? (transfer.multipartSince !== null ? await findStartedUpload(s3, transfer.bucket, transfer.key, transfer.multipartSince, grace) : null)
    if (uploadId) await abandonMultipart(s3, transfer.bucket, transfer.key, uploadId, grace)
    await forget(transfer)
  }

  async function forget(transfer: Transfer) {
    transfer.uploadId = null
    transfer.resumeUploadId = null
    transfer.multipartSince = null
    await journal.remove(transfer.id).catch(() => undefined)
  }


  return { upload, giveUp, forget }
}
