import { GetBucketPolicyCommand, GetPublicAccessBlockCommand, PutBucketPolicyCommand, PutPublicAccessBlockCommand, type PublicAccessBlockConfiguration, type S3Client } from '@aws-sdk/client-s3'
import { mergeBucketPolicy, UnreadablePolicyError, type PolicyStatement } from '../../contract/rules/bucketPolicy'
import { AppError } from '../../core/appError'
import { retryWithBackoff } from '../../core/async/retryWithBackoff'
import { awsErrorName } from '../../core/awsErrorShape'
import { toAppError } from '../aws/awsErrors'

/**
 * The bucket writes that make objects readable by URL, in the order real S3 needs
 *
 * 1. PutPublicAccessBlock relaxing BlockPublicPolicy and RestrictPublicBuckets;
 * 2. PutBucketPolicy, merged into any policy already there (contract/rules/bucketPolicy).
 * Step 2 fails with AccessDenied if step 1 is skipped. Shared by the guided setup, the
 * URL doctor's fix and "New bucket", so all three do it the one way.
 */

/** Turns an AWS failure into the caller's words for what it was doing ("write the bucket policy (s3:PutBucketPolicy)"). */
export type FailWith = (error: unknown, action: string) => AppError
const plainFail: FailWith = (error, action) => toAppError(error, { action, endpoint: null })

/** What the guided setup writes: ACLs stay blocked (they are off on new buckets anyway), policies allowed. */
export const policiesAllowed: PublicAccessBlockConfiguration = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false }

export async function writeBlockPublicAccess(s3: S3Client, bucket: string, config: PublicAccessBlockConfiguration, fail: FailWith = plainFail): Promise<void> {
  await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: config })).catch((error) => {
    throw fail(error, 'change the bucket’s Block Public Access settings (s3:PutBucketPublicAccessBlock)')
  })
}

/** The policy as stored, or null when the bucket has none. */
export async function readBucketPolicy(s3: S3Client, bucket: string, fail: FailWith = plainFail): Promise<string | null> {
  return s3.send(new GetBucketPolicyCommand({ Bucket: bucket })).then(
    (answer) => answer.Policy ?? null,
    (error) => {
      if (awsErrorName(error) === 'NoSuchBucketPolicy') return null
      throw fail(error, 'read the bucket policy (s3:GetBucketPolicy)')
    },
  )
}

/** A policy naming a user created seconds ago can be refused as "Invalid principal" while IAM propagates: retried. */
export async function writeBucketPolicy(s3: S3Client, bucket: string, policyJson: string, onWait: (waitedMs: number) => void = () => undefined, fail: FailWith = plainFail): Promise<void> {
  await retryWithBackoff(() => s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policyJson })), {
    isRetryable: (error) => awsErrorName(error) === 'MalformedPolicy' && /principal/i.test((error as Error).message ?? ''),
    maxWaitMs: 60_000,
    onWait: ({ waitedMs }) => onWait(waitedMs),
  }).catch((error) => {
    if (awsErrorName(error) === 'MalformedPolicy') {
      throw new AppError('malformed-policy', 'AWS refused the bucket policy as malformed.', 'Check that the existing policy is valid in the S3 console, then run this step again.')
    }
    throw fail(error, 'write the bucket policy (s3:PutBucketPolicy)')
  })
}

/** Step 1 as the wizard does it; `changed` says whether the bucket was stricter before. */
export async function relaxBlockForPublicPolicy(s3: S3Client, bucket: string, fail: FailWith = plainFail): Promise<{ changed: boolean }> {
  const before = await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket })).then((a) => a.PublicAccessBlockConfiguration, () => undefined)
  const alreadyRelaxed = before?.BlockPublicPolicy === false && before?.RestrictPublicBuckets === false
  await writeBlockPublicAccess(s3, bucket, policiesAllowed, fail)
  return { changed: !alreadyRelaxed }
}

/** Step 2: our statements merged into the policy there; a policy Cubeta cannot read is never replaced. */
export async function writeMergedPolicy(
  s3: S3Client,
  bucket: string,
  statements: PolicyStatement[],
  fail: FailWith = plainFail,
  onWait: (waitedMs: number) => void = () => undefined,
): Promise<{ existing: string | null; policyJson: string }> {
  const existing = await readBucketPolicy(s3, bucket, fail)
  let merged
  try {
    merged = mergeBucketPolicy(existing, statements)
  } catch (error) {
    if (!(error instanceof UnreadablePolicyError)) throw error
    throw new AppError('policy-unreadable', 'The bucket already has a policy Cubeta cannot read, so it will not replace it.', 'Fix or remove that policy in the S3 console, then run this step again.')
  }
  const policyJson = JSON.stringify(merged, null, 2)
  await writeBucketPolicy(s3, bucket, policyJson, onWait, fail)
  return { existing, policyJson }
}
