import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { IndexStatus } from '../../contract/bridge'
import type { BridgeError } from '../../contract/bridge'
import { AppError } from '../../core/appError'
import type { EventHub } from '../../core/eventHub'
import { mapWithConcurrency } from '../../core/async/workerPool'
import type { ScopeFor } from '../objects/bucketScope'
import { DamagedIndexError, discardIndexFile, openIndexFile, type IndexFile } from './indexFile'
import type { IndexedObject } from './indexedObject'
import { headIndexed, listRecursively } from './recursiveListing'

/** A listing older than this is refreshed in the background the next time it is used. */
export const staleAfterMs = 15 * 60_000
/** Cubeta's own writes are checked with one HEAD each up to this many keys… */
const headAtMost = 200
/** …and by listing their folder up to this many keys; beyond, the index is marked stale. */
const relistAtMost = 20_000

export interface Build {
  /** The last key written to the index by this run: listings come in key order. */
  lastKey: string | null
  listed: number
  /** The listing ended (finished, failed or cancelled). */
  done: boolean
  /** The index had a complete listing before this run began (it is a refresh). */
  refresh: boolean
  /** Each page as it is written, for searches that run while the index is built. */
  onPage(listener: (page: readonly IndexedObject[]) => void): () => void
  finished: Promise<void>
}

/** What only this service sees of a build. */
interface Internal {
  abort: AbortController
  /** The generation its rows carry, begun (and the file made) on first need. */
  generation(): number
}

interface Entry {
  profileId: string
  bucket: string
  file: IndexFile | null
  build: (Build & Internal) | null
  error: BridgeError | null
  notice: IndexStatus['notice']
  /** Cubeta's own change was too large to apply: refresh on next use. */
  forcedStale: boolean
  emitTimer: NodeJS.Timeout | null
}

/**
 * The bucket index: one SQLite file per profile and bucket, in the data folder
 *
 * Built on demand from a recursive listing (first search, first sync), refreshed in the
 * background when it is older than `staleAfterMs`, and patched after Cubeta's own
 * uploads, deletes and renames (the `objects/changed` event). A refresh writes each row
 * again with a new generation number and drops the rows it didn't see only at the end,
 * so searches keep answering from the old listing meanwhile. Files hold keys, sizes,
 * ETags, dates and storage classes: never a secret. A file that can't be opened, or
 * belongs to someone else, is thrown away and rebuilt, and the status says so once.
 */
