import fc from 'fast-check'
import type { FileHandle } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { maxWriteBytes, nextWriteBytes, writeBodyAt } from '../../src-main/services/downloads/batchedWrites'

/** A file that records each write; it may accept fewer bytes than offered, as writev can. */
function recordingFile(shortWrites: boolean) {
  const writes: { position: number; bytes: Buffer }[] = []
  let inFlight = 0
  let mostInFlight = 0
  const record = async (bytes: Buffer, position: number) => {
    inFlight++
    mostInFlight = Math.max(mostInFlight, inFlight)
    await new Promise((resolve) => setImmediate(resolve))
    inFlight--
    const taken = shortWrites && bytes.length > 1 ? bytes.subarray(0, Math.ceil(bytes.length / 2)) : bytes
    writes.push({ position, bytes: Buffer.from(taken) })
    return taken.length
  }
  const file = {
    writev: async (buffers: Uint8Array[], position: number) => ({ bytesWritten: await record(Buffer.concat(buffers), position) }),
    write: async (buffer: Buffer, offset: number, length: number, position: number) => ({ bytesWritten: await record(buffer.subarray(offset, offset + length), position) }),
  } as unknown as FileHandle
  return { file, writes, mostInFlight: () => mostInFlight }
}

async function* chunksOf(body: Buffer, sizes: number[]) {
  let at = 0
  for (const size of sizes) {
    if (at >= body.length) break
    yield body.subarray(at, at + size)
    at += size
  }
  if (at < body.length) yield body.subarray(at)
}

describe('download writes', () => {
  it('write every byte once at its offset, never more than 256 KiB at a time nor two writes at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1_500_000 }), fc.array(fc.integer({ min: 1, max: 700_000 }), { maxLength: 40 }), fc.integer({ min: 0, max: 10_000 }), fc.boolean(), async (length, sizes, start, short) => {
        const body = Buffer.alloc(length)
        for (let i = 0; i < length; i += 997) body[i] = (i / 997) & 0xff
        const { file, writes, mostInFlight } = recordingFile(short)
        expect(await writeBodyAt(file, chunksOf(body, sizes), start)).toBe(length)
        const image = Buffer.alloc(length)
        let covered = 0
        for (const w of writes) {
          expect(w.bytes.length).toBeLessThanOrEqual(maxWriteBytes)
          expect(w.position).toBeGreaterThanOrEqual(start)
          // Past its own page only from an odd page: the page cache then takes small blocks.
          if (w.bytes.length > 4096 - (w.position % 4096)) expect(Math.floor(w.position / 4096) % 2).toBe(1)
          w.bytes.copy(image, w.position - start)
          covered += w.bytes.length
        }
        expect(covered).toBe(length)
        expect(image.equals(body)).toBe(true)
        expect(mostInFlight()).toBeLessThanOrEqual(1)
      }),
      { numRuns: 60 },
    )
  })

  it('split a piece only at the end of an even first page, so it takes at most two writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: maxWriteBytes }), (position, bytes) => {
        const first = nextWriteBytes(position, bytes)
        expect(first).toBeGreaterThan(0)
        expect(first).toBeLessThanOrEqual(bytes)
        if (first < bytes) expect(nextWriteBytes(position + first, bytes - first)).toBe(bytes - first)
      }),
    )
    expect(nextWriteBytes(0, maxWriteBytes)).toBe(4096)
    expect(nextWriteBytes(4096, maxWriteBytes)).toBe(maxWriteBytes)
  })

  it('let the write in flight finish before a broken body’s error goes on', async () => {
    const { file, writes } = recordingFile(false)
    async function* broken() {
      yield Buffer.alloc(maxWriteBytes, 1)
      throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' })
    }
    await expect(writeBodyAt(file, broken(), 0)).rejects.toMatchObject({ code: 'ECONNRESET' })
    expect(writes.reduce((bytes, w) => bytes + w.bytes.length, 0)).toBe(maxWriteBytes)
  })
})
