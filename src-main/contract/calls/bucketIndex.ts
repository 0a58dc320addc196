/**
 * The bucket index and search (issue 11)
 *
 * The index is a local copy of a bucket's key list (services/bucketIndex); search runs
 * over it and streams results as `search/results` events.
 */
import { z } from 'zod'
import type { BridgeError } from '../shared/bridgeError'
import { call } from '../shared/callSpec'
import { bucketName, id, prefix } from '../shared/schemaParts'
import type { ObjectEntry } from './objects'

// ---- The bucket index ----

export type IndexState = 'none' | 'building' | 'ready' | 'failed'

/** What the window may know about one bucket's local index: counts and times, never a path. */
export interface IndexStatus {
  profileId: string
  bucket: string
  state: IndexState
  /** Keys in the index now (while building: so far). */
  keyCount: number
  /** When the last complete listing finished (ISO 8601), or null when never. */
  builtAt: string | null
  /** Older than the refresh age: searches still answer from it while it refreshes. */
  stale: boolean
  /** True once a full listing has finished at least once. */
  complete: boolean
  /** While building: keys listed in this run. */
  listed: number
  /** Set once when a damaged or foreign index file was thrown away and rebuilt. */
  notice: 'rebuilt-damaged' | null
  error: BridgeError | null
}

// ---- Search ----


export interface SearchResults {
  searchId: string
  /** New matches since the last event, in key order. */
  entries: ObjectEntry[]
  /** All matches so far (also those beyond the cap). */
  matched: number
  /** More matched than are sent: the window shows the first ones and says so. */
  capped: boolean
  done: boolean
  /** Answered from a complete index, or while the index was still being listed. */
  source: 'index' | 'listing'
  error: BridgeError | null
}

export const fileTypeFilter = z.enum(['any', 'image', 'video', 'audio', 'document', 'code', 'archive'])
export type FileTypeFilter = z.infer<typeof fileTypeFilter>

const bucketRef = z.object({ profileId: id, bucket: bucketName }).strict()
const size = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable()
const isoDate = z.iso.datetime({ offset: true }).nullable()

const searchRequest = z
  .object({
    /** Chosen by the window, to match result events to this search. */
    searchId: id,
    profileId: id,
    bucket: bucketName,
    /** "" for the whole bucket, or a folder ("fotos/2024/") and everything below it. */
    scope: prefix,
    /** Text to find in keys, or a glob (`*.png`, `2024/**\/foto*`). */
    query: z.string().max(1024),
    caseSensitive: z.boolean(),
    minSize: size,
    maxSize: size,
    /** ISO 8601; inclusive. */
    modifiedAfter: isoDate,
    modifiedBefore: isoDate,
    type: fileTypeFilter,
  })
  .strict()
export type SearchRequest = z.input<typeof searchRequest>

export const bucketIndexCalls = {
  'index/status': call<IndexStatus>()(bucketRef),
  /** Starts a listing now (first build or refresh); answers at once with the status. */
  'index/refresh': call<IndexStatus>()(bucketRef),
  /** Stops a listing after its current page; what was listed stays searchable. */
  'index/cancel': call<IndexStatus>()(bucketRef),
  /** Results arrive as search/results events; builds the index first when there is none. */
  'search/start': call<{ searchId: string }>()(searchRequest),
  'search/cancel': call<{ cancelled: boolean }>()(z.object({ searchId: id }).strict()),
}

export interface BucketIndexEvents {
  'index/status': IndexStatus
  'search/results': SearchResults
  /** Cubeta itself wrote or deleted these keys (or everything under these prefixes). */
  'objects/changed': { profileId: string; bucket: string; written: string[]; deleted: string[]; prefixes: string[] }
}
