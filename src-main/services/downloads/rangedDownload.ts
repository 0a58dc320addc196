import { open, type FileHandle } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { GetObjectCommand, type GetObjectCommandOutput, type S3Client } from '@aws-sdk/client-s3'
import { AppError } from '../../router/appError'
import { createSlots } from '../transfers/requestSlots'
import { retrying } from '../transfers/retryingRequest'

const rangeSize = 8 * 1024 * 1024
const parallelRanges = 8

/**
 * Downloads one object into a new file, several byte ranges at once
 *
 * One GET stream tops out well below what the disk and a good link can do; ranges of
 * 8 MiB, eight at a time, each written at its own offset as it arrives, keep both busy
 * (aws-cli and s5cmd do the same) without holding ranges in memory. Every range asks
 * `If-Match` the ETag of the first, so a file is never stitched from two versions; a
 * range that breaks off is fetched again from its start and simply overwrites itself.
 * The file must not exist yet (`wx`): the caller writes to a temporary name.
 */
export async function downloadRanged(s3: S3Client, bucket: string, key: string, path: string, signal: AbortSignal = new AbortController().signal): Promise<number> {
  const retry = { signal, onNetworkWait: () => undefined }
  const file = await open(path, 'wx')
  try {
    /** Fetches [start, end] into the file; the answer's headers for the first range. */
    const fetchRange = (start: number, end: number, etag?: string) =>
      retrying(async (abortSignal) => {
        const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end}`, ...(etag ? { IfMatch: etag } : {}) }), { abortSignal })
        const expected = Math.min(end, totalSize(answer.ContentRange, Number.MAX_SAFE_INTEGER) - 1) - start + 1
        const written = await writeAt(file, answer.Body as Readable, start)
        if (answer.ContentRange && written !== expected) throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' })
        return { answer, written }
      }, retry).catch((error: { name?: string }) => {
        if (error?.name === 'PreconditionFailed') throw new AppError('object-changed', `${key} changed on the server during the download.`, 'Download it again.', { key })
        // An empty object has no byte 0 to ask for.
        if (error?.name === 'InvalidRange' && start === 0) return null
        throw error
      })

    const first = await fetchRange(0, rangeSize - 1)
    if (!first) return 0
    const total = totalSize(first.answer.ContentRange, first.written)
    const etag = (first.answer as GetObjectCommandOutput).ETag
    const slots = createSlots(parallelRanges)
    const starts: number[] = []
    for (let start = rangeSize; start < total; start += rangeSize) starts.push(start)
    await Promise.all(starts.map((start) => slots.run(() => fetchRange(start, Math.min(start + rangeSize, total) - 1, etag))))
    return total
  } finally {
    await file.close()
  }
}

/** "bytes 0-8388607/1073741824" → 1073741824; an object smaller than one range has none. */
export function totalSize(contentRange: string | undefined, fallback: number): number {
  const total = /\/(\d+)\s*$/.exec(contentRange ?? '')?.[1]
  return total === undefined ? fallback : Number(total)
}

async function writeAt(file: FileHandle, body: Readable, start: number): Promise<number> {
  let position = start
  for await (const chunk of body) {
    const bytes = chunk as Buffer
    await file.write(bytes, 0, bytes.length, position)
    position += bytes.length
  }
  return position - start
}
