import { close, open, read } from 'node:fs'
import { Readable } from 'node:stream'
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3'
import { AppError } from '../../core/appError'
import { awsErrorName } from '../../core/awsErrorShape'
import { exactChunks } from './exactChunks'
import { leanPutterFor } from './leanPut'
import { uploadParts } from './uploadParts'
import type { Slots } from '../../core/async/requestSlots'
import { retrying, type RetryContext } from '../../core/async/retrying'

export interface ObjectUpload {
  s3: S3Client
  bucket: string
  key: string
  size: number
  /** The bytes: a stream (the page), a file on disk, or (small files) a function reading them at once. */
  body: Readable | { path: string } | (() => Promise<Buffer>)
  partSize: number
  /** Parts of this file in flight at once. */
  parallelParts: number
  headers: { ContentType: string; CacheControl?: string }
  /** Requests in flight across the whole queue, and bytes held in memory. */
  requests: Slots
  memory: Slots
  retry: RetryContext
  /** A multipart upload to continue (after a restart), instead of starting one. */
  resumeUploadId?: string
  /** Called just before CreateMultipartUpload: the journal's intent, so a kill before the id is kept orphans nothing. */
  onMultipartStarting(): Promise<void>
  /** Called once the multipart upload exists, before any part is sent: the journal entry. */
  onMultipartStarted(uploadId: string): Promise<void>
  onBytesDone(bytes: number): void
}

/**
 * Puts one file into S3, retrying each request on its own
 *
 * A file up to one part goes in a single PUT. A bigger one is a multipart upload whose
 * parts are read in order, each kept in memory until S3 has it: a dropped connection
 * resends only that part. When resuming, ListParts says which parts are already there
 * and only the others are sent. Whatever happens, the caller aborts or keeps the upload;
 * this function never leaves one behind without saying (see transferEngine).
 */
export async function uploadObject(o: ObjectUpload): Promise<void> {
  if (o.size <= o.partSize && !o.resumeUploadId) return putWhole(o)
  return putInParts(o)
}

async function putWhole(o: ObjectUpload) {
  const held = Math.max(o.size, 1)
  await o.memory.acquire(held)
  try {
    const body = typeof o.body === 'function' ? await o.body() : 'path' in o.body ? await readWholeFile(o.body.path, o.size) : await wholeStream(o.body, o.size)
    assertSize(o, body.length)
    await sendPut(o, body)
    o.onBytesDone(body.length)
  } finally {
    o.memory.release(held)
  }
}

async function putInParts(o: ObjectUpload) {
  const uploaded = o.resumeUploadId ? await partsAlreadyThere(o, o.resumeUploadId) : new Map<number, string>()
  let uploadId = o.resumeUploadId && uploaded !== null ? o.resumeUploadId : undefined
  const done = uploaded ?? new Map<number, string>()
  if (!uploadId) {
    await o.onMultipartStarting()
    const created = await o.requests.run(() => retrying((abortSignal) => o.s3.send(new CreateMultipartUploadCommand({ Bucket: o.bucket, Key: o.key, ...o.headers }), { abortSignal }), o.retry))
    uploadId = created.UploadId!
    await o.onMultipartStarted(uploadId)
  }
  const id = uploadId

  let failure: { error: unknown } | null = null
  const inFlight = new Set<Promise<void>>()
  let partNumber = 0
  let bytesRead = 0
  const source = typeof o.body === 'function' ? Readable.from([await o.body()]) : o.body
  for await (const part of uploadParts(source, o.size, o.partSize, o.memory, (n) => done.has(n))) {
    if (failure) {
      part.release()
      break
    }
    partNumber = part.number
    bytesRead += part.length
    if (!part.bytes) {
      o.onBytesDone(part.length)
      continue
    }
    while (inFlight.size >= o.parallelParts) await Promise.race(inFlight)
    const number = part.number
    const chunk = part.bytes
    const sending = sendPut(o, chunk, { uploadId: id, number })
      .then(
        (etag) => {
          done.set(number, etag!)
          o.onBytesDone(chunk.length)
        },
        (error: unknown) => {
          failure ??= { error }
        },
      )
      .finally(() => {
        part.release()
        inFlight.delete(sending)
      })
    inFlight.add(sending)
  }
  await Promise.all(inFlight)
  if (failure) throw (failure as { error: unknown }).error
  assertSize(o, bytesRead)

  const parts = [...done.entries()].filter(([n]) => n <= partNumber).sort(([a], [b]) => a - b).map(([PartNumber, ETag]) => ({ PartNumber, ETag }))
  await o.requests.run(() =>
    retrying((abortSignal) => o.s3.send(new CompleteMultipartUploadCommand({ Bucket: o.bucket, Key: o.key, UploadId: id, MultipartUpload: { Parts: parts } }), { abortSignal }), o.retry),
  )
}

