import type { ObjectEntry } from '../../contract/bridge'
import type { SearchRequest, SearchResults } from '../../contract/bridge'
import { AppError } from '../../core/appError'
import type { EventHub } from '../../core/eventHub'
import type { BucketIndexes } from '../bucketIndex/bucketIndexService'
import { compareKeys, upperBound, type IndexFile } from '../bucketIndex/indexFile'
import type { IndexedObject } from '../bucketIndex/indexedObject'
import { prefixRanges, type KeyRange } from './prefixRanges'
import { compileSearch, type CompiledSearch } from './searchMatcher'

/** The window shows this many results at most, and says how many more matched. */
export const resultCap = 50_000
/** Rows per slice of an index scan: a few milliseconds of SQLite, then the event loop breathes. */
const sliceRows = 50_000
/** The first slice is small, so the first results come at once. */
const firstSliceRows = 2_000
/**
 * Until something has matched, a slice stops at its first few matches: they go out at
 * once instead of after the rest of a slice that may hold 25,000 more (at 1,000,000 keys,
 * `*.png` took ~0.8 s to its first result that way, most of it reading the slice's rows).
 */
const firstResultsAtMost = 200
const flushEveryMs = 100

/**
 * Search: the bucket index, scanned in key order, results streamed as they are found
 *
 * With a complete index the scan runs over it in slices, yielding between them, so the
 * main process keeps answering while 1,000,000 keys are read. While the index is still
 * being listed for the first time, the scan covers what is already written (keys up to
 * the build's last key), then tests every new page as it arrives: the first matches come
 * within the first page of the listing. Results go out as `search/results` events,
 * gathered for ~100 ms at a time.
 */
export function createSearchService(deps: { indexes: BucketIndexes; events: EventHub }) {
  const running = new Map<string, { cancelled: boolean; cancel(): void }>()

  async function run(request: SearchRequest, search: CompiledSearch, state: { cancelled: boolean }) {
    const { build } = deps.indexes.use(request.profileId, request.bucket)
    const live = build !== null && !build.refresh
    let matched = 0
    let pending: ObjectEntry[] = []
    let lastFlush = Date.now()
    let sentAny = false
    const emit = (done: boolean, error: SearchResults['error'] = null) => {
      sentAny ||= pending.length > 0
      deps.events.emit('search/results', { searchId: request.searchId, entries: pending, matched, capped: matched > resultCap, done, source: live ? 'listing' : 'index', error })
      pending = []
      lastFlush = Date.now()
    }
    const take = (objects: readonly IndexedObject[]) => {
      for (const o of objects) {
        if (!search.test(o)) continue
        matched++
        if (matched <= resultCap) pending.push(toEntry(o))
      }
      // The first matches go out at once; after that, ~10 events a second at most.
      if (pending.length > 0 && (!sentAny || pending.length >= 5_000 || Date.now() - lastFlush >= flushEveryMs)) emit(false)
    }

    // Pages that arrive while the index part is scanned wait here, in order; after it, each
    // is tested as it arrives, before the build writes it. A failure there is this search's.
    const queued: (readonly IndexedObject[])[] = []
    let asTheyCome = false
    let failure: { error: unknown } | null = null
    const onPage = (page: readonly IndexedObject[]) => {
      if (!asTheyCome) queued.push(page)
      else if (!state.cancelled && !failure) {
        try {
          take(page)
        } catch (error) {
          failure = { error }
        }
      }
    }
    const stopListening = live ? build.onPage(onPage) : () => undefined
    const upTo = live ? build.lastKey : null
    const read = <T>(work: (file: IndexFile) => T): T => deps.indexes.read(request.profileId, request.bucket, work)

    /** One key range of the index, in slices; false once the scan has passed what is written. */
    const scanRange = async ({ low, high }: KeyRange, firstRows: number): Promise<boolean> => {
      let after: string | null = null
      for (let rows = firstRows; !state.cancelled; rows = sliceRows) {
        const boundary = read((f) => f.keyAfter(after, low, high, rows - 1))
        // While the bucket is listed, never past the last key written: the pages after it come as events.
        const pastWritten = upTo !== null && (boundary === null || compareKeys(boundary, upTo) > 0)
        const end = pastWritten ? upTo : boundary
        const limit = matched === 0 ? firstResultsAtMost : null
        const rowsFound = read((f) => f.slice(search.sql, { after, low, upTo: end, high }, limit))
        take(rowsFound)
        // Stopped at the limit: the rest of this slice comes next, from the last row read.
        if (limit !== null && rowsFound.length === limit) {
          after = rowsFound.at(-1)!.key
          continue
        }
        await breathe()
        if (pastWritten) return boundary === null && compareKeys(upTo!, high) >= 0
        if (boundary === null) return true
        after = boundary
      }
      return false
    }

    try {
      if (!live || upTo !== null) {
        // A path glob such as "media/2021/**" reads only the keys that can start that way.
        const ranges = prefixRanges((from) => read((f) => f.firstKeyFrom(from, upperBound(request.scope))), request.scope, search.leading, request.caseSensitive)
        let firstRows = firstSliceRows
        for (const range of ranges) {
          if (state.cancelled || !(await scanRange(range, firstRows))) break
          firstRows = sliceRows
        }
      }
      if (live) {
        while (queued.length > 0 && !state.cancelled) take(queued.shift()!)
        asTheyCome = true
        while (!state.cancelled && !build.done && !failure) await Promise.race([build.finished, nextPage(build)])
        if (failure) throw failure.error
      }
      if (!state.cancelled) emit(true)
    } finally {
      stopListening()
    }
  }

  return {
    start(request: SearchRequest): { searchId: string } {
      running.get(request.searchId)?.cancel?.()
      const state = {
        cancelled: false,
        cancel() {
          state.cancelled = true
        },
      }
      running.set(request.searchId, state)
      const search = compileSearch(request)
      void run(request, search, state)
        .catch((error) => {
          const bridge = error instanceof AppError ? error.toBridge() : { code: 'search-failed', message: 'The search stopped.', hint: 'Try again.' }
          deps.events.emit('search/results', { searchId: request.searchId, entries: [], matched: 0, capped: false, done: true, source: 'index', error: bridge })
        })
        .finally(() => {
          if (running.get(request.searchId) === state) running.delete(request.searchId)
        })
      return { searchId: request.searchId }
    },
    cancel(searchId: string): { cancelled: boolean } {
      const state = running.get(searchId)
      state?.cancel()
      running.delete(searchId)
      return { cancelled: state !== undefined }
    },
  }
}

function toEntry(o: IndexedObject): ObjectEntry {
  return {
    key: o.key,
    name: o.key.slice(o.key.lastIndexOf('/') + 1),
    kind: 'object',
    size: o.size,
    lastModified: o.modified === null ? null : new Date(o.modified).toISOString(),
    storageClass: o.storageClass ?? 'STANDARD',
  }
}

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

function nextPage(build: { onPage(listener: () => void): () => void }): Promise<void> {
  return new Promise((resolve) => {
    const stop = build.onPage(() => {
      stop()
      resolve()
    })
  })
}
