import { PassThrough } from 'node:stream'
import { AppError } from '../../core/appError'
import type { TransferEngine } from './transferEngine'

/**
 * A declared file's bytes arriving in pieces (Electron's `transfers/pageBytes`)
 *
 * Browser mode streams a page-held file as one PUT body; Electron's IPC has no request
 * bodies, so the page sends pieces in order and each call answers once the engine has
 * taken its piece: the page never runs ahead of the upload, and a 5 GB file never sits
 * in memory. The pieces feed one stream per transfer, handed to the engine as the PUT
 * body would be. If the page stops sending, the stream fails after `idleMs`, and the
 * engine reports the file as failed in words; if the transfer ends (cancelled, failed),
 * the stream is dropped and later pieces are refused.
 */
export interface Piece {
  transferId: string
  offset: number
  bytes: Uint8Array
  last: boolean
}

interface Open {
  stream: PassThrough
  received: number
  idle: NodeJS.Timeout | null
}

const notExpected = () => new AppError('not-expected', 'The upload queue is not waiting for this file.', 'Retry it from the transfer panel.')

export function createPagePieces(engine: Pick<TransferEngine, 'provideBytes' | 'settled'>, { idleMs = 60_000 } = {}) {
  const open = new Map<string, Open>()

  const close = (transferId: string, entry: Open) => {
    if (entry.idle) clearTimeout(entry.idle)
    if (open.get(transferId) === entry) open.delete(transferId)
  }

  const start = (transferId: string): Open => {
    const stream = new PassThrough()
    if (!engine.provideBytes(transferId, stream)) throw notExpected()
    const entry: Open = { stream, received: 0, idle: null }
    open.set(transferId, entry)
    // The engine sees a failure through its own read; without a listener here, failing a
    // stream it isn't reading yet would be an uncaught 'error' event.
    stream.on('error', () => undefined)
    stream.on('close', () => close(transferId, entry))
    // A cancelled or failed transfer stops reading: drop its stream so no piece waits on it.
    void engine.settled(transferId).then(() => {
      if (!stream.writableFinished) stream.destroy()
      close(transferId, entry)
    })
    return entry
  }

  return {
    async accept({ transferId, offset, bytes, last }: Piece): Promise<{ received: number }> {
      const entry = open.get(transferId) ?? (offset === 0 ? start(transferId) : null)
      if (!entry || entry.stream.destroyed) throw notExpected()
      if (entry.idle) clearTimeout(entry.idle)
      entry.idle = null
      if (offset !== entry.received) {
        entry.stream.destroy(new AppError('bytes-out-of-order', 'The window sent a file out of order.', 'Retry it from the transfer panel.'))
        throw notExpected()
      }
      entry.received += bytes.byteLength
      const wantsMore = entry.stream.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
      if (last) {
        entry.stream.end()
        close(transferId, entry)
        return { received: entry.received }
      }
      if (!wantsMore) await drained(entry.stream)
      if (entry.stream.destroyed) throw notExpected()
      entry.idle = setTimeout(() => {
        entry.stream.destroy(new AppError('page-gone', 'The window stopped sending this file.', 'Keep Cubeta open while files upload, then retry the failed ones.'))
      }, idleMs)
      return { received: entry.received }
    },
  }
}

function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done)
      stream.off('close', done)
      resolve()
    }
    stream.on('drain', done)
    stream.on('close', done)
  })
}
