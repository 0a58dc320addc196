import { create } from 'zustand'
import type { BridgeError, ListingPage, ObjectEntry } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { parentOf, rangeBetween, type Sort } from './folderRows'

interface FolderState {
  profileId: string | null
  bucket: string | null
  prefix: string
  entries: ObjectEntry[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  /** True while later pages are still arriving. */
  loadingMore: boolean
  error: BridgeError | null
  history: string[]
  sort: Sort
  filter: string
  selected: Set<string>
  anchor: string | null
  open(profileId: string, bucket: string, prefix?: string, remember?: boolean): void
  refresh(select?: string[]): void
  up(): void
  back(): void
  setSort(sort: Sort): void
  setFilter(filter: string): void
  click(key: string, modifiers: { toggle: boolean; extend: boolean }, order: string[]): void
  select(keys: string[]): void
}

/**
 * The folder being browsed
 *
 * Pages are pulled one after another and appended as they arrive, so the first rows show
 * at once and a 100,000-key folder streams in. Opening another folder bumps `generation`,
 * which stops the previous pull: a slow old listing can never overwrite a new one.
 */
let generation = 0

export const useFolderStore = create<FolderState>()((set, get) => {
  async function pull(profileId: string, bucket: string, prefix: string, select: string[] = []) {
    const mine = ++generation
    set({ profileId, bucket, prefix, entries: [], status: 'loading', loadingMore: true, error: null, selected: new Set(select), anchor: select[0] ?? null })
    let token: string | null = null
    try {
      do {
        const page: ListingPage = unwrap(await bridge['objects/listPage']({ profileId, bucket, prefix, token }))
        if (mine !== generation) return
        set((s) => ({ entries: s.entries.concat(page.entries), status: 'ready' }))
        token = page.nextToken
      } while (token)
      set({ loadingMore: false })
    } catch (caught) {
      if (mine === generation) set({ status: 'error', loadingMore: false, error: asBridgeError(caught) })
    }
  }

  return {
    profileId: null,
    bucket: null,
    prefix: '',
    entries: [],
    status: 'idle',
    loadingMore: false,
    error: null,
    history: [],
    sort: { key: 'name', direction: 'ascending' },
    filter: '',
    selected: new Set(),
    anchor: null,

    open(profileId, bucket, prefix = '', remember = true) {
      const s = get()
      const same = s.profileId === profileId && s.bucket === bucket
      set({ history: remember && same && s.prefix !== prefix ? [...s.history, s.prefix] : same ? s.history : [], filter: '' })
      void pull(profileId, bucket, prefix)
    },
    refresh(select = []) {
      const { profileId, bucket, prefix } = get()
      if (profileId && bucket) void pull(profileId, bucket, prefix, select)
    },
    up() {
      const { profileId, bucket, prefix } = get()
      if (profileId && bucket && prefix) get().open(profileId, bucket, parentOf(prefix))
    },
    back() {
      const { profileId, bucket, history } = get()
      const previous = history[history.length - 1]
      if (!profileId || !bucket || previous === undefined) return
      set({ history: history.slice(0, -1) })
      get().open(profileId, bucket, previous, false)
    },
    setSort: (sort) => set({ sort }),
    setFilter: (filter) => set({ filter }),
    click(key, { toggle, extend }, order) {
      const { selected, anchor } = get()
      if (extend) return set({ selected: new Set(rangeBetween(order, anchor, key)) })
      if (toggle) {
        const next = new Set(selected)
        if (next.has(key)) next.delete(key)
        else next.add(key)
        return set({ selected: next, anchor: key })
      }
      set({ selected: new Set([key]), anchor: key })
    },
    select: (keys) => set({ selected: new Set(keys), anchor: keys[0] ?? null }),
  }
})
