import { create } from 'zustand'
import type { BridgeError, FileTypeFilter, IndexStatus, SearchResults } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { useBrowserStore } from '../browser/browserStore'

export interface SearchForm {
  query: string
  where: 'bucket' | 'folder'
  type: FileTypeFilter
  /** MB, as typed; empty for no limit. */
  minSizeMb: string
  /** yyyy-mm-dd from the date field; empty for no limit. */
  modifiedAfter: string
  caseSensitive: boolean
}

interface SearchState {
  form: SearchForm
  searchId: string | null
  matched: number
  capped: boolean
  source: SearchResults['source'] | null
  error: BridgeError | null
  index: IndexStatus | null
  edit(change: Partial<SearchForm>): void
  run(): Promise<void>
  clear(): void
  /** Follows the open bucket's index status and the result events; returns the unsubscribe. */
  follow(profileId: string, bucket: string): () => void
  refreshIndex(): Promise<void>
  cancelIndex(): Promise<void>
}

const emptyForm: SearchForm = { query: '', where: 'bucket', type: 'any', minSizeMb: '', modifiedAfter: '', caseSensitive: false }
const newId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `search-${Date.now()}-${Math.random().toString(36).slice(2)}`)

/**
 * Search over the bucket index, shown in the file browser's own grid
 *
 * A search hands the grid over to its results (browserStore.showResults), so selection,
 * Copy URL, download, delete and properties work on results exactly as on a folder.
 * Results stream in as `search/results` events; a newer search or leaving the results
 * drops the older one's events.
 */
export const useSearchStore = create<SearchState>()((set, get) => ({
  form: emptyForm,
  searchId: null,
  matched: 0,
  capped: false,
  source: null,
  error: null,
  index: null,

  edit: (change) => set({ form: { ...get().form, ...change } }),

  async run() {
    const browser = useBrowserStore.getState()
    const location = browser.location
    if (!location) return
    const { form } = get()
    const previous = get().searchId
    if (previous) void bridge['search/cancel']({ searchId: previous })
    const searchId = newId()
    const scope = form.where === 'folder' ? location.prefix : ''
    const minSize = form.minSizeMb.trim() === '' ? null : Math.max(0, Math.round(Number(form.minSizeMb.replace(',', '.')) * 1024 * 1024))
    set({ searchId, matched: 0, capped: false, source: null, error: null })
    browser.showResults({ scope, rerun: () => void get().run() })
    try {
      unwrap(
        await bridge['search/start']({
          searchId,
          profileId: location.profileId,
          bucket: location.bucket,
          scope,
          query: form.query,
          caseSensitive: form.caseSensitive,
          minSize: Number.isFinite(minSize) ? minSize : null,
          maxSize: null,
          modifiedAfter: form.modifiedAfter ? new Date(`${form.modifiedAfter}T00:00:00`).toISOString() : null,
          modifiedBefore: null,
          type: form.type,
        }),
      )
    } catch (caught) {
      set({ error: asBridgeError(caught), searchId: null })
      useBrowserStore.getState().addResults([], true)
    }
  },

  clear() {
    const previous = get().searchId
    if (previous) void bridge['search/cancel']({ searchId: previous })
    set({ searchId: null, matched: 0, capped: false, source: null, error: null })
    useBrowserStore.getState().leaveResults()
  },

  follow(profileId, bucket) {
    void bridge['index/status']({ profileId, bucket }).then((r) => r.ok && set({ index: r.value }))
    const stopStatus = bridge.on('index/status', (status) => {
      if (status.profileId === profileId && status.bucket === bucket) set({ index: status })
    })
    const stopResults = bridge.on('search/results', (batch) => {
      if (batch.searchId !== get().searchId) return
      // The grid left the results (a folder was opened): this search is over.
      if (!useBrowserStore.getState().results) return
      useBrowserStore.getState().addResults(batch.entries, batch.done)
      set({ matched: batch.matched, capped: batch.capped, source: batch.source, error: batch.error })
    })
    return () => {
      stopStatus()
      stopResults()
      set({ form: emptyForm, searchId: null, index: null, error: null })
    }
  },

  async refreshIndex() {
    const location = useBrowserStore.getState().location
    if (location) set({ index: unwrap(await bridge['index/refresh']({ profileId: location.profileId, bucket: location.bucket })) })
  },
  async cancelIndex() {
    const location = useBrowserStore.getState().location
    if (location) set({ index: unwrap(await bridge['index/cancel']({ profileId: location.profileId, bucket: location.bucket })) })
  },
}))
