import { HeadObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3'
import { keepBothName } from './keepBothName'

export type ExistingObject = { size: number | null; lastModified: string | null } | false

const missing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404
}

/** Is there an object at this key already? Only uploads ask, one HEAD per file. */
export async function findExisting(s3: S3Client, bucket: string, key: string): Promise<ExistingObject> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
    return { size: head.ContentLength ?? null, lastModified: head.LastModified?.toISOString() ?? null }
  } catch (error) {
    if (missing(error)) return false
    throw error
  }
}

export async function freeKeepBothKey(s3: S3Client, bucket: string, key: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = keepBothName(key, n)
    if ((await findExisting(s3, bucket, candidate)) === false) return candidate
  }
}

/**
 * Every object under a prefix, when there are at most `limit`: one listing answers the
 * conflict question for a whole dropped folder, instead of one HEAD per file (5,000 small
 * files would otherwise cost 5,000 extra round trips). Null when there are more.
 */
export async function existingUnderPrefix(s3: S3Client, bucket: string, prefix: string, limit: number): Promise<Map<string, ExistingObject> | null> {
  const found = new Map<string, ExistingObject>()
  let token: string | undefined
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }))
    for (const o of page.Contents ?? []) found.set(o.Key!, { size: o.Size ?? null, lastModified: o.LastModified?.toISOString() ?? null })
    if (found.size > limit) return null
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  return found
}
