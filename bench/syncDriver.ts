/**
 * The sync scenario's operation, for cubetaDriver.ts (issue 11, "Benchmark")
 *
 * `sync`: a sync pair saved through `sync/savePair` (upload, the quick or the exact rule,
 * no Cache-Control rules), then what the dialog does when you press Compare and then
 * Sync: `sync/preview` (both sides listed, the plan made) and `sync/run`, until its
 * `sync/progress` event says finished. Timed from the preview call to that event.
 */
import { performance } from 'node:perf_hooks'
import type { SyncPair, SyncPreview, SyncRunProgress } from '../src-main/contract/bridge'

interface DriverServer {
  endpoint: string
  accessKeyId: string
  secretAccessKey: string
  region: string
}
export type SyncJob = { op: 'sync'; server: DriverServer; bucket: string; prefix: string; folder: string; rule: 'quick' | 'exact'; timeoutMs: number }

interface SyncApp {
  profileId: string
  call(name: 'sync/savePair' | 'sync/preview' | 'sync/run', input: unknown): Promise<unknown>
  listeners: Set<(name: string, payload: unknown) => void>
  close(): Promise<void>
}
export interface SyncContext {
  startApp(server: DriverServer): Promise<SyncApp>
}

export async function runSyncJob(j: SyncJob, ctx: SyncContext) {
  const app = await ctx.startApp(j.server)
  const pair = (await app.call('sync/savePair', { id: null, profileId: app.profileId, bucket: j.bucket, prefix: j.prefix, folder: j.folder, folderFromPage: false, direction: 'upload', rule: j.rule, cacheRules: [] })) as SyncPair
  // Progress events may come before sync/run answers: every one is kept until its run is known.
  const seen: SyncRunProgress[] = []
  let wake: () => void = () => undefined
  const onEvent = (name: string, payload: unknown) => {
    if (name !== 'sync/progress') return
    seen.push(payload as SyncRunProgress)
    wake()
  }
  app.listeners.add(onEvent)
  const start = performance.now()
  const preview = (await app.call('sync/preview', { pairId: pair.id, files: null })) as SyncPreview
  const compareSeconds = (performance.now() - start) / 1000
  const { runId } = (await app.call('sync/run', { previewId: preview.previewId, deleteCount: null, overwriteNewer: false })) as { runId: string }
  const deadline = performance.now() + j.timeoutMs
  let last: SyncRunProgress | undefined
  for (;;) {
    last = seen.filter((p) => p.runId === runId).at(-1)
    if (last && last.phase !== 'transferring' && last.phase !== 'deleting') break
    if (performance.now() > deadline) throw new Error(`the sync did not finish within ${j.timeoutMs / 1000} s`)
    await new Promise<void>((resolve) => {
      wake = resolve
      setTimeout(resolve, 1000)
    })
  }
  const seconds = (performance.now() - start) / 1000
  app.listeners.delete(onEvent)
  if (last.phase !== 'finished' || last.failed.length > 0) throw new Error(`the sync ended ${last.phase} with ${last.failed.length} failed: ${JSON.stringify(last.failed.slice(0, 3))}`)
  await app.close()
  return { seconds, compareSeconds, planned: preview.transfers.count, unchanged: preview.unchanged.count, notExact: preview.notExact.count, done: last.done }
}
