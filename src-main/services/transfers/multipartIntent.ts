import { ListMultipartUploadsCommand, type S3Client } from '@aws-sdk/client-s3'
import { classifyFailure } from '../../core/async/retryPolicy'
import { retrying, type RetryContext } from '../../core/async/retrying'
import { decodeListedKey } from '../objects/listing'

/**
 * S3 refuses a request signed more than 15 minutes away from its own clock, so the
 * server's "Initiated" for our CreateMultipartUpload is within that of our own time
 * when we journaled the intent (retries add a little; the window is generous both ways).
 */
export const initiatedWindowMs = 20 * 60 * 1000

export interface ListedUpload {
  key: string
  uploadId: string
  initiatedMs: number | null
}

/**
 * Which of a key's open multipart uploads is the one Cubeta began at `startedAtMs`
 *
 * A kill (or a lost answer) between CreateMultipartUpload and the journal's write of its
 * id leaves only the intent in the journal: the key and when. The upload of that key
 * initiated nearest that moment, within the window, is ours; older ones of the same key
 * belong to someone else (or another time) and are left alone. Null: nothing reached S3.
 */
export function pickStartedUpload(uploads: ListedUpload[], key: string, startedAtMs: number): string | null {
  let best: { uploadId: string; distance: number } | null = null
  for (const upload of uploads) {
    if (upload.key !== key || upload.initiatedMs === null) continue
    const distance = Math.abs(upload.initiatedMs - startedAtMs)
    if (distance > initiatedWindowMs) continue
    if (!best || distance < best.distance) best = { uploadId: upload.uploadId, distance }
  }
  return best?.uploadId ?? null
}

/**
 * The id S3 gave the upload Cubeta started at that moment, found with ListMultipartUploads
 *
 * A key without s3:ListBucketMultipartUploads (a least-privilege app key) or a bucket that
 * is gone can't tell, and asking again never will: null, rather than an entry no one can
 * ever resume or discard. A network failure is thrown, so the journal keeps the entry.
 */
export async function findStartedUpload(s3: S3Client, bucket: string, key: string, startedAtMs: number, retry: RetryContext): Promise<string | null> {
  try {
    return pickStartedUpload(await listKeyUploads(s3, bucket, key, retry), key, startedAtMs)
  } catch (error) {
    if (!retry.signal.aborted && classifyFailure(error) === 'fatal') return null
    throw error
  }
}

async function listKeyUploads(s3: S3Client, bucket: string, key: string, retry: RetryContext): Promise<ListedUpload[]> {
  const listed: ListedUpload[] = []
  let keyMarker: string | undefined
  let uploadIdMarker: string | undefined
  for (;;) {
    const page = await retrying(
      (abortSignal) =>
        s3.send(
          new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: key, EncodingType: 'url', ...(keyMarker ? { KeyMarker: keyMarker } : {}), ...(uploadIdMarker ? { UploadIdMarker: uploadIdMarker } : {}) }),
          { abortSignal },
        ),
      retry,
    )
    const decode = page.EncodingType === 'url' ? decodeListedKey : (k: string) => k
    for (const u of page.Uploads ?? []) {
      if (u.Key === undefined || u.UploadId === undefined) continue
      listed.push({ key: decode(u.Key), uploadId: u.UploadId, initiatedMs: u.Initiated ? u.Initiated.getTime() : null })
    }
    if (!page.IsTruncated || (!page.NextKeyMarker && !page.NextUploadIdMarker)) break
    keyMarker = page.NextKeyMarker ? decode(page.NextKeyMarker) : undefined
    uploadIdMarker = page.NextUploadIdMarker
  }
  return listed
}
