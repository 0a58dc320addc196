import { create } from 'zustand'
import type { SyncRunProgress } from '../../../src-main/contract/bridge'
import { bridge } from '../../bridge/bridgeClient'

export interface SyncRunLabel {
  folder: string
  bucket: string
  prefix: string
}

export interface SyncRunView {
  runId: string
  label: SyncRunLabel | null
  progress: SyncRunProgress | null
}

interface SyncRunsState {
  runs: SyncRunView[]
  /** A run the page started: its label, before or after its first progress event. */
  started(runId: string, label: SyncRunLabel): void
  follow(): () => void
  cancel(runId: string): Promise<void>
  dismiss(runId: string): void
}

export const finishedPhases: ReadonlySet<SyncRunProgress['phase']> = new Set(['finished', 'failed', 'cancelled'])

/**
 * The sync runs shown in the transfer panel
 *
 * Uploads of a sync also show there file by file (they go through the queue); a run's
 * row adds what the queue can't show: downloads, deletes, and the run's own total.
 * A progress event can overtake the answer to `sync/run`, so a run may first be known
 * by its progress and get its label a moment later.
 */
export const useSyncRunsStore = create<SyncRunsState>()((set, get) => {
  const upsert = (runId: string, change: Partial<SyncRunView>) => {
    const runs = get().runs
    const at = runs.findIndex((r) => r.runId === runId)
    if (at === -1) set({ runs: [...runs, { runId, label: null, progress: null, ...change }] })
    else set({ runs: runs.map((r, i) => (i === at ? { ...r, ...change } : r)) })
  }
  return {
    runs: [],
    started: (runId, label) => upsert(runId, { label }),
    follow: () => bridge.on('sync/progress', (progress) => upsert(progress.runId, { progress })),
    async cancel(runId) {
      await bridge['sync/cancel']({ runId })
    },
    dismiss: (runId) => set({ runs: get().runs.filter((r) => r.runId !== runId) }),
  }
})
