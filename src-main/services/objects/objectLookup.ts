import { HeadObjectCommand, ListObjectsV2Command, type HeadObjectCommandOutput } from '@aws-sdk/client-s3'
import type { BucketScope } from './bucketScope'
import { objectErrors } from './objectErrors'

const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e?.name !== 'NoSuchBucket' && (e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404)
}

/** HeadObject; a 404 (SDK v3 calls it "NotFound": a HEAD has no body) becomes object-not-found. */
export async function headObject(scope: BucketScope, key: string, action = `read the properties of “${key}”`, versionId?: string): Promise<HeadObjectCommandOutput> {
  try {
    return await scope.s3.send(new HeadObjectCommand({ Bucket: scope.bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }))
  } catch (error) {
    throw isNotFound(error) ? objectErrors.objectNotFound(key) : scope.fail(error, action, 's3:GetObject')
  }
}

/** Whether a key is taken: a plain key by HeadObject, a folder by any key under it (a marker or not). */
export async function keyTaken(scope: BucketScope, key: string): Promise<boolean> {
  if (key.endsWith('/')) {
    const answer = await scope.s3.send(new ListObjectsV2Command({ Bucket: scope.bucket, Prefix: key, MaxKeys: 1 })).catch((error) => {
      throw scope.fail(error, `check whether “${key}” exists`, 's3:ListBucket')
    })
    return (answer.KeyCount ?? answer.Contents?.length ?? 0) > 0
  }
  try {
    await scope.s3.send(new HeadObjectCommand({ Bucket: scope.bucket, Key: key }))
    return true
  } catch (error) {
    if (isNotFound(error)) return false
    // Without s3:ListBucket, S3 answers a missing key with 403, not 404.
    throw scope.fail(error, `check whether “${key}” exists`, 's3:GetObject and s3:ListBucket')
  }
}
