import { randomBytes, randomUUID } from 'node:crypto'
import { mkdir, rename, rm, utimes } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { BridgeError } from '../../contract/bridge'
import type { SyncRunProgress } from '../../contract/bridge'
import { AppError } from '../../core/appError'
import type { EventHub } from '../../core/eventHub'
import { createSlots } from '../../core/async/requestSlots'
import { downloadRanged } from '../downloads/rangedDownload'
import { safePath } from '../downloads/downloadToFolder'
import type { BucketScope } from '../objects/bucketScope'
import { deleteKeys } from '../objects/deleteObjects'
import type { TransferEngine } from '../transfers/transferEngine'
import { isTerminal } from '../transfers/transferState'
import { cacheControlFor } from './cacheRules'
import type { PreparedSync } from './syncPreview'
import type { PlanItem } from './syncPlan'

export interface RunChoices {
  /** Deletes only when this equals the preview's count: the user saw it and confirmed. */
  deleteCount: number | null
  overwriteNewer: boolean
}

export interface StartedRun {
  runId: string
  /** The upload batch in the transfer queue, so the panel can say where its files go. */
  batchId: string | null
  transferIds: { path: string; transferId: string }[]
  /** Settles when every file has been sent or given up, and deletes are done. */
  finished: Promise<SyncRunProgress>
  cancel(): Promise<void>
}

const downloadsAtOnce = 4

/**
 * Acting on a preview
 *
 * Uploads go through the transfer queue (progress, speed, cancel, retry, waiting for
 * network, resume after a crash, no orphaned parts), each with its Content-Type from the
 * name and Cache-Control from the pair's rules, replacing what the preview decided to
 * replace without asking again. Downloads are written to a temporary name beside the
 * target and renamed over it only when complete, then stamped with the object's date
 * (so the next quick compare finds them unchanged): a run cut short leaves every file
 * old or new, never half-written, and the next run finishes the job. Deletes run last,
 * and only when the user confirmed exactly the count the preview showed.
 */
