import { create } from 'zustand'
import type { BridgeError, ListingPage, ObjectEntry } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { parentPrefix } from './breadcrumbs'
import { emptySelection, pruneSelection, rowKeyFor, type SelectionState } from './selectionModel'
import { collatorFor, compareEntries, defaultSort, mergeSorted, nextSort, sortEntries, type SortColumn, type SortState } from './sortRows'

/**
 * The open folder: where we are, its rows as they arrive, the sort, filter and selection
 *
 * A folder is pulled page by page (1,000 rows each) and every page is shown as soon as it
 * arrives, so the first rows of a 100,000-row folder appear at once. Each listing has a
 * generation number; opening anything else bumps it, which stops the old pull after its
 * current page (the call itself cannot be taken back) and drops that page.
 *
 * For other features (uploads): `refresh()` reloads the folder, `select(keys)` selects
 * the rows that stand for those keys and scrolls to the first.
 */
export interface BrowserLocation {
  profileId: string
  bucket: string
  prefix: string
}

interface BrowserState {
  location: BrowserLocation | null
  /** Prefixes visited before, for Back. */
  history: string[]
  /** Every loaded row, sorted by `sort`, folders first. */
  rows: ObjectEntry[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: BridgeError | null
  sort: SortState
  filter: string
  selection: SelectionState
  /** Bumped to ask the view to scroll the focused row into view. */
  revealRequest: number
  language: string
  /**
   * Set while the grid shows search results instead of the folder (features/search):
   * the same grid, selection and actions, over keys from anywhere below `scope`.
   */
  results: { scope: string; rerun: () => void } | null

  open(profileId: string, bucket: string): void
  navigate(prefix: string): void
  back(): void
  up(): void
  /** Reloads the folder; resolves when the whole listing is in (or was superseded). */
  refresh(): Promise<void>
  /** Stops pulling and forgets the folder (the bucket was closed). */
  close(): void
  sortBy(column: SortColumn): void
  setFilter(text: string): void
  setSelection(selection: SelectionState): void
  /** Selects the rows standing for these keys (subfolders for deeper keys) and reveals the first. */
  select(keys: string[]): void
  setLanguage(language: string): void
  /** Search results take the grid: empty at first, rows added as they are found. */
  showResults(results: { scope: string; rerun: () => void }): void
  addResults(entries: ObjectEntry[], done: boolean): void
  /** Back to the folder, as it was. */
  leaveResults(): void
  /** A result's own folder, opened with the object selected. */
  revealInFolder(key: string): void
}

export const useBrowserStore = create<BrowserState>()((set, get) => {
  let generation = 0
  const compare = () => compareEntries(get().sort, collatorFor(get().language))

  /** Pulls every page of the current location; a newer listing makes it stop. */
  const pull = async (keepRowsUntilFirstPage: boolean): Promise<void> => {
    const location = get().location
    if (!location) return
    const mine = ++generation
    set({ status: 'loading', error: null, ...(keepRowsUntilFirstPage ? {} : { rows: [] }) })
    let token: string | null
    let first = true
    const seen = new Set<string>()
    const ask = (from: string | null) => {
      const request = bridge['objects/listPage']({ ...location, token: from })
      request.catch(() => undefined) // awaited below, unless a newer listing took over
      return request
    }
    try {
      let next = ask(null)
      do {
        const page: ListingPage = unwrap(await next)
        if (mine !== generation) return
        // The next page is asked for before this one is sorted and merged, so the
        // server's time and ours overlap instead of adding up.
        if (page.nextToken) next = ask(page.nextToken)
        // A key listed twice (a folder that was written between two pages) shows once.
        const fresh = page.entries.filter((entry) => !seen.has(entry.key))
        for (const entry of fresh) seen.add(entry.key)
        const sorted = sortEntries(fresh, compare())
        set({ rows: first ? sorted : mergeSorted(get().rows, sorted, compare()) })
        first = false
        token = page.nextToken
      } while (token)
      set({ status: 'ready', selection: pruneSelection(get().selection, seen) })
    } catch (caught) {
      if (mine === generation) set({ status: 'error', error: asBridgeError(caught), ...(first ? { rows: [] } : {}) })
    }
  }

  const go = (location: BrowserLocation, history: string[]) => {
    set({ location, history, filter: '', selection: emptySelection, rows: [], results: null })
    void pull(false)
  }

  return {
    location: null,
    history: [],
    rows: [],
    status: 'idle',
    error: null,
    sort: defaultSort,
    filter: '',
    selection: emptySelection,
    revealRequest: 0,
    language: 'en',
    results: null,

    open(profileId, bucket) {
      const current = get().location
      if (current && current.profileId === profileId && current.bucket === bucket) return
      go({ profileId, bucket, prefix: '' }, [])
    },

    navigate(prefix) {
      const current = get().location
      if (!current || current.prefix === prefix) return
      go({ ...current, prefix }, [...get().history, current.prefix])
    },

    back() {
      const { location, history } = get()
      const previous = history.at(-1)
      if (!location || previous === undefined) return
      go({ ...location, prefix: previous }, history.slice(0, -1))
    },

    up() {
      const location = get().location
      const parent = location ? parentPrefix(location.prefix) : null
      if (location && parent !== null) get().navigate(parent)
    },

    refresh: async () => {
      const results = get().results
      if (results) return results.rerun()
      return pull(true)
    },

    close() {
      generation++
      set({ location: null, history: [], rows: [], status: 'idle', error: null, filter: '', selection: emptySelection, results: null })
    },

    showResults(results) {
      // A folder listing still running stops adding rows.
      generation++
      set({ results, rows: [], status: 'loading', error: null, filter: '', selection: emptySelection })
    },

    addResults(entries, done) {
      if (!get().results) return
      const sorted = sortEntries(entries, compare())
      set({ rows: mergeSorted(get().rows, sorted, compare()), ...(done ? { status: 'ready' } : {}) })
    },

    leaveResults() {
      if (!get().results) return
      set({ results: null })
      void pull(false)
    },

    revealInFolder(key) {
      const location = get().location
      if (!location) return
      go({ ...location, prefix: parentPrefix(key) ?? '' }, [...get().history, location.prefix])
      get().select([key])
    },

    sortBy(column) {
      const sort = nextSort(get().sort, column)
      set({ sort, rows: sortEntries(get().rows, compareEntries(sort, collatorFor(get().language))), revealRequest: get().revealRequest + 1 })
    },

    setFilter: (filter) => set({ filter }),

    setSelection: (selection) => set({ selection }),

    select(keys) {
      const prefix = get().location?.prefix ?? ''
      const rowKeys = [...new Set(keys.map((key) => rowKeyFor(prefix, key)).filter((key): key is string => key !== null))]
      const first = rowKeys[0] ?? null
      set({ selection: { selected: new Set(rowKeys), anchor: first, focus: first }, revealRequest: get().revealRequest + 1 })
    },

    setLanguage(language) {
      if (language === get().language) return
      set({ language, rows: sortEntries(get().rows, compareEntries(get().sort, collatorFor(language))) })
    },
  }
})
