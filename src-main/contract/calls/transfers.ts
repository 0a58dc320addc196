import { z } from 'zod'
import type { BridgeError } from '../shared/bridgeError'
import { call } from '../shared/callSpec'
import { bucketName, cacheControl, empty, id, prefix } from '../shared/schemaParts'


export type TransferStatus =
  | 'queued'
  | 'checking'
  | 'waiting-conflict'
  | 'running'
  /** The server can't be reached; the file retries by itself. */
  | 'waiting-network'
  /** Cubeta stopped in the middle of this multipart upload: resume or discard it. */
  | 'interrupted'
  | 'done'
  | 'failed'
  | 'cancelled'
  | 'skipped'

export interface TransferView {
  id: string
  batchId: string
  direction: 'upload'
  bucket: string
  /** The object key it goes to (after a "keep both" rename). */
  key: string
  /** The path the user dropped, relative to the drop: "fotos/2024/gato.png". */
  name: string
  size: number
  transferred: number
  status: TransferStatus
  /** Bytes per second, smoothed; null when not running. */
  speed: number | null
  etaSeconds: number | null
  error: BridgeError | null
  /**
   * For an interrupted upload: `disk` resumes from the same file by itself; `page`
   * (browser mode) needs the user to choose the file again.
   */
  resume: 'disk' | 'page' | null
  /** Where it stands in the queue (0 = first), for a panel that shows only a window of rows. */
  position: number
}

export interface TransferTotals {
  count: number
  active: number
  done: number
  failed: number
  interrupted: number
  bytes: number
  transferred: number
  /** 0..1 across unfinished work, or null when idle: drives the taskbar/dock progress. */
  progress: number | null
  /** How many files are in each state. */
  states: Record<TransferStatus, number>
  /** Bytes per second across the files running now; null when none has a speed yet. */
  speed: number | null
  /** Time left for the unfinished work at that speed. */
  etaSeconds: number | null
}

/** One upload (a drop, a sync run) as a run of rows in the queue, in queue order. */
export interface TransferBatchRange {
  batchId: string
  bucket: string
  /** Position of its first row, and how many rows it has. */
  first: number
  count: number
}

export interface ConflictQuestion {
  batchId: string
  transferId: string
  key: string
  existingSize: number | null
  existingModified: string | null
  /** How many more in this batch are still unasked, for "apply to all". */
  remaining: number
}

/**
 * What the panel sees: the totals, and only the rows it shows, never the whole queue (a
 * queue of 50,000 files would cost more to send than to upload). `transfers` holds the
 * rows of the window the panel asked for (`transfers/window`) and the rows that need the
 * user (running, failed, waiting for an answer, interrupted), at most a few hundred,
 * in queue order.
 */
export interface TransfersSnapshot {
  transfers: TransferView[]
  totals: TransferTotals
  /** Every batch still in the queue, so the panel can lay out all rows without having them. */
  batches: TransferBatchRange[]
  /** The rows of the queue `transfers` covers in full (rows needing the user are added beyond it). */
  window: { offset: number; limit: number }
  conflict: ConflictQuestion | null
  /** Batches that just finished, with the keys they wrote and what happened to their files, so the browser can refresh and select them. */
  finishedBatches: { batchId: string; profileId: string; bucket: string; prefix: string; keys: string[]; done: number; failed: number; notSent: number }[]
  /** Files the page holds whose bytes the queue will not ask for again (done, skipped, cancelled, cleared): the page may let them go. */
  released: string[]
}

export const conflictChoice = z.enum(['overwrite', 'skip', 'keep-both'])
export type ConflictChoice = z.infer<typeof conflictChoice>

/** Where an upload goes under the prefix ("fotos/2024/gato.png"); never climbs out of it. */
const uploadRelativePath = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => !p.split('/').some((part) => part === '..' || part === '.'), 'a path cannot contain . or .. parts')
/** S3's largest object, 5 TiB. */
const uploadSize = z.number().int().min(0).max(5 * 1024 ** 4)

/** A file whose bytes only the page has (browser mode, or not on disk in Electron), declared before its bytes. */
const declaredFile = z.object({ relativePath: uploadRelativePath, size: uploadSize }).strict()
export type DeclaredFile = z.input<typeof declaredFile>

/**
 * Electron: a file (or folder) on disk that the user dropped or picked in this window,
 * by the id the main process gave it (`diskFileIds`), never by its path: the window
 * can't name a file the user didn't hand it. `relativePath` is where it goes under the
 * prefix, "fotos/2024/gato.png" for a file of a dropped folder.
 */
const pickedDiskFile = z.object({ fileId: id, relativePath: uploadRelativePath }).strict()
export type PickedDiskFile = z.input<typeof pickedDiskFile>

/** The most rows a window may ask for: a panel shows a few dozen. */
export const maxWindowRows = 500

const maxPageBytesPiece = 8 * 1024 * 1024

const into = { profileId: id, bucket: bucketName, prefix, cacheControl }
const transferIds = z.array(id).max(100_000)

export const transferCalls = {
  /** Electron: files on disk, streamed from there by the main process; a folder id recurses. Each id works once. */
  'transfers/uploadPaths': call<{ batchId: string }>()(
    z.object({ ...into, files: z.array(pickedDiskFile).min(1).max(100_000) }).strict(),
  ),
  /** Files only the page holds (browser mode; in Electron, e.g. an image dragged from a web page): declare them; the engine then asks for each one's bytes (transfers/needBytes). */
  'transfers/uploadDeclared': call<{ batchId: string; transferIds: string[] }>()(
    z.object({ ...into, files: z.array(declaredFile).min(1).max(100_000) }).strict(),
  ),
  /** Electron: the next piece of a declared file's bytes, in order (browser mode PUTs the whole file to /api/upload/<id>). Answers once the engine has taken the piece. */
  'transfers/pageBytes': call<{ received: number }>()(
    z
      .object({
        transferId: id,
        offset: uploadSize,
        bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= maxPageBytesPiece, 'send at most 8 MiB at once'),
        last: z.boolean(),
      })
      .strict(),
  ),
  'transfers/resolveConflict': call<TransfersSnapshot>()(z.object({ batchId: id, transferId: id, choice: conflictChoice, applyToAll: z.boolean() }).strict()),
  'transfers/cancel': call<TransfersSnapshot>()(z.object({ ids: transferIds.nullable() }).strict()),
  'transfers/retryFailed': call<TransfersSnapshot>()(empty),
  /** Continue interrupted uploads from the parts already on the server. */
  'transfers/resume': call<TransfersSnapshot>()(z.object({ ids: transferIds.min(1) }).strict()),
  'transfers/clearFinished': call<TransfersSnapshot>()(empty),
  'transfers/list': call<TransfersSnapshot>()(empty),
  /** The rows the panel shows (`offset` from the first row of the queue): this and every later snapshot carry them. */
  'transfers/window': call<TransfersSnapshot>()(z.object({ offset: z.number().int().min(0).max(10_000_000), limit: z.number().int().min(1).max(maxWindowRows) }).strict()),
}

export interface TransferEvents {
  'transfers/changed': TransfersSnapshot
  /** The engine is ready for a page-held file's bytes: browser mode PUTs them to /api/upload/<id>, Electron sends transfers/pageBytes. */
  'transfers/needBytes': { transferId: string }
}