export function createBucketIndexes(deps: { dataDir: string; scopeFor: ScopeFor; events: EventHub; now?: () => number; log?: (line: string) => void }) {
  const now = deps.now ?? Date.now
  const entries = new Map<string, Entry>()
  const folder = join(deps.dataDir, 'bucket-index')

  const pathOf = (profileId: string, bucket: string) => join(folder, `${createHash('sha256').update(`${profileId}\n${bucket}`).digest('hex').slice(0, 32)}.sqlite`)

  function entryFor(profileId: string, bucket: string): Entry {
    const id = `${profileId}\n${bucket}`
    let entry = entries.get(id)
    if (!entry) {
      entry = { profileId, bucket, file: null, build: null, error: null, notice: null, forcedStale: false, emitTimer: null }
      entries.set(id, entry)
    }
    return entry
  }

  /** The open file, opened (or rebuilt from nothing when damaged) on first use. */
  function fileOf(entry: Entry): IndexFile {
    if (entry.file) return entry.file
    const path = pathOf(entry.profileId, entry.bucket)
    try {
      entry.file = openIndexFile(path, entry)
    } catch (error) {
      if (!(error instanceof DamagedIndexError)) throw error
      deps.log?.(`[cubeta] bucket index for ${entry.bucket} was unreadable (${error.message}); rebuilding it`)
      discardIndexFile(path)
      entry.notice = 'rebuilt-damaged'
      entry.file = openIndexFile(path, entry)
    }
    return entry.file
  }

  /** Any SQLite failure after opening means a damaged file: start over, say so. */
  function guarded<T>(entry: Entry, work: (file: IndexFile) => T): T {
    try {
      return work(fileOf(entry))
    } catch (error) {
      if (error instanceof AppError) throw error
      deps.log?.(`[cubeta] bucket index for ${entry.bucket} failed (${String((error as Error).message)}); rebuilding it`)
      entry.file?.close()
      entry.file = null
      discardIndexFile(pathOf(entry.profileId, entry.bucket))
      entry.notice = 'rebuilt-damaged'
      return work(fileOf(entry))
    }
  }

  function statusOf(entry: Entry): IndexStatus {
    const meta = guarded(entry, (file) => ({ ...file.meta(), count: file.count() }))
    return {
      profileId: entry.profileId,
      bucket: entry.bucket,
      state: entry.build ? 'building' : entry.error ? 'failed' : meta.complete ? 'ready' : 'none',
      keyCount: meta.count,
      builtAt: meta.builtAt,
      stale: meta.complete && isStale(entry, meta),
      complete: meta.complete,
      listed: entry.build?.listed ?? 0,
      notice: entry.notice,
      error: entry.error,
    }
  }

  function isStale(entry: Entry, meta: { builtAt: string | null }): boolean {
    const builtAtMs = meta.builtAt ? Date.parse(meta.builtAt) : null
    return entry.forcedStale || builtAtMs === null || now() - builtAtMs > staleAfterMs
  }

  const emitNow = (entry: Entry) => {
    if (entry.emitTimer) clearTimeout(entry.emitTimer)
    entry.emitTimer = null
    deps.events.emit('index/status', statusOf(entry))
  }
  // A build writes a page every few milliseconds; the window hears ~4 times a second.
  const emitSoon = (entry: Entry) => {
    entry.emitTimer ??= setTimeout(() => emitNow(entry), 250)
  }

  /** No file yet: a first listing's request goes out before the file is made. */
  const noFileYet = (entry: Entry) => entry.file === null && !existsSync(pathOf(entry.profileId, entry.bucket))

  function startBuild(entry: Entry): Build {
    if (entry.build) return entry.build
    const firstListing = noFileYet(entry)
    const listeners = new Set<(page: readonly IndexedObject[]) => void>()
    const abort = new AbortController()
    let gen: number | null = null
    const build: Build & Internal = {
      lastKey: null,
      listed: 0,
      done: false,
      refresh: !firstListing && fileOf(entry).meta().complete,
      abort,
      generation: () => (gen ??= guarded(entry, (f) => f.beginGeneration())),
      onPage(listener) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      finished: Promise.resolve(),
    }
    entry.build = build
    entry.error = null
    build.finished = (async () => {
      try {
        const scope = await deps.scopeFor(entry.profileId, entry.bucket)
        for await (const page of listRecursively(scope, '', abort.signal)) {
          // Searches test the page before it is written: the first results don't wait for the file.
          for (const listener of listeners) listener(page)
          const generation = build.generation()
          guarded(entry, (f) => f.putPage(page, generation))
          build.listed += page.length
          build.lastKey = page.at(-1)?.key ?? build.lastKey
          emitSoon(entry)
          if (abort.signal.aborted) return
        }
        const generation = build.generation()
        guarded(entry, (f) => f.finishGeneration(generation, new Date(now()).toISOString()))
        entry.forcedStale = false
      } catch (error) {
        if (!abort.signal.aborted) entry.error = error instanceof AppError ? error.toBridge() : { code: 'index-failed', message: 'Cubeta could not list the bucket.', hint: 'Try again.' }
      } finally {
        build.done = true
        entry.build = null
        for (const listener of listeners) listener([])
        listeners.clear()
        emitNow(entry)
      }
    })()
    // Soon, not now: the status opens (or makes) the file, and a first listing's request goes out first.
    if (firstListing) setImmediate(() => entry.build === build && emitNow(entry))
    else emitNow(entry)
    return build
  }

  /** Cubeta wrote or deleted these keys: bring the index in line without a full listing. */
  async function applyChange(change: { profileId: string; bucket: string; written: string[]; deleted: string[]; prefixes: string[] }) {
    const entry = entries.get(`${change.profileId}\n${change.bucket}`)
    // Only indexes already in use are patched; the others are built fresh when needed.
    if (stopping.signal.aborted || (!entry?.file && !entry?.build)) return
    // A first listing that has no page yet: its generation now, so the patch outlives its end.
    entry.build?.generation()
    const scope = await deps.scopeFor(change.profileId, change.bucket)
    // Closed meanwhile: a write now would open the index file again after close.
    if (stopping.signal.aborted) return
    guarded(entry, (file) => file.removeKeys(change.deleted))
    const prefixes = [...change.prefixes]
    if (change.written.length > headAtMost) prefixes.push(commonFolder(change.written))
    else {
      const found = await mapWithConcurrency(change.written, 8, (key) => headIndexed(scope, key))
      if (stopping.signal.aborted) return
      guarded(entry, (file) => {
        file.putObjects(found.filter((o): o is IndexedObject => o !== null))
        file.removeKeys(change.written.filter((_key, i) => found[i] === null))
      })
    }
    for (const prefix of prefixes) {
      const seen: IndexedObject[] = []
      const abort = new AbortController()
      for await (const page of listRecursively(scope, prefix, AbortSignal.any([abort.signal, stopping.signal]))) {
        seen.push(...page)
        if (seen.length > relistAtMost) {
          abort.abort()
          entry.forcedStale = true
          break
        }
      }
      if (stopping.signal.aborted) return
      if (!abort.signal.aborted) guarded(entry, (file) => file.replaceUnder(prefix, seen))
    }
    emitNow(entry)
  }

  /** Patches run in the background, after the change they follow: close waits for them. */
  const stopping = new AbortController()
  const patching = new Set<Promise<void>>()
  const unsubscribe = deps.events.subscribe((event, payload) => {
    if (event !== 'objects/changed') return
    const patch: Promise<void> = applyChange(payload as Parameters<typeof applyChange>[0])
      .catch((error) => {
        if (!stopping.signal.aborted) deps.log?.(`[cubeta] bucket index update failed: ${String((error as Error)?.message ?? error)}`)
      })
      .finally(() => patching.delete(patch))
    patching.add(patch)
  })

  return {
    status: (profileId: string, bucket: string) => statusOf(entryFor(profileId, bucket)),

    refresh(profileId: string, bucket: string): IndexStatus {
      const entry = entryFor(profileId, bucket)
      startBuild(entry)
      return statusOf(entry)
    },

    async cancel(profileId: string, bucket: string): Promise<IndexStatus> {
      const entry = entryFor(profileId, bucket)
      const build = entry.build
      if (build) {
        build.abort.abort()
        await build.finished
      }
      return statusOf(entry)
    },

    /**
     * For a search: the build that is filling the index when it is not complete yet.
     * Starts that build, or a background refresh when it is stale.
     */
    use(profileId: string, bucket: string): { build: Build | null } {
      const entry = entryFor(profileId, bucket)
      if (noFileYet(entry)) return { build: startBuild(entry) }
      // From the meta alone: counting the keys walks the whole table, and a search waits for this.
      const meta = guarded(entry, (file) => file.meta())
      if (!meta.complete || isStale(entry, meta)) startBuild(entry)
      return { build: entry.build }
    },

    /** Index reads that may meet a damaged file go through here, so it is rebuilt, not fatal. */
    read<T>(profileId: string, bucket: string, work: (file: IndexFile) => T): T {
      return guarded(entryFor(profileId, bucket), work)
    },

    applyChange,

    async close() {
      unsubscribe()
      stopping.abort()
      await Promise.all(patching)
      for (const entry of entries.values()) {
        entry.build?.abort.abort()
        await entry.build?.finished
        if (entry.emitTimer) clearTimeout(entry.emitTimer)
        entry.file?.close()
        entry.file = null
      }
    },
  }
}

export type BucketIndexes = ReturnType<typeof createBucketIndexes>

/** The deepest folder every key is in ("" when they share none). */
export function commonFolder(keys: readonly string[]): string {
  if (keys.length === 0) return ''
  let common = keys[0]!.slice(0, keys[0]!.lastIndexOf('/') + 1)
  for (const key of keys) {
    while (common !== '' && !key.startsWith(common)) common = common.slice(0, common.slice(0, -1).lastIndexOf('/') + 1)
  }
  return common
}
