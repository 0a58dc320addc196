import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { Backend } from '../../src-main/composition/backend'
import type { IndexStatus, SearchRequest, SearchResults } from '../../src-main/contract/bridge'
import type { ObjectEntry } from '../../src-main/contract/bridge'

/** Runs one search through the router and gathers its result events until it is done. */
export async function searchAll(backend: Backend, request: Omit<SearchRequest, 'searchId' | 'caseSensitive' | 'minSize' | 'maxSize' | 'modifiedAfter' | 'modifiedBefore' | 'type' | 'scope'> & Partial<SearchRequest>) {
  const searchId = `s-${Math.random().toString(36).slice(2)}`
  const batches: SearchResults[] = []
  const done = new Promise<void>((resolve) => {
    const stop = backend.events.subscribe((event, payload) => {
      if (event !== 'search/results' || (payload as SearchResults).searchId !== searchId) return
      batches.push(payload as SearchResults)
      if ((payload as SearchResults).done) {
        stop()
        resolve()
      }
    })
  })
  const full: SearchRequest = { searchId, scope: '', caseSensitive: false, minSize: null, maxSize: null, modifiedAfter: null, modifiedBefore: null, type: 'any', ...request }
  const started = await backend.router.dispatch('search/start', full)
  if (!started.ok) throw new Error(`search/start failed: ${started.error.code}`)
  await done
  const entries: ObjectEntry[] = batches.flatMap((b) => b.entries)
  const last = batches.at(-1)!
  return { keys: entries.map((e) => e.key), entries, batches, matched: last.matched, source: last.source, error: last.error }
}

/** Resolves with the first index/status event that passes `until`. */
export function nextIndexStatus(backend: Backend, until: (status: IndexStatus) => boolean): Promise<IndexStatus> {
  return new Promise((resolve) => {
    const stop = backend.events.subscribe((event, payload) => {
      if (event === 'index/status' && until(payload as IndexStatus)) {
        stop()
        resolve(payload as IndexStatus)
      }
    })
  })
}

/** Where the index of a profile's bucket lives (bucketIndexService's naming). */
export function indexFilePath(dataDir: string, profileId: string, bucket: string): string {
  return join(dataDir, 'bucket-index', `${createHash('sha256').update(`${profileId}\n${bucket}`).digest('hex').slice(0, 32)}.sqlite`)
}
