import type { Readable } from 'node:stream'

/**
 * Cuts a byte stream into pieces of exactly `size` bytes (the last may be shorter)
 *
 * Each piece is a part of a multipart upload, held until S3 has it, so a retry sends the
 * very same bytes again. Whatever the source's chunking (1 MiB from disk, 64 KiB from the
 * page), a piece is assembled with one copy.
 */
export async function* exactChunks(source: AsyncIterable<Buffer | Uint8Array> | Readable, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = []
  let pendingBytes = 0
  for await (const raw of source as AsyncIterable<Buffer | Uint8Array>) {
    let chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
    while (pendingBytes + chunk.length >= size) {
      const take = size - pendingBytes
      pending.push(chunk.subarray(0, take))
      yield Buffer.concat(pending, size)
      chunk = chunk.subarray(take)
      pending = []
      pendingBytes = 0
    }
    if (chunk.length > 0) {
      pending.push(chunk)
      pendingBytes += chunk.length
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes)
}
