import { create } from 'zustand'
import type { BridgeError, CacheRule, SyncDirection, SyncPair, SyncPreview, SyncRule } from '../../../src-main/contract/bridge'
import { bridge, BridgeCallError, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { holdFiles } from '../transfers/pageUploads'
import { useTransfersStore } from '../transfers/transfersStore'
import { pickedFolder, prefixFromInput, type FolderEntry, type PickedFolder } from './pickedFolder'
import { deleteCountFor } from './syncChoices'
import { useSyncRunsStore } from './syncRunsStore'

export interface SyncTarget {
  profileId: string
  bucket: string
  prefix: string
}

export interface SyncForm {
  direction: SyncDirection
  prefixText: string
  rule: SyncRule
  hashedCache: boolean
}

type Step = 'setup' | 'comparing' | 'preview' | 'confirm-deletes'
type PageFile = FolderEntry & { file: File }
/** The page's picked files as folder entries: the path the picker gave, with its File. */
const entriesOf = (files: FileList): PageFile[] => [...files].map((file) => ({ relativePath: file.webkitRelativePath, size: file.size, lastModified: file.lastModified, file }))

interface SyncState {
  target: SyncTarget | null
  step: Step
  form: SyncForm
  /** Desktop: the folder the OS dialog gave. */
  diskFolder: string | null
  /** Browser mode: the folder the page's picker gave, with its files. */
  picked: PickedFolder<PageFile> | null
  pairs: SyncPair[]
  preview: SyncPreview | null
  alsoDelete: boolean
  overwriteNewer: boolean
  error: BridgeError | null
  open(target: SyncTarget): void
  close(): void
  edit(change: Partial<SyncForm>): void
  pickFromPage(files: FileList): void
  pickFromDisk(): Promise<void>
  compare(): Promise<void>
  /** A remembered pair, compared again (browser mode: with the folder just picked again). */
  compareAgain(pair: SyncPair, files?: FileList): Promise<void>
  forget(pair: SyncPair): Promise<void>
  back(): void
  setAlsoDelete(value: boolean): void
  setOverwriteNewer(value: boolean): void
  /** Runs the preview; with deletes ticked, the first call asks and the second acts. */
  run(): Promise<boolean>
}

/** The hashed-name rule of issue 11: `app.3f9a2c.css` never changes, so browsers may keep it. */
export const hashedNamesRule: CacheRule = { pattern: '*.{hash}.*', cacheControl: 'public, max-age=31536000, immutable' }

const inPage = () => !window.cubeta
const initialForm = (prefix: string): SyncForm => ({ direction: 'upload', prefixText: prefix, rule: inPage() ? 'quick' : 'exact', hashedCache: true })
const fail = (code: string, message: string, hint: string) => new BridgeCallError({ code, message, hint })

/**
 * Sync a folder: set up (or pick a remembered pair), compare, look, confirm, run
 *
 * Nothing moves before the preview is shown. Deletes need the box ticked and then a
 * second, explicit confirmation naming the count, which `sync/run` checks again.
 */
export const useSyncStore = create<SyncState>()((set, get) => {
  const loadPairs = async (target: SyncTarget) => {
    const all = unwrap(await bridge['sync/pairs']({}))
    set({ pairs: all.filter((p) => p.profileId === target.profileId && p.bucket === target.bucket) })
  }
  const comparePair = async (pair: SyncPair, picked: PickedFolder<PageFile> | null) => {
    set({ step: 'comparing', error: null, preview: null, alsoDelete: false, overwriteNewer: false })
    try {
      const preview = unwrap(await bridge['sync/preview']({ pairId: pair.id, files: pair.folderFromPage ? (picked?.files ?? []) : null }))
      set({ preview, picked, step: 'preview' })
    } catch (caught) {
      set({ error: asBridgeError(caught), step: 'setup' })
    }
  }
  return {
    target: null,
    step: 'setup',
    form: initialForm(''),
    diskFolder: null,
    picked: null,
    pairs: [],
    preview: null,
    alsoDelete: false,
    overwriteNewer: false,
    error: null,

    open(target) {
      set({ target, step: 'setup', form: initialForm(target.prefix), diskFolder: null, picked: null, preview: null, error: null, pairs: [] })
      void loadPairs(target).catch((caught) => set({ error: asBridgeError(caught) }))
    },
    close: () => set({ target: null, preview: null, picked: null }),
    edit: (change) => set({ form: { ...get().form, ...change } }),

    pickFromPage(files) {
      const picked = pickedFolder(entriesOf(files))
      set(picked ? { picked, error: null } : { picked: null, error: asBridgeError(fail('sync-no-files', 'The chosen folder has no files.', 'Choose a folder with files in it.')) })
    },
    async pickFromDisk() {
      try {
        const { folder } = unwrap(await bridge['sync/chooseFolder']({}))
        if (folder) set({ diskFolder: folder, error: null })
      } catch (caught) {
        set({ error: asBridgeError(caught) })
      }
    },

    async compare() {
      const { target, form, picked, diskFolder, pairs } = get()
      if (!target) return
      const folder = inPage() ? picked?.name : diskFolder
      if (!folder) {
        set({ error: asBridgeError(fail('sync-needs-folder', 'Choose the folder first.', 'Use “Choose folder…”.')) })
        return
      }
      const prefix = prefixFromInput(form.prefixText)
      const same = pairs.find((p) => p.prefix === prefix && p.folder === folder && p.direction === form.direction)
      try {
        const pair = unwrap(
          await bridge['sync/savePair']({
            id: same?.id ?? null,
            profileId: target.profileId,
            bucket: target.bucket,
            prefix,
            folder,
            folderFromPage: inPage(),
            direction: form.direction,
            rule: inPage() ? 'quick' : form.rule,
            cacheRules: form.hashedCache ? [hashedNamesRule] : [],
          }),
        )
        void loadPairs(target)
        await comparePair(pair, inPage() ? picked : null)
      } catch (caught) {
        set({ error: asBridgeError(caught), step: 'setup' })
      }
    },
    async compareAgain(pair, files) {
      let picked: PickedFolder<PageFile> | null = null
      if (pair.folderFromPage) {
        picked = files ? pickedFolder(entriesOf(files)) : null
        if (!picked || picked.name !== pair.folder) {
          set({ error: asBridgeError(fail('sync-needs-folder', `Choose ${pair.folder} again.`, 'Use “Compare again” and pick the same folder.')) })
          return
        }
      }
      set({ form: { direction: pair.direction, prefixText: pair.prefix, rule: pair.rule, hashedCache: pair.cacheRules.length > 0 } })
      await comparePair(pair, picked)
    },
    async forget(pair) {
      try {
        unwrap(await bridge['sync/deletePair']({ id: pair.id }))
        set({ pairs: get().pairs.filter((p) => p.id !== pair.id) })
      } catch (caught) {
        set({ error: asBridgeError(caught) })
      }
    },

    back: () => set({ step: get().step === 'confirm-deletes' ? 'preview' : 'setup', error: null }),
    setAlsoDelete: (alsoDelete) => set({ alsoDelete }),
    setOverwriteNewer: (overwriteNewer) => set({ overwriteNewer }),

    async run() {
      const { preview, alsoDelete, overwriteNewer, step, picked } = get()
      if (!preview) return false
      const deleteCount = deleteCountFor(preview, alsoDelete)
      if (deleteCount !== null && step !== 'confirm-deletes') {
        set({ step: 'confirm-deletes' })
        return false
      }
      try {
        const started = unwrap(await bridge['sync/run']({ previewId: preview.previewId, deleteCount, overwriteNewer }))
        const { pair } = preview
        useSyncRunsStore.getState().started(started.runId, { folder: pair.folder, bucket: pair.bucket, prefix: pair.prefix })
        if (picked) {
          const held = started.transferIds.filter((t) => picked.byPath.has(t.path))
          holdFiles(
            held.map((t) => t.transferId),
            held.map((t) => picked.byPath.get(t.path)!.file),
          )
        }
        if (started.batchId) useTransfersStore.getState().rememberBatch(started.batchId, { profileId: pair.profileId, bucket: pair.bucket, prefix: pair.prefix })
        useTransfersStore.getState().setPanelOpen(true)
        set({ target: null, preview: null, picked: null })
        return true
      } catch (caught) {
        set({ error: asBridgeError(caught), step: 'preview' })
        return false
      }
    },
  }
})
