/**
 * Folder sync (issue 11): remembered pairs, compare first (a preview), then act
 */
import { z } from 'zod'
import type { BridgeError } from '../shared/bridgeError'
import { call } from '../shared/callSpec'
import { bucketName, empty, id, prefix } from '../shared/schemaParts'

// ---- Sync ----

export type SyncDirection = 'upload' | 'download'
/** quick: size and modified time; exact: content checksums (MD5/ETag, x-amz-checksum-*). */
export type SyncRule = 'quick' | 'exact'

export interface CacheRule {
  /** A glob on the path below the folder; `{hash}` stands for 6 or more hex digits. */
  pattern: string
  cacheControl: string
}

export interface SyncPair {
  id: string
  profileId: string
  bucket: string
  /** The bucket folder, "" or ending in "/". */
  prefix: string
  /** The local folder (desktop), or the picked folder's name (browser mode). */
  folder: string
  /** Browser mode: the folder comes from the page's folder picker each time. */
  folderFromPage: boolean
  direction: SyncDirection
  rule: SyncRule
  cacheRules: CacheRule[]
  lastRun: { at: string; uploaded: number; downloaded: number; deleted: number; failed: number } | null
}


export type SyncAction = 'upload' | 'download' | 'delete-remote' | 'delete-local'

export interface SyncItem {
  /** The path below the folder, with "/" separators (the key below the prefix). */
  path: string
  size: number
  action: SyncAction | 'same' | 'newer-here' | 'skipped'
  /** new | changed | only-there | same-size-date | same-checksum | a skip or conflict reason. */
  reason: string
}

export interface SyncCategory {
  count: number
  bytes: number
  /** The first items (at most 1,000), for the preview's lists. */
  items: SyncItem[]
}

export interface SyncPreview {
  previewId: string
  pair: SyncPair
  /** What the rule was really able to do: exact may fall back to size + date for some files. */
  rule: SyncRule
  transfers: SyncCategory
  /** Only on the other side: deleted only when the user ticks it and confirms. */
  deletions: SyncCategory
  unchanged: SyncCategory
  /** The destination's copy is newer: left alone unless the user chooses to overwrite. */
  newerAtDestination: SyncCategory
  /** Names that can't exist on the other side, with the reason. */
  skipped: SyncCategory
  /** Compared by size and date because no checksum could be compared exactly. */
  notExact: SyncCategory
}

export interface SyncRunProgress {
  runId: string
  pairId: string
  phase: 'transferring' | 'deleting' | 'finished' | 'failed' | 'cancelled'
  done: number
  total: number
  bytesDone: number
  bytesTotal: number
  failed: { path: string; error: BridgeError }[]
}

const cacheRule = z
  .object({
    pattern: z.string().trim().min(1, 'enter a pattern').max(512),
    cacheControl: z.string().trim().min(1, 'enter a Cache-Control value').max(1024),
  })
  .strict()
const pairDraft = z
  .object({
    id: id.nullable(),
    profileId: id,
    bucket: bucketName,
    prefix,
    folder: z.string().trim().min(1, 'choose a folder').max(4096),
    folderFromPage: z.boolean(),
    direction: z.enum(['upload', 'download']),
    rule: z.enum(['quick', 'exact']),
    cacheRules: z.array(cacheRule).max(50),
  })
  .strict()
export type SyncPairDraft = z.output<typeof pairDraft>

/** A file the page picked for a browser-mode sync: its path below the folder, size and date. */
const declaredLocalFile = z
  .object({
    path: z
      .string()
      .min(1)
      .max(4096)
      .refine((path) => !path.split('/').some((part) => part === '..' || part === '.' || part === ''), 'a path below the folder has no empty, . or .. parts'),
    size: z.number().int().min(0).max(5 * 1024 ** 4),
    modifiedMs: z.number().min(0).max(8.64e15),
  })
  .strict()
export type DeclaredLocalFile = z.output<typeof declaredLocalFile>

export const syncCalls = {
  'sync/pairs': call<SyncPair[]>()(empty),
  'sync/savePair': call<SyncPair>()(pairDraft),
  'sync/deletePair': call<{ id: string }>()(z.object({ id }).strict()),
  /** Electron: asks for a local folder (the OS dialog); null when cancelled. */
  'sync/chooseFolder': call<{ folder: string | null }>()(empty),
  /** Compares both sides and says what a run would do; nothing moves. */
  'sync/preview': call<SyncPreview>()(z.object({ pairId: id, files: z.array(declaredLocalFile).max(100_000).nullable() }).strict()),
  /** Acts on a preview. Deletes happen only with deleteCount equal to the preview's count. */
  /** `batchId`: the upload batch of its files in the transfer queue (null when nothing goes up). */
  'sync/run': call<{ runId: string; batchId: string | null; transferIds: { path: string; transferId: string }[] }>()(
    z.object({ previewId: id, deleteCount: z.number().int().min(0).nullable(), overwriteNewer: z.boolean() }).strict(),
  ),
  'sync/cancel': call<{ cancelled: boolean }>()(z.object({ runId: id }).strict()),
  /** Browser mode, download direction: a one-time link to the folder as one streamed .zip. */
  'sync/zipLink': call<{ url: string; skipped: SyncItem[] }>()(z.object({ profileId: id, bucket: bucketName, prefix }).strict()),
}

export interface SyncEvents {
  'sync/progress': SyncRunProgress
}
