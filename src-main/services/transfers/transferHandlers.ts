import type { S3Client } from '@aws-sdk/client-s3'
import type { EventHub } from '../../router/eventHub'
import type { Handlers } from '../../router/router'
import { AppError } from '../../router/appError'
import { listSourceFiles } from './sourceFiles'
import { createTransferEngine, type TransferEngine } from './transferEngine'
import type { TransferJournal } from './transferJournal'

type TransferCalls =
  | 'transfers/uploadPaths'
  | 'transfers/uploadDeclared'
  | 'transfers/resolveConflict'
  | 'transfers/cancel'
  | 'transfers/retryFailed'
  | 'transfers/resume'
  | 'transfers/clearFinished'
  | 'transfers/list'

/** The bridge calls of the transfer queue, over one engine shared by both shells. */
export function createTransferHandlers(deps: {
  s3For(profileId: string, bucket: string): Promise<S3Client>
  events: EventHub
  maxConcurrentFiles: number
  journal: TransferJournal
  /** Only Electron hands over paths; in browser mode the page sends the bytes itself. */
  allowPaths: boolean
}): { handlers: Pick<Handlers, TransferCalls>; engine: TransferEngine } {
  const engine = createTransferEngine({
    s3For: deps.s3For,
    maxConcurrentFiles: deps.maxConcurrentFiles,
    journal: deps.journal,
    onChange: (snapshot) => deps.events.emit('transfers/changed', snapshot),
    requestBytes: (transferId) => deps.events.emit('transfers/needBytes', { transferId }),
  })
  const handlers: Pick<Handlers, TransferCalls> = {
    'transfers/uploadPaths': async ({ profileId, bucket, prefix, paths, cacheControl }) => {
      if (!deps.allowPaths) throw new AppError('paths-not-allowed', 'In browser mode the page sends the files itself.', 'Drop the files onto the list, or use the Upload button.')
      const files = await listSourceFiles(paths).catch((error: NodeJS.ErrnoException) => {
        throw new AppError('source-unreadable', `Cubeta could not read ${error.path ?? 'a dropped file'}.`, 'Check that the file still exists and that you may read it.')
      })
      if (files.length === 0) throw new AppError('nothing-to-upload', 'There are no files in what was dropped.', 'Drop files, or folders that contain files.')
      const { batchId } = engine.enqueue(profileId, bucket, prefix, files.map((f) => ({ relativePath: f.relativePath, size: f.size, source: { kind: 'path', path: f.absolutePath } })), cacheControl)
      return { batchId }
    },
    'transfers/uploadDeclared': async ({ profileId, bucket, prefix, files, cacheControl }) =>
      engine.enqueue(profileId, bucket, prefix, files.map((f) => ({ ...f, source: { kind: 'page' } })), cacheControl),
    'transfers/resolveConflict': async ({ batchId, choice, applyToAll }) => engine.resolveConflict(batchId, choice, applyToAll),
    'transfers/cancel': ({ ids }) => engine.cancel(ids),
    'transfers/retryFailed': async () => engine.retryFailed(),
    'transfers/resume': async ({ ids }) => engine.resume(ids),
    'transfers/clearFinished': async () => engine.clearFinished(),
    'transfers/list': async () => engine.snapshot(),
  }
  return { handlers, engine }
}
