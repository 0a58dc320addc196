/**
 * The search scenario's operations, for cubetaDriver.ts (issue 11, "Search")
 *
 * - `search-bucket`: a fresh data folder (no index), then one search through the real
 *   `search/start` call: the search service lists the bucket into its index while it
 *   tests every page (cold); then the same search again, answered from the index (warm).
 *   Times run from the call to the first `search/results` event with a match, and to the
 *   event that says done.
 * - `index-build`: the bucket index at 1,000,000 keys from generated rows (no server),
 *   written page by page through the index file's own calls as a listing writes it: the
 *   file's size, the process's growth while writing it, and the time. Kept in bench/.cache.
 * - `search-index`: that index copied into a fresh data folder as the service keeps it
 *   (its owner set to this run's profile, its date to now, so no refresh starts), then
 *   each query through `search/start`, warm.
 */
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { createHash, randomUUID } from 'node:crypto'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { DatabaseSync } from 'node:sqlite'
import type { IndexStatus, SearchResults } from '../src-main/contract/bridge'
import { openIndexFile } from '../src-main/services/bucketIndex/indexFile'
import type { IndexedObject } from '../src-main/services/bucketIndex/indexedObject'

interface DriverServer {
  endpoint: string
  accessKeyId: string
  secretAccessKey: string
  region: string
}
export type SearchJob =
  | { op: 'search-bucket'; server: DriverServer; bucket: string; query: string; timeoutMs: number }
  | { op: 'index-build'; server: DriverServer; path: string; keys: number; timeoutMs: number }
  | { op: 'search-index'; server: DriverServer; path: string; bucket: string; queries: string[]; timeoutMs: number }

interface SearchApp {
  profileId: string
  dataDir: string
  call(name: 'search/start' | 'index/status', input: unknown): Promise<unknown>
  listeners: Set<(name: string, payload: unknown) => void>
  close(): Promise<void>
}
export interface SearchContext {
  startApp(server: DriverServer): Promise<SearchApp>
  log(line: string): void
}

interface Timing {
  firstMs: number | null
  allMs: number
  matched: number
  events: number
}

/** One search through the bridge, timed from the call to its first match and to done. */
function timedSearch(app: SearchApp, bucket: string, query: string, timeoutMs: number): Promise<Timing> {
  const searchId = randomUUID()
  return new Promise((resolve, reject) => {
    let firstMs: number | null = null
    let events = 0
    const finish = (error: Error | null, timing?: Timing) => {
      clearTimeout(timer)
      app.listeners.delete(onEvent)
      if (error) reject(error)
      else resolve(timing!)
    }
    const onEvent = (name: string, payload: unknown) => {
      if (name !== 'search/results') return
      const r = payload as SearchResults
      if (r.searchId !== searchId) return
      events++
      if (firstMs === null && r.entries.length > 0) firstMs = performance.now() - start
      if (r.error) finish(new Error(`search “${query}” failed: ${r.error.code}: ${r.error.message}`))
      else if (r.done) finish(null, { firstMs, allMs: performance.now() - start, matched: r.matched, events })
    }
    app.listeners.add(onEvent)
    const timer = setTimeout(() => finish(new Error(`search “${query}” did not finish within ${timeoutMs / 1000} s`)), timeoutMs)
    const start = performance.now()
    const request = { searchId, profileId: app.profileId, bucket, scope: '', query, caseSensitive: false, minSize: null, maxSize: null, modifiedAfter: null, modifiedBefore: null, type: 'any' }
    app.call('search/start', request).catch((error: Error) => finish(error))
  })
}

