import { beforeAll, describe, expect, it } from 'vitest'
import type { BridgeResult, CubetaApi } from '../../../src-main/contract/bridge'
import { splitByDisk } from '../../../src-renderer/features/transfers/droppedFiles'

/**
 * The upload queue's store in Electron, against a fake `window.cubeta`
 *
 * A drop mixes files on disk (the preload gives them ids) with files only the page
 * holds, such as an image dragged from a web page (webUtils.getPathForFile answers ''
 * for it, so it gets null): the first go by id, the rest are declared and their bytes
 * sent in pieces when the engine asks, as browser mode sends them by PUT.
 */
const calls: { name: string; input: Record<string, unknown> }[] = []
const listeners = new Map<string, (payload: unknown) => void>()
const ok = <T>(value: T): Promise<BridgeResult<T>> => Promise.resolve({ ok: true, value })
const fakeApi = new Proxy({} as Record<string, unknown>, {
  get(_target, name: string) {
    if (name === 'on') return (event: string, listener: (payload: unknown) => void) => (listeners.set(event, listener), () => listeners.delete(event))
    if (name === 'diskFileIds') return (files: File[]) => ok(files.map((file) => (file.name === 'gato.png' ? 'id-gato' : null)))
    return (input: Record<string, unknown>) => {
      calls.push({ name, input })
      if (name === 'transfers/uploadDeclared') return ok({ batchId: 'b2', transferIds: ['t-meme'] })
      if (name === 'transfers/pageBytes') return ok({ received: 0 })
      if (name === 'transfers/list') return ok({ transfers: [], totals: { interrupted: 0 }, conflict: null, finishedBatches: [] })
      return ok({ batchId: 'b1' })
    }
  },
}) as unknown as CubetaApi

let store: typeof import('../../../src-renderer/features/transfers/transfersStore').useTransfersStore
beforeAll(async () => {
  ;(globalThis as { window?: unknown }).window = { cubeta: fakeApi }
  store = (await import('../../../src-renderer/features/transfers/transfersStore')).useTransfersStore
})
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const target = { profileId: 'p1', bucket: 'fotos-del-blog', prefix: 'media/' }

describe('splitByDisk', () => {
  it('keeps the order and the relative paths, and sends nothing by id that has none', () => {
    const a = { file: new File(['a'], 'a.png'), relativePath: 'album/a.png' }
    const b = { file: new File(['b'], 'b.png'), relativePath: 'b.png' }
    expect(splitByDisk([a, b], ['id-a', null])).toEqual({ onDisk: [{ fileId: 'id-a', relativePath: 'album/a.png' }], inPage: [b] })
    expect(splitByDisk([a, b], [null, null])).toEqual({ onDisk: [], inPage: [a, b] })
  })
})

describe('an Electron drop of a file on disk and an image from a web page', () => {
  it('uploads the first by id and the second by its bytes, in ordered pieces', async () => {
    const stop = store.getState().follow()
    const meme = new Uint8Array(9 * 1024 * 1024 + 5)
    for (let i = 0; i < meme.length; i += 4096) meme[i] = (i / 4096) % 251
    await store.getState().upload(target, [
      { file: new File(['gato'], 'gato.png'), relativePath: 'gato.png' },
      { file: new File([meme], 'meme.png'), relativePath: 'meme.png' },
    ])
    expect(store.getState().error).toBeNull()
    expect(calls.find((c) => c.name === 'transfers/uploadPaths')?.input).toEqual({ ...target, files: [{ fileId: 'id-gato', relativePath: 'gato.png' }], cacheControl: 'public, max-age=86400' })
    expect(calls.find((c) => c.name === 'transfers/uploadDeclared')?.input).toEqual({ ...target, files: [{ relativePath: 'meme.png', size: meme.length }], cacheControl: 'public, max-age=86400' })

    listeners.get('transfers/needBytes')?.({ transferId: 't-meme' })
    // Each piece waits for the previous answer; the last one says so.
    for (let i = 0; i < 100 && !calls.some((c) => c.name === 'transfers/pageBytes' && c.input.last); i++) await settle()
    const pieces = calls.filter((c) => c.name === 'transfers/pageBytes').map((c) => c.input as { transferId: string; offset: number; bytes: Uint8Array; last: boolean })
    expect(pieces.map((p) => [p.transferId, p.offset, p.last])).toEqual([
      ['t-meme', 0, false],
      ['t-meme', 4 * 1024 * 1024, false],
      ['t-meme', 8 * 1024 * 1024, true],
    ])
    const sent = new Uint8Array(pieces.reduce((n, p) => n + p.bytes.byteLength, 0))
    let at = 0
    for (const piece of pieces) {
      sent.set(piece.bytes, at)
      at += piece.bytes.byteLength
    }
    expect(sent.length).toBe(meme.length)
    expect(sent.every((value, i) => value === meme[i])).toBe(true)
    stop()
  })
})
