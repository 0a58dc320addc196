import { DeleteBucketCorsCommand, GetBucketVersioningCommand, PutBucketCorsCommand, PutBucketVersioningCommand, type CORSRule } from '@aws-sdk/client-s3'
import type { VersioningState } from '../../contract/bridge'
import type { CorsRule } from '../../contract/rules/bucketSettings/corsRules'
import { AppError } from '../../core/appError'
import { awsErrorName, awsHttpStatus } from '../../core/awsErrorShape'
import { versioningFrom } from '../buckets/versioningState'
import type { BucketScope } from '../objects/bucketScope'

/** A write the key may not do: which permission it needs; anything else in S3's words plus ours. */
export function writeFailed(scope: BucketScope, error: unknown, permission: string): AppError {
  if (awsErrorName(error) === 'AccessDenied' || awsHttpStatus(error) === 403) {
    return new AppError('setting-write-denied', `These keys may not change this setting: they need ${permission}.`, 'Ask the account administrator to grant that permission, or use keys of a user that has it.', { permission })
  }
  return scope.fail(error, `change the setting (${permission})`)
}

/**
 * Versioning on, or suspended
 *
 * Turning it on for the first time is one-way (it can be suspended, never turned off), so
 * the caller must have said the user acknowledged that; the current state is read first
 * so the rule is checked against S3, not against what the window last saw.
 */
export async function setVersioning(scope: BucketScope, status: 'on' | 'suspended', acknowledgedOneWay: boolean): Promise<void> {
  const current: VersioningState = versioningFrom(await scope.s3.send(new GetBucketVersioningCommand({ Bucket: scope.bucket })).catch((error) => {
    throw writeFailed(scope, error, 's3:GetBucketVersioning')
  }))
  if (current === 'off' && !acknowledgedOneWay) {
    throw new AppError('versioning-one-way', 'Versioning can never be turned off again once it is on, only suspended.', 'Confirm that you understand, then turn it on.')
  }
  if (current === 'off' && status === 'suspended') return
  await scope.s3.send(new PutBucketVersioningCommand({ Bucket: scope.bucket, VersioningConfiguration: { Status: status === 'on' ? 'Enabled' : 'Suspended' } })).catch((error) => {
    throw writeFailed(scope, error, 's3:PutBucketVersioning')
  })
}

/** The CORS rules as given (checked by the schema); none removes the configuration. */
export async function setCors(scope: BucketScope, rules: CorsRule[]): Promise<void> {
  const write = rules.length === 0
    ? scope.s3.send(new DeleteBucketCorsCommand({ Bucket: scope.bucket }))
    : scope.s3.send(new PutBucketCorsCommand({ Bucket: scope.bucket, CORSConfiguration: { CORSRules: rules as CORSRule[] } }))
  await write.catch((error) => {
    throw writeFailed(scope, error, 's3:PutBucketCORS')
  })
}
