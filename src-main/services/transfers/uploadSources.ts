import { stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { AppError } from '../../core/appError'

/** Where an upload's bytes come from: a file on disk, or the page (browser mode, or a file not on disk in Electron). */
export type UploadSource = { kind: 'path'; path: string; modifiedMs?: number } | { kind: 'page' }

/** What the byte sources need to know of a transfer. */
interface SourcedTransfer {
  id: string
  name: string
  size: number
  source: UploadSource
  abort: AbortController | null
}

/**
 * A resumed upload must read the very file it started with: same size, same date.
 * Returns the file's modification time, which the journal keeps for that check.
 */
export async function unchangedSince(transfer: SourcedTransfer): Promise<number> {
  const source = transfer.source as Extract<UploadSource, { kind: 'path' }>
  const info = await stat(source.path).catch(() => null)
  if (!info) throw new AppError('source-missing', `${transfer.name} is no longer on disk.`, 'Discard this upload, or put the file back and resume.', { name: transfer.name })
  if (info.size !== transfer.size || (source.modifiedMs !== undefined && Math.abs(info.mtimeMs - source.modifiedMs) > 1)) {
    throw new AppError('source-changed', `${transfer.name} changed since its upload began.`, 'Upload it again; the partial upload has been removed.', { name: transfer.name })
  }
  return info.mtimeMs
}

/**
 * Browser mode's byte source: the engine asks the page for a file, and the page's PUT
 * body is handed over here. A page that never sends fails the file after a while,
 * instead of holding a slot forever.
 */
export function createPageStreams(options: { requestBytes(transferId: string): void; timeoutMs: number }) {
  const waiting = new Map<string, (stream: Readable) => void>()
  return {
    bytesFor(transfer: SourcedTransfer): Promise<Readable> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(transfer.id)
          reject(new AppError('page-gone', `The page stopped sending ${transfer.name}.`, 'Keep the Cubeta page open while files upload, then retry the failed ones.', { name: transfer.name }))
        }, options.timeoutMs)
        const signal = transfer.abort?.signal
        waiting.set(transfer.id, (stream) => {
          clearTimeout(timer)
          // A cancel must not wait for the page to send the rest: reading stops now.
          signal?.addEventListener('abort', () => stream.destroy(signal.reason instanceof Error ? signal.reason : undefined), { once: true })
          resolve(stream)
        })
        transfer.abort?.signal.addEventListener('abort', () => {
          clearTimeout(timer)
          waiting.delete(transfer.id)
          reject(transfer.abort?.signal.reason)
        })
        options.requestBytes(transfer.id)
      })
    },
    /** The page's PUT body for a transfer; false when nothing asked for it. */
    provide(transferId: string, stream: Readable): boolean {
      const take = waiting.get(transferId)
      if (!take) return false
      take(stream)
      return true
    },
    forget(transferId: string) {
      waiting.delete(transferId)
    },
  }
}
