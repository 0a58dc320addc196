/**
 * Multipart part size for an upload
 *
 * S3 allows at most 10,000 parts of 5 MiB to 5 GiB (the last may be smaller). 8 MiB parts
 * keep small files in one request and memory low; above 78 GiB the parts must grow so
 * the 10,000-part limit still covers the file.
 */
export const minimumPartSize = 8 * 1024 * 1024
const maximumParts = 10_000

export function partSizeFor(size: number): number {
  return Math.max(minimumPartSize, Math.ceil(size / maximumParts))
}