export function startSyncRun(
  deps: {
    scope: BucketScope
    engine: TransferEngine
    events: EventHub
    pageFiles: boolean
    /** Runs before the last progress event, so whoever hears "finished" reads the run's record. */
    onFinished?(progress: SyncRunProgress): Promise<void>
  },
  prepared: PreparedSync,
  choices: RunChoices,
): StartedRun {
  const { pair, plan } = prepared
  if (choices.deleteCount !== null && choices.deleteCount !== plan.deletions.length) {
    throw new AppError('sync-changed', 'What is only on the other side is not what the preview showed.', 'Compare again, then confirm the deletes.')
  }
  const runId = randomUUID()
  const items: PlanItem[] = [...plan.transfers, ...(choices.overwriteNewer ? plan.newerAtDestination : [])]
  const deletions = choices.deleteCount === null ? [] : plan.deletions
  const progress: SyncRunProgress = { runId, pairId: pair.id, phase: 'transferring', done: 0, total: items.length + deletions.length, bytesDone: 0, bytesTotal: items.reduce((s, i) => s + i.size, 0), failed: [] }
  const report = () => deps.events.emit('sync/progress', { ...progress, failed: [...progress.failed] })
  const abort = new AbortController()
  let transferIds: { path: string; transferId: string }[] = []
  let batchId: string | null = null

  if (pair.direction === 'upload' && items.length > 0) {
    const files = items.map((item) => ({
      relativePath: item.path,
      size: item.size,
      source: deps.pageFiles ? ({ kind: 'page' } as const) : ({ kind: 'path', path: prepared.localPaths.get(item.path)! } as const),
      cacheControl: cacheControlFor(item.path, pair.cacheRules),
    }))
    const queued = deps.engine.enqueue(pair.profileId, pair.bucket, pair.prefix, files, null, { replaceExisting: true })
    transferIds = queued.transferIds.map((transferId, i) => ({ path: items[i]!.path, transferId }))
    batchId = queued.batchId
  }

  const failedWith = (path: string, error: unknown): { path: string; error: BridgeError } => ({ path, error: error instanceof AppError ? error.toBridge() : deps.scope.fail(error, `sync ${path}`).toBridge() })

  const uploads = async () => {
    const ids = new Map(transferIds.map((t) => [t.transferId, t.path]))
    await new Promise<void>((resolve) => {
      const check = () => {
        // Each of its own files by id: the queue's snapshot carries only the rows the panel shows.
        const mine = [...ids.keys()].flatMap((id) => {
          const state = deps.engine.stateOf(id)
          return state ? [{ id, ...state }] : []
        })
        progress.done = mine.filter((t) => isTerminal(t.status)).length
        progress.bytesDone = mine.reduce((s, t) => s + (t.status === 'done' ? t.size : t.transferred), 0)
        progress.failed = mine.filter((t) => t.status === 'failed' || t.status === 'cancelled').map((t) => ({ path: ids.get(t.id)!, error: t.error ?? { code: 'cancelled', message: 'Cancelled.', hint: '' } }))
        report()
        if (mine.length === 0 || mine.every((t) => isTerminal(t.status) || t.status === 'interrupted')) {
          stop()
          resolve()
        }
      }
      const stop = deps.events.subscribe((event) => {
        if (event === 'transfers/changed') check()
      })
      check()
    })
  }

  const downloads = async () => {
    await Promise.all(prepared.partials.map((path) => rm(path, { force: true })))
    const slots = createSlots(downloadsAtOnce)
    await Promise.all(
      items.map((item) =>
        slots.run(async () => {
          if (abort.signal.aborted) return
          const target = safePath(pair.folder, item.path)
          const temporary = `${target}.cubeta-partial-${randomBytes(4).toString('hex')}`
          try {
            await mkdir(dirname(target), { recursive: true })
            await downloadRanged(deps.scope.s3, pair.bucket, `${pair.prefix}${item.path}`, temporary, abort.signal)
            if (item.sourceModifiedMs !== null) await utimes(temporary, new Date(), new Date(item.sourceModifiedMs))
            await rename(temporary, target)
            progress.bytesDone += item.size
          } catch (error) {
            await rm(temporary, { force: true })
            progress.failed.push(failedWith(item.path, error))
          }
          progress.done++
          report()
        }),
      ),
    )
  }

  const deletes = async () => {
    if (deletions.length === 0 || abort.signal.aborted) return
    progress.phase = 'deleting'
    report()
    if (pair.direction === 'upload') {
      const keys = deletions.map((d) => `${pair.prefix}${d.path}`)
      const outcome = await deleteKeys(deps.scope, keys)
      for (const f of outcome.failed) progress.failed.push({ path: f.key.slice(pair.prefix.length), error: f.error })
      const failed = new Set(outcome.failed.map((f) => f.key))
      deps.events.emit('objects/changed', { profileId: pair.profileId, bucket: pair.bucket, written: [], deleted: keys.filter((k) => !failed.has(k)), prefixes: [] })
    } else {
      for (const d of deletions) {
        const path = prepared.localPaths.get(d.path)
        await rm(path ?? safePath(pair.folder, d.path), { force: true }).catch((error) => progress.failed.push(failedWith(d.path, error)))
      }
    }
    progress.done += deletions.length
  }

  const finished = (async () => {
    try {
      await (pair.direction === 'upload' ? uploads() : downloads())
      await deletes()
      progress.phase = abort.signal.aborted ? 'cancelled' : 'finished'
    } catch (error) {
      progress.phase = 'failed'
      progress.failed.push(failedWith('', error))
    }
    await deps.onFinished?.(progress).catch(() => undefined)
    report()
    return progress
  })()

  return {
    runId,
    batchId,
    transferIds,
    finished,
    async cancel() {
      abort.abort()
      if (transferIds.length > 0) await deps.engine.cancel(transferIds.map((t) => t.transferId))
    },
  }
}
