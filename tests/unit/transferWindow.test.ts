import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { TransfersSnapshot } from '../../src-main/contract/bridge'
import { createTransferEngine } from '../../src-main/services/transfers/transferEngine'

/**
 * What the panel is told as files finish, against a stand-in S3 that stores nothing:
 * per-batch counts, the page-held files it may let go, and done files kept small.
 */
function fakeS3(existing: Set<string> = new Set()) {
  return {
    send: async (command: { constructor: { name: string }; input: { Key?: string; Body?: unknown } }) => {
      const name = command.constructor.name
      if (name === 'HeadObjectCommand') {
        if (existing.has(command.input.Key!)) return { ContentLength: 3 }
        throw Object.assign(new Error('not found'), { name: 'NotFound' })
      }
      if (name === 'ListObjectsV2Command') return { Contents: [...existing].map((Key) => ({ Key, Size: 3 })), IsTruncated: false }
      const body = command.input.Body
      if (body instanceof Readable) for await (const chunk of body) void chunk
      return { ETag: '"x"' }
    },
  }
}

function engineWith(existing?: Set<string>) {
  const events: TransfersSnapshot[] = []
  const e = createTransferEngine({ s3For: async () => fakeS3(existing) as never, onChange: (s) => events.push(s), requestBytes: () => undefined, maxConcurrentFiles: 4 })
  // The queue tells the panel at once when it stops.
  const idle = async () => {
    while (e.snapshot().totals.active > 0 || events.at(-1)?.totals.active !== 0) await new Promise((r) => setTimeout(r, 5))
  }
  return { e, events, idle }
}

const pageFiles = (n: number) => Array.from({ length: n }, (_, i) => ({ relativePath: `docs/f-${i}.txt`, size: 3, source: { kind: 'page' as const } }))

describe('the queue as the panel hears it', () => {
  it('a finished batch comes with its own counts, and done files read back by id', async () => {
    const { e, events, idle } = engineWith(new Set(['docs/f-1.txt']))
    const disk = Array.from({ length: 3 }, (_, i) => ({ relativePath: `docs/f-${i}.txt`, size: 3, source: { kind: 'path' as const, path: `/nowhere/${i}` } }))
    const { batchId, transferIds } = e.enqueue('p', 'media', '', disk, null)
    while (!e.snapshot().conflict) await new Promise((r) => setTimeout(r, 5))
    e.resolveConflict(batchId, e.snapshot().conflict!.transferId, 'skip', false)
    await idle()
    const finished = events.flatMap((s) => s.finishedBatches)
    // Two files on disk that do not exist fail; the one that conflicted was skipped.
    expect(finished).toEqual([{ batchId, profileId: 'p', bucket: 'media', prefix: '', keys: [], done: 0, failed: 2, notSent: 1 }])
    expect(transferIds.map((id) => e.stateOf(id)?.status)).toEqual(['failed', 'skipped', 'failed'])
  })

  it('page-held files are released once the queue will not ask for them again, done files kept as rows of their own', async () => {
    const { e, events, idle } = engineWith()
    const { transferIds } = e.enqueue('p', 'media', '', pageFiles(6), null)
    // The page sends each file's bytes when asked; here every file is sent at once.
    for (const id of transferIds.slice(0, 4)) {
      while (!e.provideBytes(id, Readable.from([Buffer.from('abc')]))) await new Promise((r) => setTimeout(r, 5))
    }
    await e.cancel(transferIds.slice(4))
    await idle()
    const released = events.flatMap((s) => s.released)
    expect([...released].sort()).toEqual([...transferIds].sort())
    const last = e.snapshot()
    expect(last.totals.states).toMatchObject({ done: 4, cancelled: 2 })
    expect(last.transfers.filter((t) => t.status === 'done').map((t) => [t.name, t.transferred, t.position])).toEqual([
      ['docs/f-0.txt', 3, 0],
      ['docs/f-1.txt', 3, 1],
      ['docs/f-2.txt', 3, 2],
      ['docs/f-3.txt', 3, 3],
    ])
    expect(e.stateOf(transferIds[0]!)).toEqual({ status: 'done', size: 3, transferred: 3, error: null })
    // A call's answer never takes the released ids from the next event.
    expect(last.released).toEqual([])
  })
})
