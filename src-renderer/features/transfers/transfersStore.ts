import { create } from 'zustand'
import type { BridgeError, ConflictChoice, TransfersSnapshot, TransferView } from '../../../src-main/contract/bridge'
import { bridge, BridgeCallError, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import type { PickedFile } from './droppedFiles'
import { answerByteRequests, holdFiles, releaseFiles } from './pageUploads'

type FinishedBatch = TransfersSnapshot['finishedBatches'][number]

interface TransfersState {
  snapshot: TransfersSnapshot
  panelOpen: boolean
  cacheControl: string
  error: BridgeError | null
  follow(): () => void
  upload(target: { profileId: string; bucket: string; prefix: string }, picked: PickedFile[]): Promise<void>
  resolveConflict(choice: ConflictChoice, applyToAll: boolean): Promise<void>
  cancel(ids: string[] | null): Promise<void>
  retryFailed(): Promise<void>
  /** Interrupted uploads: from disk they resume by themselves; the page must hand the file again. */
  resume(transfer: TransferView, file?: File): Promise<void>
  clearFinished(): Promise<void>
  setPanelOpen(open: boolean): void
  setCacheControl(value: string): void
  /** The file browser listens, to refresh and select what a batch wrote. */
  onBatchFinished(listener: (batch: FinishedBatch) => void): () => void
}

/** A sensible default for Django media: browsers and CDNs may keep a file for a day. */
export const defaultCacheControl = 'public, max-age=86400'

const empty: TransfersSnapshot = {
  transfers: [],
  totals: { count: 0, active: 0, done: 0, failed: 0, interrupted: 0, bytes: 0, transferred: 0, progress: null },
  conflict: null,
  finishedBatches: [],
}
const batchListeners = new Set<(batch: FinishedBatch) => void>()

export const useTransfersStore = create<TransfersState>()((set, get) => {
  const apply = (snapshot: TransfersSnapshot) => {
    releaseFiles(new Set(snapshot.transfers.map((t) => t.id)))
    set({ snapshot })
    for (const batch of snapshot.finishedBatches) batchListeners.forEach((listener) => listener(batch))
  }
  const act = async (run: () => Promise<TransfersSnapshot>) => {
    try {
      apply(await run())
      set({ error: null })
    } catch (caught) {
      set({ error: asBridgeError(caught) })
    }
  }
  return {
    snapshot: empty,
    panelOpen: false,
    cacheControl: defaultCacheControl,
    error: null,

    follow() {
      // Uploads a previous run left half-done need an answer: show them at once.
      void bridge['transfers/list']({}).then((r) => r.ok && set({ snapshot: r.value, ...(r.value.totals.interrupted > 0 ? { panelOpen: true } : {}) }))
      const stopAnswering = window.cubeta ? () => undefined : answerByteRequests()
      const stopFollowing = bridge.on('transfers/changed', apply)
      return () => {
        stopAnswering()
        stopFollowing()
      }
    },

    async upload(target, picked) {
      if (picked.length === 0) return
      const cacheControl = get().cacheControl.trim() || null
      set({ panelOpen: true, error: null })
      try {
        // Electron hands over paths, so the main process streams from disk; the page
        // (browser mode) declares the files and then streams each one when asked.
        const pathOf = window.cubeta?.pathForFile
        if (pathOf) {
          const paths = [...new Set(picked.map((p) => topLevelPath(p, pathOf)))]
          unwrap(await bridge['transfers/uploadPaths']({ ...target, paths, cacheControl }))
          return
        }
        const declared = unwrap(
          await bridge['transfers/uploadDeclared']({ ...target, cacheControl, files: picked.map((p) => ({ relativePath: p.relativePath, size: p.file.size })) }),
        )
        holdFiles(declared.transferIds, picked.map((p) => p.file))
      } catch (caught) {
        set({ error: asBridgeError(caught) })
      }
    },

    resolveConflict: (choice, applyToAll) => {
      const conflict = get().snapshot.conflict
      if (!conflict) return Promise.resolve()
      return act(async () => unwrap(await bridge['transfers/resolveConflict']({ batchId: conflict.batchId, choice, applyToAll })))
    },
    cancel: (ids) => act(async () => unwrap(await bridge['transfers/cancel']({ ids }))),
    retryFailed: () => act(async () => unwrap(await bridge['transfers/retryFailed']({}))),
    resume: (transfer, file) =>
      act(async () => {
        if (transfer.resume === 'page') {
          if (!file || file.size !== transfer.size) throw new BridgeCallError(notSameFile(transfer))
          holdFiles([transfer.id], [file])
        }
        return unwrap(await bridge['transfers/resume']({ ids: [transfer.id] }))
      }),
    clearFinished: () => act(async () => unwrap(await bridge['transfers/clearFinished']({}))),
    setPanelOpen: (panelOpen) => set({ panelOpen }),
    setCacheControl: (cacheControl) => set({ cacheControl }),
    onBatchFinished(listener) {
      batchListeners.add(listener)
      return () => batchListeners.delete(listener)
    },
  }
})

/** The page can only check the size; the server's parts then prove the rest by their count. */
function notSameFile(transfer: TransferView): BridgeError {
  return { code: 'not-same-file', message: `That file is not the one that was being uploaded (${transfer.size} bytes expected).`, hint: 'Choose the same file, unchanged, to resume.', params: { size: String(transfer.size) } }
}

/**
 * A dropped folder's files all live under the folder's own path; the main process walks
 * it again from disk, so only the top-level item of each relative path is sent.
 */
function topLevelPath(picked: PickedFile, pathOf: (file: File) => string): string {
  const full = pathOf(picked.file)
  const depth = picked.relativePath.split('/').length - 1
  let path = full
  for (let i = 0; i < depth; i++) path = path.replace(/[\\/][^\\/]*$/, '')
  return path
}
