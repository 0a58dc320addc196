import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import type { BucketScope } from '../../objects/bucketScope'
import { nearKeys } from '../rules/nearKeys'

/** A folder is checked through its first file (folder markers skipped); null when it has none. */
export async function firstFileUnder(scope: BucketScope, prefix: string): Promise<string | null> {
  let token: string | undefined
  for (let page = 0; page < 10; page++) {
    const answer = await scope.s3.send(new ListObjectsV2Command({ Bucket: scope.bucket, Prefix: prefix, MaxKeys: 1000, ContinuationToken: token })).catch((error) => {
      throw scope.fail(error, `list the folder “${prefix}” (s3:ListBucket)`)
    })
    const file = (answer.Contents ?? []).find((o) => o.Key && !o.Key.endsWith('/'))
    if (file?.Key) return file.Key
    if (!answer.IsTruncated || !answer.NextContinuationToken) return null
    token = answer.NextContinuationToken
  }
  return null
}

/**
 * Existing keys close to a missing one: from its folder and the bucket's top level (so
 * a missing "static/" shows), one page each. Listing may be refused: then none.
 */
export async function keysNear(scope: BucketScope, key: string): Promise<string[]> {
  const folder = key.includes('/') ? key.slice(0, key.lastIndexOf('/') + 1) : ''
  const prefixes = [...new Set([folder, ''])]
  const listed = await Promise.all(
    prefixes.map((prefix) =>
      scope.s3.send(new ListObjectsV2Command({ Bucket: scope.bucket, Prefix: prefix, MaxKeys: 1000 })).then(
        (answer) => (answer.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : [])),
        () => [] as string[],
      ),
    ),
  )
  return nearKeys(key, [...new Set(listed.flat())])
}