/**
 * One PUT of bytes held in memory (a small object, or a part), tried again as one request
 *
 * The lean PUT (leanPut.ts) goes first; what it does not understand goes through the SDK
 * in the same try. When the server then takes the SDK's request, it is the lean one it
 * refuses (a header, UNSIGNED-PAYLOAD): the rest of the batch goes through the SDK.
 */
function sendPut(o: ObjectUpload, body: Buffer, part?: { uploadId: string; number: number }): Promise<string | undefined> {
  const lean = leanPutterFor(o.s3)
  return o.requests.run(() =>
    retrying(async (abortSignal) => {
      let fellBack: string | null = null
      if (lean.enabled) {
        const outcome = await lean.put({ bucket: o.bucket, key: o.key, body, ...(part ? { part } : { headers: o.headers }) }, abortSignal)
        if ('etag' in outcome) return outcome.etag
        fellBack = outcome.fallback
        if (outcome.sticky) lean.disable(fellBack)
      }
      const answer = part
        ? await o.s3.send(new UploadPartCommand({ Bucket: o.bucket, Key: o.key, UploadId: part.uploadId, PartNumber: part.number, Body: body, ContentLength: body.length }), { abortSignal })
        : await o.s3.send(new PutObjectCommand({ Bucket: o.bucket, Key: o.key, Body: body, ContentLength: body.length, ...o.headers }), { abortSignal })
      if (fellBack !== null) lean.disable(fellBack)
      return answer.ETag
    }, o.retry),
  )
}

/**
 * The parts S3 already holds for an interrupted upload, by number, or null when the
 * upload is gone (aborted, or expired by a lifecycle rule): then it starts over.
 * A part whose size isn't the agreed part size (the last aside) is sent again.
 */
async function partsAlreadyThere(o: ObjectUpload, uploadId: string): Promise<Map<number, string> | null> {
  const parts = new Map<number, string>()
  const lastPart = Math.max(1, Math.ceil(o.size / o.partSize))
  let marker: string | undefined
  try {
    do {
      const page = await retrying((abortSignal) => o.s3.send(new ListPartsCommand({ Bucket: o.bucket, Key: o.key, UploadId: uploadId, PartNumberMarker: marker }), { abortSignal }), o.retry)
      for (const part of page.Parts ?? []) {
        const n = part.PartNumber!
        const expected = n === lastPart ? o.size - o.partSize * (lastPart - 1) : o.partSize
        if (n <= lastPart && part.Size === expected && part.ETag) parts.set(n, part.ETag)
      }
      marker = page.IsTruncated ? page.NextPartNumberMarker : undefined
    } while (marker)
  } catch (error) {
    if (awsErrorName(error) === 'NoSuchUpload') return null
    throw error
  }
  return parts
}

/** Aborts a multipart upload so its parts are not kept (and billed). Safe to repeat. */
export async function abandonMultipart(s3: S3Client, bucket: string, key: string, uploadId: string, retry: RetryContext): Promise<void> {
  try {
    await retrying((abortSignal) => s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }), { abortSignal }), retry)
  } catch (error) {
    if (awsErrorName(error) !== 'NoSuchUpload') throw error
  }
}

/**
 * A small file's bytes, read with the callback API: fs.promises.readFile opens a FileHandle
 * and awaits each step, which over thousands of small files measured slower. The size is known
 * from the listing, so no fstat: open, one read, close, each a trip to libuv's pool. It
 * asks one byte more than the size, so a file that grew since reads longer and the
 * caller's size check refuses it.
 */
export function readWholeFile(path: string, size: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    open(path, 'r', (openError, fd) => {
      if (openError) return reject(openError)
      const buffer = Buffer.allocUnsafe(size + 1)
      let got = 0
      const finish = (error: NodeJS.ErrnoException | null) => close(fd, (closeError) => (error ?? closeError ? reject(error ?? closeError) : resolve(buffer.subarray(0, got))))
      const next = () =>
        read(fd, buffer, got, buffer.length - got, got, (readError, n) => {
          if (readError) return finish(readError)
          got += n
          if (n > 0 && got < size) return next()
          finish(null)
        })
      next()
    }),
  )
}

async function wholeStream(stream: Readable, size: number): Promise<Buffer> {
  let body: Buffer = Buffer.alloc(0)
  for await (const chunk of exactChunks(stream, Math.max(size, 1))) body = body.length === 0 ? chunk : Buffer.concat([body, chunk])
  return body
}

function assertSize(o: ObjectUpload, read: number) {
  if (read !== o.size) {
    throw new AppError('source-changed', `The file changed while it was being uploaded (${read} bytes read, ${o.size} expected).`, 'Wait until the file is no longer being written, then upload it again.', { name: o.key.split('/').pop() ?? o.key })
  }
}
