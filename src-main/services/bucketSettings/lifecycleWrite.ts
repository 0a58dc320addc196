import { DeleteBucketLifecycleCommand, GetBucketLifecycleConfigurationCommand, PutBucketLifecycleConfigurationCommand, type LifecycleRule } from '@aws-sdk/client-s3'
import { awsErrorName } from '../../core/awsErrorShape'
import type { BucketScope } from '../objects/bucketScope'
import { writeFailed } from './writeSettings'

/**
 * The lifecycle configuration, read and written whole: the settings editor and the
 * incomplete uploads' one-click rule both go through here. The bucket-wide minimum size
 * for transitions is kept as it was.
 */
export async function readLifecycle(scope: BucketScope): Promise<{ rules: LifecycleRule[]; minimumSize: string | undefined }> {
  try {
    const answer = await scope.s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: scope.bucket }))
    return { rules: answer.Rules ?? [], minimumSize: answer.TransitionDefaultMinimumObjectSize }
  } catch (error) {
    if (awsErrorName(error) === 'NoSuchLifecycleConfiguration') return { rules: [], minimumSize: undefined }
    throw writeFailed(scope, error, 's3:GetLifecycleConfiguration')
  }
}

export async function writeLifecycle(scope: BucketScope, rules: LifecycleRule[], minimumSize: string | undefined): Promise<void> {
  const write =
    rules.length === 0
      ? scope.s3.send(new DeleteBucketLifecycleCommand({ Bucket: scope.bucket }))
      : scope.s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: scope.bucket, LifecycleConfiguration: { Rules: rules }, ...(minimumSize ? { TransitionDefaultMinimumObjectSize: minimumSize as never } : {}) }))
  await write.catch((error) => {
    throw writeFailed(scope, error, 's3:PutLifecycleConfiguration')
  })
}

/** Rules as the editor's JSON: the dates S3 gave as text become Dates again, as the SDK sends them. */
export function withDates(rules: Record<string, unknown>[]): LifecycleRule[] {
  const date = (o: unknown) => {
    if (typeof o === 'object' && o !== null && typeof (o as { Date?: unknown }).Date === 'string') (o as { Date: unknown }).Date = new Date((o as { Date: string }).Date)
  }
  return rules.map((rule) => {
    const copy = structuredClone(rule)
    date(copy.Expiration)
    for (const t of Array.isArray(copy.Transitions) ? copy.Transitions : []) date(t)
    return copy as unknown as LifecycleRule
  })
}
