import { create } from 'zustand'
import type { BridgeError, ConflictChoice, TransfersSnapshot, TransferView } from '../../../src-main/contract/bridge'
import { bridge, BridgeCallError, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { splitByDisk, type PickedFile } from './droppedFiles'
import { answerByteRequests, holdFiles, releaseFiles } from './pageUploads'
import { batchOutcome, type BatchOutcome } from './transferBatches'

type FinishedBatch = TransfersSnapshot['finishedBatches'][number]
export interface UploadTarget {
  profileId: string
  bucket: string
  prefix: string
}

interface TransfersState {
  snapshot: TransfersSnapshot
  panelOpen: boolean
  cacheControl: string
  error: BridgeError | null
  /** Where each batch started here went, by batch id (the queue itself knows only the bucket). */
  batchTargets: Record<string, UploadTarget>
  /** The last batch that finished, for the panel's polite announcement; `seq` tells repeats apart. */
  lastFinished: { seq: number; outcome: BatchOutcome } | null
  follow(): () => void
  upload(target: UploadTarget, picked: PickedFile[]): Promise<void>
  /** A batch another feature queued (a folder sync), so the panel can say where it goes. */
  rememberBatch(batchId: string, target: UploadTarget): void
  resolveConflict(choice: ConflictChoice, applyToAll: boolean): Promise<void>
  cancel(ids: string[] | null): Promise<void>
  retryFailed(): Promise<void>
  /** Interrupted uploads: from disk they resume by themselves; the page must hand the file again. */
  resume(transfer: TransferView, file?: File): Promise<void>
  clearFinished(): Promise<void>
  /** The rows the panel has in view: every snapshot from now on carries them. */
  showRows(window: { offset: number; limit: number }): Promise<void>
  setPanelOpen(open: boolean): void
  setCacheControl(value: string): void
  /** The file browser listens, to refresh and select what a batch wrote. */
  onBatchFinished(listener: (batch: FinishedBatch) => void): () => void
}

/** A sensible default for Django media: browsers and CDNs may keep a file for a day. */
export const defaultCacheControl = 'public, max-age=86400'

const empty: TransfersSnapshot = {
  transfers: [],
  totals: {
    count: 0,
    active: 0,
    done: 0,
    failed: 0,
    interrupted: 0,
    bytes: 0,
    transferred: 0,
    progress: null,
    states: { queued: 0, checking: 0, 'waiting-conflict': 0, running: 0, 'waiting-network': 0, interrupted: 0, done: 0, failed: 0, cancelled: 0, skipped: 0 },
    speed: null,
    etaSeconds: null,
  },
  batches: [],
  window: { offset: 0, limit: 100 },
  conflict: null,
  finishedBatches: [],
  released: [],
}
const batchListeners = new Set<(batch: FinishedBatch) => void>()

export const useTransfersStore = create<TransfersState>()((set, get) => {
  const apply = (snapshot: TransfersSnapshot) => {
    releaseFiles(snapshot.released)
    set({ snapshot })
    for (const batch of snapshot.finishedBatches) {
      const seq = (get().lastFinished?.seq ?? 0) + 1
      set({ lastFinished: { seq, outcome: batchOutcome(batch) } })
      batchListeners.forEach((listener) => listener(batch))
    }
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
    batchTargets: {},
    lastFinished: null,

    follow() {
      // Uploads a previous run left half-done need an answer: show them at once.
      void bridge['transfers/list']({}).then((r) => r.ok && set({ snapshot: r.value, ...(r.value.totals.interrupted > 0 ? { panelOpen: true } : {}) }))
      // Browser mode sends every file's bytes; Electron only those of files not on disk.
      const stopAnswering = answerByteRequests()
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
        // Electron: files on disk go by id and the main process streams them from there;
        // the rest (and every file in browser mode) are declared, then sent when asked.
        let fromPage = picked
        const diskFileIds = window.cubeta?.diskFileIds
        if (diskFileIds) {
          const { onDisk, inPage } = splitByDisk(picked, unwrap(await diskFileIds(picked.map((p) => p.file))))
          if (onDisk.length > 0) {
            const { batchId } = unwrap(await bridge['transfers/uploadPaths']({ ...target, files: onDisk, cacheControl }))
            set((s) => ({ batchTargets: { ...s.batchTargets, [batchId]: target } }))
          }
          fromPage = inPage
        }
        if (fromPage.length === 0) return
        const declared = unwrap(
          await bridge['transfers/uploadDeclared']({ ...target, cacheControl, files: fromPage.map((p) => ({ relativePath: p.relativePath, size: p.file.size })) }),
        )
        set((s) => ({ batchTargets: { ...s.batchTargets, [declared.batchId]: target } }))
        holdFiles(declared.transferIds, fromPage.map((p) => p.file))
      } catch (caught) {
        set({ error: asBridgeError(caught) })
      }
    },

    rememberBatch: (batchId, target) => set((s) => ({ batchTargets: { ...s.batchTargets, [batchId]: target } })),
    resolveConflict: (choice, applyToAll) => {
      const conflict = get().snapshot.conflict
      if (!conflict) return Promise.resolve()
      return act(async () => unwrap(await bridge['transfers/resolveConflict']({ batchId: conflict.batchId, transferId: conflict.transferId, choice, applyToAll })))
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
    showRows: (window) => act(async () => unwrap(await bridge['transfers/window'](window))),
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
