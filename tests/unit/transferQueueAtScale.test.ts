import { createServer } from 'node:net'
import { S3Client } from '@aws-sdk/client-s3'
import { describe, expect, it, vi } from 'vitest'
import { createSnapshotEmitter, snapshotIntervalMs } from '../../src-main/services/transfers/snapshotEmitter'
import { createQueueRows } from '../../src-main/services/transfers/transferQueue'
import { createTransferEngine } from '../../src-main/services/transfers/transferEngine'

/**
 * The queue with 50,000 files (issue 14: "cancel stops it within a second"), without a
 * server: nothing listens at the endpoint, so the first files wait on their requests
 * while the rest are queued, which is the state a Cancel meets in a large upload.
 */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

const files = (n: number) => Array.from({ length: n }, (_, i) => ({ relativePath: `load/dir-${Math.floor(i / 1000)}/file-${i}.txt`, size: 1000, source: { kind: 'path' as const, path: `/nowhere/file-${i}.txt` } }))

describe('a queue of 50,000 files', () => {
  it('is cancelled by id (as a sync run cancels its own files), every file, within the bound the issue names', async () => {
    const s3 = new S3Client({ region: 'us-east-1', endpoint: `http://127.0.0.1:${await closedPort()}`, forcePathStyle: true, credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' } })
    const e = createTransferEngine({ s3For: async () => s3, onChange: () => undefined, requestBytes: () => undefined, maxConcurrentFiles: 32 })
    const { transferIds } = e.enqueue('p', 'bucket', 'up/', files(50_000), null)

    const started = performance.now()
    const answer = await e.cancel(transferIds)
    const tookMs = performance.now() - started
    expect(answer.totals.count).toBe(50_000)
    // Only the files already at work need their requests to end; the rest are cancelled in the answer.
    expect(answer.totals.states.cancelled).toBeGreaterThanOrEqual(50_000 - 32)
    // The bound is 1 s for the whole effect; generous here for a shared 2-core
    // machine. Looking each id up in the list took about four minutes.
    expect(tookMs).toBeLessThan(5_000)

    while (e.snapshot().totals.active > 0) await new Promise((r) => setTimeout(r, 50))
    expect(e.snapshot().totals.states.cancelled).toBe(50_000)
    expect(transferIds.every((id) => e.stateOf(id)?.status === 'cancelled')).toBe(true)
  }, 60_000)

  it('sends the panel a snapshot whose size does not grow with the queue: totals, ranges and the rows in view', () => {
    // s3For never answers: every file stays queued or checking, as at the start of a big drop.
    const waiting = () => createTransferEngine({ s3For: () => new Promise<never>(() => undefined), onChange: () => undefined, requestBytes: () => undefined, maxConcurrentFiles: 32 })
    const small = waiting()
    small.enqueue('p', 'bucket', 'up/', files(500), null)
    const big = waiting()
    big.enqueue('p', 'bucket', 'up/', files(50_000), null)
    const sizeOf = (snapshot: unknown) => JSON.stringify(snapshot).length
    const bigSnapshot = big.snapshot()
    expect(bigSnapshot.totals).toMatchObject({ count: 50_000, active: 50_000, bytes: 50_000 * 1000 })
    expect(bigSnapshot.totals.states).toMatchObject({ queued: 50_000 - 32, checking: 32 })
    expect(bigSnapshot.batches).toEqual([{ batchId: expect.any(String), bucket: 'bucket', first: 0, count: 50_000 }])
    // The whole queue as views was about 13 MB at 50,000 files; now it is the size of the small queue's.
    expect(sizeOf(bigSnapshot)).toBeLessThan(sizeOf(small.snapshot()) * 1.1)
    expect(sizeOf(bigSnapshot)).toBeLessThan(100_000)

    // Scrolled to the middle: those rows, in order, and the files at work (they need no scrolling to be seen).
    const middle = big.showRows({ offset: 40_000, limit: 50 })
    const positions = middle.transfers.map((t) => t.position)
    expect(positions.filter((p) => p >= 40_000)).toEqual(Array.from({ length: 50 }, (_, i) => 40_000 + i))
    expect(middle.transfers.filter((t) => t.position < 40_000).every((t) => t.status === 'checking')).toBe(true)
    expect(middle.transfers[32 + 20]).toMatchObject({ position: 40_020, name: 'load/dir-40/file-40020.txt', status: 'queued' })
    // Later snapshots keep the window the panel asked for.
    expect(big.snapshot().window).toEqual({ offset: 40_000, limit: 50 })
  })

  it('cancels files that wait for the batch\'s S3 client at once, not when the client comes', async () => {
    const e = createTransferEngine({ s3For: () => new Promise<never>(() => undefined), onChange: () => undefined, requestBytes: () => undefined, maxConcurrentFiles: 4 })
    const { transferIds } = e.enqueue('p', 'bucket', 'up/', files(10), null)
    expect(e.snapshot().totals.states.checking).toBe(4)
    await e.cancel(null)
    await Promise.all(transferIds.map((id) => e.settled(id)))
    expect(e.snapshot().totals).toMatchObject({ active: 0, states: expect.objectContaining({ cancelled: 10 }) })
  })
})

describe('how often the panel gets a snapshot (snapshotIntervalMs, start to start)', () => {
  it('is 5 a second while snapshots are cheap', () => {
    for (const cost of [0, 1, 20, 50]) expect(snapshotIntervalMs(cost)).toBe(200)
  })
  it('spaces expensive snapshots so they take at most a quarter of the thread', () => {
    for (const cost of [51, 67, 150, 300, 900]) {
      const interval = snapshotIntervalMs(cost)
      expect(cost / interval).toBeLessThanOrEqual(0.25)
      expect(interval).toBeLessThanOrEqual(Math.ceil(cost * 4))
    }
  })
  it('keeps the rhythm while files keep finishing: each snapshot starts 200 ms after the last one started', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    try {
      const sentAt: number[] = []
      const emitter = createSnapshotEmitter({ queue: createQueueRows(), batches: new Map() }, () => sentAt.push(performance.now()))
      emitter.now()
      // Changes keep coming, each a little after the last snapshot: the wait for them is not added to the gap.
      for (let i = 0; i < 10; i++) {
        vi.advanceTimersByTime(30)
        emitter.soon()
        vi.advanceTimersByTime(170)
      }
      const gaps = sentAt.slice(1).map((t, i) => t - sentAt[i]!)
      expect(gaps).toEqual(Array.from({ length: 10 }, () => 200))
      // After a quiet spell the next change is shown at once.
      vi.advanceTimersByTime(5_000)
      emitter.soon()
      vi.advanceTimersByTime(0)
      expect(sentAt.at(-1)).toBe(performance.now())
    } finally {
      vi.useRealTimers()
    }
  })
})
