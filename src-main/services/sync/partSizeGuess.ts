import { partSizeFor } from '../transfers/partSize'

const MiB = 1024 * 1024
/**
 * Part sizes other tools use: aws-cli 8 MiB (doubled past 10,000 parts), rclone 5 MiB,
 * s5cmd 50 MiB, boto3 8 MiB, the S3 console 16 MiB; plus round sizes people configure.
 */
const common = [5, 8, 10, 15, 16, 25, 32, 50, 64, 100, 128, 256, 512, 1024].map((n) => n * MiB)

/**
 * The part sizes that could have produced a multipart ETag "…-parts" for this size
 *
 * A part size p gives ceil(size / p) parts, all parts but the last p bytes long, at least
 * 5 MiB. Cubeta's own rule (transfers/partSize.ts) comes first, then the common sizes,
 * then every whole MiB in the possible range when there are few. Empty when no size fits:
 * such an object's ETag can't be checked against a file.
 */
export function partSizeCandidates(size: number, parts: number, limit = 12): number[] {
  if (!Number.isInteger(parts) || parts < 1 || size < 0) return []
  const fits = (p: number) => p >= 5 * MiB && p <= 5 * 1024 * MiB && Math.ceil(size / p) === parts && (parts > 1 || p >= size)
  const found: number[] = []
  const add = (p: number) => {
    if (fits(p) && !found.includes(p) && found.length < limit) found.push(p)
  }
  add(partSizeFor(size))
  let doubled = 8 * MiB
  while (Math.ceil(size / doubled) > 10_000) doubled *= 2
  add(doubled)
  for (const p of common) add(p)
  if (parts > 1) {
    const low = Math.ceil(size / parts / MiB)
    const high = Math.floor((size - 1) / (parts - 1) / MiB)
    if (high - low < limit) for (let m = low; m <= high; m++) add(m * MiB)
  }
  return found
}