async function searchBucket(j: Extract<SearchJob, { op: 'search-bucket' }>, ctx: SearchContext) {
  const app = await ctx.startApp(j.server)
  const cold = await timedSearch(app, j.bucket, j.query, j.timeoutMs)
  const status = (await app.call('index/status', { profileId: app.profileId, bucket: j.bucket })) as IndexStatus
  if (status.state !== 'ready') throw new Error(`after the cold search the index is “${status.state}”, not ready`)
  const warm = await timedSearch(app, j.bucket, j.query, j.timeoutMs)
  if (warm.matched !== cold.matched) throw new Error(`warm search matched ${warm.matched}, cold ${cold.matched}`)
  await app.close()
  return { cold, warm, keyCount: status.keyCount }
}

/** The generated bucket: six years, 997 albums, numbered names, four extensions. */
const keyOf = (n: number) => `media/${2019 + (n % 6)}/album-${String(n % 997).padStart(3, '0')}/Foto_${String(n).padStart(7, '0')}.${['jpg', 'png', 'css', 'txt'][n % 4]}`

function indexBuild(j: Extract<SearchJob, { op: 'index-build' }>) {
  rmSync(dirname(j.path), { recursive: true, force: true })
  mkdirSync(dirname(j.path), { recursive: true })
  const file = openIndexFile(j.path, { profileId: 'bench', bucket: 'bench-index' })
  const keys = Array.from({ length: j.keys }, (_, n) => keyOf(n)).sort()
  const idle = process.memoryUsage.rss()
  let peak = idle
  const started = performance.now()
  const gen = file.beginGeneration()
  for (let start = 0; start < j.keys; start += 1000) {
    const page: IndexedObject[] = keys.slice(start, start + 1000).map((key, i) => ({ key, size: ((start + i) * 7919) % 5_000_000, etag: 'd41d8cd98f00b204e9800998ecf8427e', modified: 1_700_000_000_000 + i * 1000, storageClass: null }))
    file.putPage(page, gen)
    peak = Math.max(peak, process.memoryUsage.rss())
  }
  file.finishGeneration(gen, new Date().toISOString())
  const buildMs = performance.now() - started
  file.close()
  const bytes = ['', '-wal'].reduce((sum, s) => sum + (statSync(`${j.path}${s}`, { throwIfNoEntry: false })?.size ?? 0), 0)
  return { keys: j.keys, buildMs, bytes, rssGrowth: peak - idle }
}

async function searchIndex(j: Extract<SearchJob, { op: 'search-index' }>, ctx: SearchContext) {
  const app = await ctx.startApp(j.server)
  // Where the bucket index service keeps this profile's and bucket's file (bucketIndexService.ts).
  const target = join(app.dataDir, 'bucket-index', `${createHash('sha256').update(`${app.profileId}\n${j.bucket}`).digest('hex').slice(0, 32)}.sqlite`)
  mkdirSync(dirname(target), { recursive: true })
  copyFileSync(j.path, target)
  const db = new DatabaseSync(target)
  const setMeta = db.prepare('INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)')
  setMeta.run('profileId', app.profileId)
  setMeta.run('bucket', j.bucket)
  setMeta.run('builtAt', new Date().toISOString())
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
  db.close()
  const status = (await app.call('index/status', { profileId: app.profileId, bucket: j.bucket })) as IndexStatus
  if (status.state !== 'ready' || status.stale) throw new Error(`the copied index is “${status.state}”${status.stale ? ', stale' : ''}`)
  const searches: Record<string, Timing> = {}
  for (const query of j.queries) {
    searches[query] = await timedSearch(app, j.bucket, query, j.timeoutMs)
    ctx.log(`warm “${query}” on ${status.keyCount} keys: first ${searches[query]!.firstMs?.toFixed(1) ?? '—'} ms, ${searches[query]!.matched} in ${searches[query]!.allMs.toFixed(0)} ms`)
  }
  await app.close()
  return { keyCount: status.keyCount, searches }
}

export function runSearchJob(job: SearchJob, ctx: SearchContext) {
  return job.op === 'search-bucket' ? searchBucket(job, ctx) : job.op === 'index-build' ? Promise.resolve(indexBuild(job)) : searchIndex(job, ctx)
}
