import type { Backend } from '../../src-main/composition/backend'
import type { SyncPreview, SyncRunProgress } from '../../src-main/contract/bridge'

/** Runs a preview and waits for the run's last progress event. */
export async function runSync(backend: Backend, preview: SyncPreview, choices: { deleteCount?: number | null; overwriteNewer?: boolean } = {}): Promise<SyncRunProgress> {
  let runId: string | null = null
  const early: SyncRunProgress[] = []
  const finished = new Promise<SyncRunProgress>((resolve) => {
    const stop = backend.events.subscribe((event, payload) => {
      if (event !== 'sync/progress') return
      const progress = payload as SyncRunProgress
      if (runId === null) early.push(progress)
      else if (progress.runId !== runId) return
      if (['finished', 'failed', 'cancelled'].includes(progress.phase) && (runId === null || progress.runId === runId)) {
        stop()
        resolve(progress)
      }
    })
  })
  const started = await backend.router.dispatch('sync/run', { previewId: preview.previewId, deleteCount: choices.deleteCount ?? null, overwriteNewer: choices.overwriteNewer ?? false })
  if (!started.ok) throw new Error(`sync/run failed: ${started.error.code}: ${started.error.message}`)
  runId = (started.value as { runId: string }).runId
  return finished
}
