import { createHash } from 'node:crypto'

/**
 * `size` bytes that depend only on `seed`: a SHA-256 chain. Tests need file contents that
 * are the same on every run, differ between files, and don't compress (so multipart and
 * checksum paths see real data).
 */
export function seededBytes(seed: string, size: number): Buffer {
  const out = Buffer.alloc(size)
  let block = createHash('sha256').update(seed).digest()
  for (let i = 0; i < size; i += block.length) {
    block.copy(out, i)
    block = createHash('sha256').update(block).digest()
  }
  return out
}
