import type { Readable } from 'node:stream'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPagePieces } from '../../src-main/services/transfers/pagePieces'

/**
 * Electron's `transfers/pageBytes`: pieces of a page-held file become the one stream the
 * engine reads, as browser mode's PUT body is. Pieces come in order, each answered only
 * once the engine has taken it, and a page that stops sending fails the file in words.
 */
function fakeEngine(waiting: string[] = ['t1']) {
  const streams = new Map<string, Readable>()
  let end!: () => void
  const ended = new Promise<undefined>((resolve) => (end = () => resolve(undefined)))
  return {
    streams,
    end,
    engine: {
      provideBytes: (id: string, stream: Readable) => (waiting.includes(id) ? (streams.set(id, stream), true) : false),
      settled: () => ended,
    },
  }
}
const piece = (offset: number, text: string, last = false) => ({ transferId: 't1', offset, bytes: new TextEncoder().encode(text), last })
const readAll = async (stream: Readable) => {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString()
}
afterEach(() => vi.useRealTimers())

describe('page pieces', () => {
  it('join into the stream the engine reads, in order', async () => {
    const { engine, streams } = fakeEngine()
    const pieces = createPagePieces(engine)
    expect(await pieces.accept(piece(0, 'hola '))).toEqual({ received: 5 })
    const reading = readAll(streams.get('t1')!)
    expect(await pieces.accept(piece(5, 'mundo', true))).toEqual({ received: 10 })
    expect(await reading).toBe('hola mundo')
  })

  it('are refused for a transfer the engine is not waiting for, or once it has ended', async () => {
    const { engine, end } = fakeEngine()
    const pieces = createPagePieces(engine)
    await expect(pieces.accept({ ...piece(0, 'x'), transferId: 'other' })).rejects.toMatchObject({ code: 'not-expected' })
    await expect(pieces.accept(piece(3, 'x'))).rejects.toMatchObject({ code: 'not-expected' }) // a later piece, never a first
    await pieces.accept(piece(0, 'abc'))
    end() // cancelled: the engine stopped reading
    await new Promise((r) => setTimeout(r, 0))
    await expect(pieces.accept(piece(3, 'def'))).rejects.toMatchObject({ code: 'not-expected' })
  })

  it('out of order fail the file instead of uploading a scrambled one', async () => {
    const { engine, streams } = fakeEngine()
    const pieces = createPagePieces(engine)
    await pieces.accept(piece(0, 'abc'))
    await expect(pieces.accept(piece(7, 'xyz'))).rejects.toMatchObject({ code: 'not-expected' })
    await expect(readAll(streams.get('t1')!)).rejects.toMatchObject({ code: 'bytes-out-of-order' })
  })

  it('are answered only when the engine has taken them, so the page never runs ahead', async () => {
    const { engine, streams } = fakeEngine()
    const pieces = createPagePieces(engine)
    await pieces.accept({ ...piece(0, ''), bytes: new Uint8Array(8) })
    let answered = false
    const big = pieces.accept({ ...piece(8, ''), bytes: new Uint8Array(1024 * 1024) }).then(() => (answered = true))
    await new Promise((r) => setTimeout(r, 10))
    expect(answered).toBe(false)
    streams.get('t1')!.resume() // the engine starts reading
    await big
    expect(answered).toBe(true)
  })

  it('fail the file in words when the page stops sending', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { engine, streams } = fakeEngine()
    const pieces = createPagePieces(engine, { idleMs: 1000 })
    await pieces.accept(piece(0, 'abc'))
    const reading = readAll(streams.get('t1')!).catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(999)
    expect(streams.get('t1')!.destroyed).toBe(false)
    await vi.advanceTimersByTimeAsync(2)
    expect(await reading).toMatchObject({ code: 'page-gone' })
  })
})
