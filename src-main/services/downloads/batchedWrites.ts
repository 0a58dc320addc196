import type { FileHandle } from 'node:fs/promises'

/**
 * The most one write hands the kernel. A network body arrives in chunks of about 64 KiB,
 * and a write per chunk costs more than the transfer; but on some machines page-cache
 * writes of 512 KiB or more are now and then many times slower than smaller ones.
 */
export const maxWriteBytes = 256 * 1024

/**
 * Writes a body into the file from `start`, in positioned writes of at most `maxWriteBytes`
 *
 * Chunks are gathered (not copied) into one `writev`, and the next batch is read while
 * the previous one is being written: at most one write in flight, so memory stays at two
 * batches and a slow disk slows the network read down instead of piling up buffers.
 * Returns the bytes written; when the body breaks off, every write started has finished
 * before the error goes on, so the caller may close the file at once.
 */
export async function writeBodyAt(file: FileHandle, body: AsyncIterable<Uint8Array>, start: number): Promise<number> {
  let position = start
  let batch: Uint8Array[] = []
  let batched = 0
  let writing: Promise<void> = Promise.resolve()
  const flush = async () => {
    await writing
    const buffers = batch
    const at = position
    const bytes = batched
    batch = []
    batched = 0
    position += bytes
    writing = writeAll(file, buffers, at, bytes)
  }
  try {
    for await (const chunk of body) {
      let rest = chunk
      while (rest.length > 0) {
        const take = Math.min(rest.length, maxWriteBytes - batched)
        batch.push(take === rest.length ? rest : rest.subarray(0, take))
        batched += take
        rest = rest.subarray(take)
        if (batched === maxWriteBytes) await flush()
      }
    }
    if (batched > 0) await flush()
  } catch (error) {
    await writing.catch(() => undefined)
    throw error
  }
  await writing
  return position - start
}

/** writev may write less than asked (a signal, a nearly full disk): the rest is written again. */
async function writeAll(file: FileHandle, buffers: Uint8Array[], position: number, bytes: number): Promise<void> {
  let written = (await file.writev(buffers, position)).bytesWritten
  while (written < bytes) {
    const rest = Buffer.concat(buffers).subarray(written)
    const more = (await file.write(rest, 0, rest.length, position + written)).bytesWritten
    if (more === 0) throw Object.assign(new Error('The disk accepted no more bytes'), { code: 'ENOSPC' })
    written += more
  }
}
