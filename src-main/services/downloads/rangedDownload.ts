import { open } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { AppError } from '../../router/appError'
import { createSlots } from '../transfers/requestSlots'
import { retrying } from '../transfers/retryingRequest'

const rangeSize = 8 * 1024 * 1024
const parallelRanges = 8

/**
 * Downloads one object into a new file, several byte ranges at once
 *
 * One GET stream tops out well below what the disk and a good link can do; ranges of
 * 8 MiB, eight at a time, each written at its own offset, keep both busy (aws-cli and
 * s5cmd do the same). Every range asks `If-Match` the ETag of the first, so a file is
 * never stitched from two versions; a broken range is fetched again on its own.
 * The file must not exist yet (`wx`): the caller writes to a temporary name.
 */
export async function downloadRanged(s3: S3Client, bucket: string, key: string, path: string, signal: AbortSignal = new AbortController().signal): Promise<number> {
  const retry = { signal, onNetworkWait: () => undefined }
  const file = await open(path, 'wx')
  try {
    const get = (start: number, end: number, etag?: string) =>
      retrying(async (abortSignal) => {
        const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end}`, ...(etag ? { IfMatch: etag } : {}) }), { abortSignal })
        const body = await bodyBytes(answer.Body as Readable)
        return { answer, body }
      }, retry).catch((error: { name?: string }) => {
        if (error?.name === 'PreconditionFailed') throw new AppError('object-changed', `${key} changed on the server during the download.`, 'Download it again.', { key })
        throw error
      })

    const first = await get(0, rangeSize - 1).catch((error: { name?: string }) => {
      // An empty object has no byte 0 to ask for.
      if (error?.name === 'InvalidRange') return null
      throw error
    })
    if (!first) return 0
    const total = totalSize(first.answer.ContentRange, first.body.length)
    const etag = first.answer.ETag
    await file.write(first.body, 0, first.body.length, 0)

    const slots = createSlots(parallelRanges)
    const starts: number[] = []
    for (let start = first.body.length; start < total; start += rangeSize) starts.push(start)
    await Promise.all(
      starts.map((start) =>
        slots.run(async () => {
          const end = Math.min(start + rangeSize, total) - 1
          const { body } = await get(start, end, etag)
          if (body.length !== end - start + 1) throw Object.assign(new Error('A range came back short'), { name: 'IncompleteBody' })
          await file.write(body, 0, body.length, start)
        }),
      ),
    )
    return total
  } finally {
    await file.close()
  }
}

/** "bytes 0-8388607/1073741824" → 1073741824; an object smaller than one range has none. */
export function totalSize(contentRange: string | undefined, firstLength: number): number {
  const total = /\/(\d+)\s*$/.exec(contentRange ?? '')?.[1]
  return total === undefined ? firstLength : Number(total)
}

async function bodyBytes(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of body) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
