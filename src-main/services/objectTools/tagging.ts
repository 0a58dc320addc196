import { DeleteObjectTaggingCommand, GetObjectTaggingCommand, PutObjectTaggingCommand } from '@aws-sdk/client-s3'
import type { ObjectTag } from '../../contract/bridge'
import type { BucketScope } from '../objects/bucketScope'
import { objectErrors } from '../objects/objectErrors'

const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e?.name === 'NoSuchKey' || (e?.name !== 'NoSuchBucket' && e?.$metadata?.httpStatusCode === 404)
}

/** An object's tags (GetObjectTagging), in S3's order. */
export async function readTags(scope: BucketScope, key: string): Promise<ObjectTag[]> {
  try {
    const answer = await scope.s3.send(new GetObjectTaggingCommand({ Bucket: scope.bucket, Key: key }))
    return (answer.TagSet ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }))
  } catch (error) {
    throw isNotFound(error) ? objectErrors.objectNotFound(key) : scope.fail(error, `read the tags of “${key}”`, 's3:GetObjectTagging')
  }
}

/**
 * Replaces the whole tag set (PutObjectTagging has no "add one"); no tags at all is
 * DeleteObjectTagging, S3's own call for that (moto answers an empty PutObjectTagging
 * with HTTP 500). The set was checked by the contract.
 */
export async function writeTags(scope: BucketScope, key: string, tags: readonly ObjectTag[]): Promise<void> {
  const none = tags.length === 0
  try {
    if (none) await scope.s3.send(new DeleteObjectTaggingCommand({ Bucket: scope.bucket, Key: key }))
    else await scope.s3.send(new PutObjectTaggingCommand({ Bucket: scope.bucket, Key: key, Tagging: { TagSet: tags.map((t) => ({ Key: t.key, Value: t.value })) } }))
  } catch (error) {
    throw isNotFound(error) ? objectErrors.objectNotFound(key) : scope.fail(error, `change the tags of “${key}”`, none ? 's3:DeleteObjectTagging' : 's3:PutObjectTagging')
  }
}

/** Tags as the x-amz-tagging header wants them: a URL query. */
export function taggingQuery(tags: readonly ObjectTag[]): string {
  return tags.map((t) => `${encodeURIComponent(t.key)}=${encodeURIComponent(t.value)}`).join('&')
}
