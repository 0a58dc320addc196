import { open } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { GetObjectCommand, type GetObjectCommandOutput, type S3Client } from '@aws-sdk/client-s3'
import { AppError } from '../../core/appError'
import { retrying } from '../../core/async/retrying'
import { mapWithConcurrency } from '../../core/async/workerPool'
import { writeBodyAt } from './batchedWrites'
import { leanGetObjectRange } from './leanRangedGet'

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
export async function downloadRanged(s3: S3Client, bucket: string, key: string, path: string, signal: AbortSignal = new AbortController().signal, versionId?: string): Promise<number> {
  const version = versionId ? { VersionId: versionId } : {}
  // One range failing for good stops the others, so the file is closed with nothing in flight.
  const stop = new AbortController()
  const retry = { signal: AbortSignal.any([signal, stop.signal]), onNetworkWait: () => undefined }
  let lean = true
  const file = await open(path, 'wx')
  try {
    /** The first answer's ETag: a retry of the first range asks for that version too. */
    let firstEtag: string | undefined
    /**
     * Fetches [start, end] into the file; the SDK's answer for the first range. `onAnswer`
     * sees the first range's answer when its head arrives, before its body.
     */
    const fetchRange = (start: number, end: number, known?: { etag: string; total: number }, onAnswer?: (answer: GetObjectCommandOutput) => void) =>
      retrying(async (abortSignal) => {
        if (known && lean) {
          const outcome = await leanGetObjectRange(s3, { bucket, key, versionId, start, end, ...known }, file, abortSignal)
          if (outcome === 'done') return { answer: null, written: end - start + 1 }
          // A status (503, 412...) belongs to this request: the SDK below turns it into the
          // error the retries know. Anything else is how this server answers every range.
          if (!outcome.fallback.startsWith('status')) lean = false
        }
        const ifMatch = known?.etag ?? firstEtag
        const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...version, Range: `bytes=${start}-${end}`, ...(ifMatch ? { IfMatch: ifMatch } : {}) }), { abortSignal })
        // A 200 without Content-Range is the whole object from byte 0, whatever was asked.
        if (!answer.ContentRange && start > 0) {
          ;(answer.Body as Readable | undefined)?.destroy()
          throw new AppError('range-ignored', `The server sent all of ${key} when Cubeta asked for part of it.`, 'Try again. If it keeps happening, this server does not support ranged downloads.', { key })
        }
        onAnswer?.(answer)
        const expected = answer.ContentRange ? Math.min(end, totalSize(answer.ContentRange, Number.MAX_SAFE_INTEGER) - 1) - start + 1 : answer.ContentLength
        const written = await writeBodyAt(file, answer.Body as Readable, start)
        // Fewer bytes than the answer said it holds: the body broke off; fetch the range again.
        if (expected !== undefined && written !== expected) throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' })
        return { answer, written }
      }, retry).catch((error: { name?: string }) => {
        if (error?.name === 'PreconditionFailed') throw new AppError('object-changed', `${key} changed on the server during the download.`, 'Download it again.', { key })
        // An empty object has no byte 0 to ask for.
        if (error?.name === 'InvalidRange' && start === 0) return null
        throw error
      })

    // The other ranges start as soon as the first answer says the size and the ETag,
    // while its body is still arriving: waiting for all of it left the link idle.
    let rest: Promise<unknown> | undefined
    /** The first range to fail for good: the one the user hears about, not the ones it stopped. */
    let failure: { error: unknown } | undefined
    const stopAll = (error: unknown) => {
      failure ??= { error }
      stop.abort(error)
    }
    const fetchRest = (total: number, etag: string | undefined) => {
      const starts: number[] = []
      for (let start = rangeSize; start < total; start += rangeSize) starts.push(start)
      return mapWithConcurrency(starts, parallelRanges, (start) =>
        fetchRange(start, Math.min(start + rangeSize, total) - 1, etag ? { etag, total } : undefined).catch((error: unknown) => {
          stopAll(error)
          throw failure!.error
        }),
      )
    }
    const first = await fetchRange(0, rangeSize - 1, undefined, (answer) => {
      firstEtag ??= answer.ETag
      // A 200 without Content-Range is the whole object in this one body.
      if (!rest && answer.ContentRange) rest = fetchRest(totalSize(answer.ContentRange, 0), answer.ETag)
    }).catch(async (error: unknown) => {
      stopAll(error)
      await rest?.catch(() => undefined)
      throw failure!.error
    })
    if (!first) return 0
    await rest
    return totalSize(first.answer?.ContentRange, first.written)
  } finally {
    await file.close()
  }
}

/** "bytes 0-8388607/1073741824" → 1073741824; an object smaller than one range has none. */
export function totalSize(contentRange: string | undefined, fallback: number): number {
  const total = /\/(\d+)\s*$/.exec(contentRange ?? '')?.[1]
  return total === undefined ? fallback : Number(total)
}
