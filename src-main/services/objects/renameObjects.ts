import { DeleteObjectCommand } from '@aws-sdk/client-s3'
import type { BucketScope } from './bucketScope'
import { copyObject, type CopyOptions, type CopySourceInfo } from './copyObject'
import { deleteKeys } from './deleteObjects'
import { listAllUnder } from './listing'
import { headObject, keyTaken } from './objectLookup'
import { objectErrors } from './objectErrors'
import type { ProgressReporter } from './progressReporter'
import { mapWithConcurrency } from '../../core/async/workerPool'

const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8')

/**
 * Rename or move: S3 has neither, so copy, then delete the originals
 *
 * It never overwrites: an existing target refuses the whole operation before anything
 * is copied. Originals are deleted only once every copy has succeeded; if a copy fails,
 * the copies already made are removed again, so the user is left with what they had.
 */
export async function renameObjects(scope: BucketScope, from: string, requestedTo: string, progress: ProgressReporter, options: CopyOptions = {}): Promise<{ key: string; moved: number }> {
  const isFolder = from.endsWith('/')
  const to = isFolder && !requestedTo.endsWith('/') ? `${requestedTo}/` : requestedTo
  if (to === from) return { key: to, moved: 0 }
  if (!isFolder && to.endsWith('/')) throw objectErrors.invalidTarget(to)
  if (isFolder && to.startsWith(from)) throw objectErrors.intoItself(from)
  if (utf8Bytes(to) > 1024) throw objectErrors.keyTooLong(to)

  let moved = 0
  let total: number | null = null
  progress.report(0, null)
  try {
    const sources = isFolder ? await listAllUnder(scope, from) : [await singleSource(scope, from)]
    if (sources.length === 0) throw objectErrors.objectNotFound(from)
    if (await keyTaken(scope, to)) throw objectErrors.targetExists(to)
    const plan = sources.map((source) => ({ source, target: targetKeyFor(from, to, source.key) }))
    const tooLong = plan.find((p) => utf8Bytes(p.target) > 1024)
    if (tooLong) throw objectErrors.keyTooLong(tooLong.target)
    total = plan.length
    progress.report(0, total)

    const copied: string[] = []
    try {
      await mapWithConcurrency(plan, 8, async ({ source, target }) => {
        await copyObject(scope, source, target, null, options)
        copied.push(target)
        progress.report(copied.length, total)
      })
    } catch (error) {
      // Leave the bucket as it was: the originals are all still there.
      await deleteKeys(scope, copied)
      throw error
    }

    if (isFolder) {
      const outcome = await deleteKeys(scope, sources.map((s) => s.key))
      if (outcome.failed.length > 0) throw objectErrors.renameIncomplete(from, outcome.failed.length)
    } else {
      await scope.s3.send(new DeleteObjectCommand({ Bucket: scope.bucket, Key: from })).catch(() => {
        throw objectErrors.renameIncomplete(from, 1)
      })
    }
    moved = plan.length
    return { key: to, moved }
  } finally {
    progress.finish(moved, total)
  }
}

/** Pure: where a key under `from` goes when `from` becomes `to`. */
export function targetKeyFor(from: string, to: string, key: string): string {
  if (key === from) return to
  if (!key.startsWith(from)) throw new RangeError(`${key} is not under ${from}`)
  return to + key.slice(from.length)
}

async function singleSource(scope: BucketScope, key: string): Promise<CopySourceInfo> {
  const head = await headObject(scope, key)
  return { key, size: head.ContentLength ?? 0, etag: head.ETag ?? null, storageClass: head.StorageClass ?? null }
}
