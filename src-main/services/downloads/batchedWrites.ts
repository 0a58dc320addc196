import type { FileHandle } from 'node:fs/promises'

/**
 * The most one write hands the kernel. A network body arrives in chunks of about 64 KiB,
 * and a write per chunk costs more than the transfer; but on some machines page-cache
 * writes of 512 KiB or more are now and then many times slower than smaller ones.
 */
export const maxWriteBytes = 256 * 1024

const pageBytes = 4096

/**
 * How many of `remaining` bytes at `position` the next write hands the kernel
 *
 * On the Linux VMs Cubeta is measured on, a 256 KiB page-cache write at an aligned offset
 * was many times slower to copy in (in the kernel) than the same bytes written as s5cmd
 * does, at offsets that are not aligned, whenever memory had been idle a few seconds;
 * the likely cause is that the page cache takes large, write-aligned blocks of fresh
 * memory, which a VM whose free memory goes back to the host fills slowly. A write
 * that begins on an odd page did not pay it, so a write that would begin on an even
 * page and go past it stops at that page's end: two writes instead of one, the rest of
 * the piece starting on an odd page. Elsewhere it costs one system call per piece.
 */
export function nextWriteBytes(position: number, remaining: number): number {
  const toPageEnd = pageBytes - (position % pageBytes)
  return Math.floor(position / pageBytes) % 2 === 0 && remaining > toPageEnd ? toPageEnd : remaining
}

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

/** Writes the gathered chunks at `position`, as nextWriteBytes splits them; writev may write less than asked (a signal, a nearly full disk), and the rest is written again. */
async function writeAll(file: FileHandle, buffers: Uint8Array[], position: number, bytes: number): Promise<void> {
  let written = 0
  while (written < bytes) {
    const asked = nextWriteBytes(position + written, bytes - written)
    const more = (await file.writev(slice(buffers, written, written + asked), position + written)).bytesWritten
    if (more === 0) throw Object.assign(new Error('The disk accepted no more bytes'), { code: 'ENOSPC' })
    written += more
  }
}

/** Bytes [from, to) of the chunks laid end to end, as views (nothing is copied). */
function slice(buffers: Uint8Array[], from: number, to: number): Uint8Array[] {
  const out: Uint8Array[] = []
  let at = 0
  for (const buffer of buffers) {
    const end = at + buffer.length
    if (end > from && at < to) out.push(buffer.subarray(Math.max(from - at, 0), Math.min(to, end) - at))
    at = end
  }
  return out
}
