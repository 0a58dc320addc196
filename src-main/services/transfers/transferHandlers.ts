import type { S3Client } from '@aws-sdk/client-s3'
import type { EventHub } from '../../core/eventHub'
import type { Handlers } from '../../core/handlers'
import { AppError } from '../../core/appError'
import type { DiskFiles } from './diskFiles'
import { createPagePieces } from './pagePieces'
import { listSourceFiles } from './sourceFiles'
import { createTransferEngine, type TransferEngine } from './transferEngine'
import type { TransferJournal } from './transferJournal'

type TransferCalls =
  | 'transfers/uploadPaths'
  | 'transfers/uploadDeclared'
  | 'transfers/pageBytes'
  | 'transfers/resolveConflict'
  | 'transfers/cancel'
  | 'transfers/retryFailed'
  | 'transfers/resume'
  | 'transfers/clearFinished'
  | 'transfers/list'
  | 'transfers/window'

/** The bridge calls of the transfer queue, over one engine shared by both shells. */
export function createTransferHandlers(deps: {
  s3For(profileId: string, bucket: string): Promise<S3Client>
  events: EventHub
  maxConcurrentFiles: number
  journal: TransferJournal
  /** Electron: the files the window was handed, by id. Null in browser mode, where the page sends every file's bytes. */
  diskFiles: DiskFiles | null
}): { handlers: Pick<Handlers, TransferCalls>; engine: TransferEngine } {
  const engine = createTransferEngine({
    s3For: deps.s3For,
    maxConcurrentFiles: deps.maxConcurrentFiles,
    journal: deps.journal,
    onChange: (snapshot) => {
      deps.events.emit('transfers/changed', snapshot)
      // What a batch wrote, for the bucket index (and anyone else keeping a copy).
      for (const batch of snapshot.finishedBatches) {
        if (batch.keys.length > 0) deps.events.emit('objects/changed', { profileId: batch.profileId, bucket: batch.bucket, written: batch.keys, deleted: [], prefixes: [] })
      }
    },
    requestBytes: (transferId) => deps.events.emit('transfers/needBytes', { transferId }),
  })
  const pieces = createPagePieces(engine)
  const handlers: Pick<Handlers, TransferCalls> = {
    'transfers/uploadPaths': async ({ profileId, bucket, prefix, files, cacheControl }) => {
      if (!deps.diskFiles) throw new AppError('paths-not-allowed', 'In browser mode the page sends the files itself.', 'Drop the files onto the list, or use the Upload button.')
      const paths = deps.diskFiles.take(files.map((f) => f.fileId))
      const items = files.map((f, i) => ({ path: paths[i] as string, relativePath: f.relativePath }))
      const sources = await listSourceFiles(items).catch((error: NodeJS.ErrnoException) => {
        throw new AppError('source-unreadable', `Cubeta could not read ${error.path ?? 'a dropped file'}.`, 'Check that the file still exists and that you may read it.')
      })
      if (sources.length === 0) throw new AppError('nothing-to-upload', 'There are no files in what was dropped.', 'Drop files, or folders that contain files.')
      const { batchId } = engine.enqueue(profileId, bucket, prefix, sources.map((f) => ({ relativePath: f.relativePath, size: f.size, source: { kind: 'path', path: f.absolutePath } })), cacheControl)
      return { batchId }
    },
    'transfers/uploadDeclared': async ({ profileId, bucket, prefix, files, cacheControl }) =>
      engine.enqueue(profileId, bucket, prefix, files.map((f) => ({ ...f, source: { kind: 'page' } })), cacheControl),
    'transfers/pageBytes': (piece) => pieces.accept(piece),
    'transfers/resolveConflict': async ({ batchId, transferId, choice, applyToAll }) => engine.resolveConflict(batchId, transferId, choice, applyToAll),
    'transfers/cancel': ({ ids }) => engine.cancel(ids),
    'transfers/retryFailed': async () => engine.retryFailed(),
    'transfers/resume': async ({ ids }) => engine.resume(ids),
    'transfers/clearFinished': async () => engine.clearFinished(),
    'transfers/list': async () => engine.snapshot(),
    'transfers/window': async (window) => engine.showRows(window),
  }
  return { handlers, engine }
}
