import { PutObjectCommand } from '@aws-sdk/client-s3'
import type { BucketScope } from './bucketScope'
import { keyTaken } from './objectLookup'
import { objectErrors } from './objectErrors'

/**
 * A folder is a zero-byte object "prefix/name/" (what the S3 console makes too)
 *
 * A folder "exists" also when keys live under it without a marker, so any key under the
 * new prefix counts as taken.
 */
export async function createFolder(scope: BucketScope, prefix: string, name: string): Promise<{ key: string }> {
  const key = `${prefix}${name}/`
  if (await keyTaken(scope, key)) throw objectErrors.folderExists(key)
  await scope.s3.send(new PutObjectCommand({ Bucket: scope.bucket, Key: key, Body: new Uint8Array(0) })).catch((error) => {
    throw scope.fail(error, `create the folder “${name}”`, 's3:PutObject')
  })
  return { key }
}
