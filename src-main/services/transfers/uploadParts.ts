import { open } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { exactChunks } from './exactChunks'
import type { Slots } from '../../core/async/requestSlots'

/** One part to send: its bytes (null when the server already has it), and how to give its memory back. */
export interface UploadPart {
  number: number
  length: number
  bytes: Buffer | null
  release(): void
}

/**
 * The parts of a file, in order, each holding its share of the memory budget until released
 *
 * From disk, each part is read straight into a buffer of its own size, reused for later
 * parts once sent: a 1 GiB upload allocates a few buffers instead of 1 GiB of them, which
 * kept the garbage collector busy for a fifth of the time. Parts the server already has
 * (a resumed upload) are not even read. A stream (the page, in browser mode) is cut into
 * parts as it arrives, and must be read through.
 */
export async function* uploadParts(source: Readable | { path: string }, size: number, partSize: number, memory: Slots, alreadyThere: (n: number) => boolean): AsyncGenerator<UploadPart> {
  if ('path' in source) {
    yield* partsFromFile(source.path, size, partSize, memory, alreadyThere)
    return
  }
  let number = 0
  for await (const bytes of exactChunks(source, partSize)) {
    number++
    if (alreadyThere(number)) {
      yield { number, length: bytes.length, bytes: null, release: () => undefined }
      continue
    }
    await memory.acquire(bytes.length)
    yield { number, length: bytes.length, bytes, release: () => memory.release(bytes.length) }
  }
}

async function* partsFromFile(path: string, size: number, partSize: number, memory: Slots, alreadyThere: (n: number) => boolean): AsyncGenerator<UploadPart> {
  const spare: Buffer[] = []
  const file = await open(path, 'r')
  try {
    for (let number = 1, offset = 0; offset < size || (size === 0 && number === 1); number++, offset += partSize) {
      const length = Math.min(partSize, size - offset)
      if (alreadyThere(number)) {
        yield { number, length, bytes: null, release: () => undefined }
        continue
      }
      await memory.acquire(length)
      const buffer = spare.pop() ?? Buffer.allocUnsafe(partSize)
      const { bytesRead } = await file.read(buffer, 0, length, offset)
      yield {
        number,
        length: bytesRead,
        bytes: buffer.subarray(0, bytesRead),
        release: () => {
          spare.push(buffer)
          memory.release(length)
        },
      }
      if (bytesRead < length) return
    }
  } finally {
    await file.close()
  }
}
