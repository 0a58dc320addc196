import { DeleteBucketPolicyCommand, GetPublicAccessBlockCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3'
import type { PublicAccessBlock } from '../../contract/bridge'
import { blockRefusingPolicy, nothingBlocked, policyLockouts, publicReadStops, type Caller, type Lockout } from '../../contract/rules/bucketSettings/lockouts'
import { AppError } from '../../core/appError'
import { awsErrorName, awsHttpStatus } from '../../core/awsErrorShape'
import { readBucketPolicy, writeBlockPublicAccess } from '../buckets/publicRead'
import type { BucketScope } from '../objects/bucketScope'
import { writeFailed } from './writeSettings'

/**
 * Block Public Access and the bucket policy, the two settings that decide who may read
 *
 * Each rule is checked here against S3 as it is now, not against what the window last
 * saw: the policy and Block Public Access are read first.
 */

async function readBlock(scope: BucketScope): Promise<PublicAccessBlock | null> {
  try {
    const c = (await scope.s3.send(new GetPublicAccessBlockCommand({ Bucket: scope.bucket }))).PublicAccessBlockConfiguration
    return c ? { blockPublicAcls: !!c.BlockPublicAcls, ignorePublicAcls: !!c.IgnorePublicAcls, blockPublicPolicy: !!c.BlockPublicPolicy, restrictPublicBuckets: !!c.RestrictPublicBuckets } : null
  } catch (error) {
    if (awsErrorName(error) === 'NoSuchPublicAccessBlockConfiguration') return null
    throw writeFailed(scope, error, 's3:GetBucketPublicAccessBlock')
  }
}

const parsed = (policy: string | null): unknown => (policy === null ? null : JSON.parse(policy))

/**
 * Block Public Access as given. Ignoring public policies while the policy is public stops
 * public read at once: refused unless acknowledged. A policy these keys may not read
 * counts as public here, since Cubeta can't tell.
 */
export async function setPublicAccessBlock(scope: BucketScope, settings: PublicAccessBlock, acknowledgedPublicReadStops: boolean): Promise<void> {
  const before = await readBlock(scope)
  const policy = await readBucketPolicy(scope.s3, scope.bucket, scope.fail).then(parsed, () => ({ Statement: { Effect: 'Allow', Principal: '*' } }))
  if (publicReadStops(before, settings, policy) && !acknowledgedPublicReadStops) {
    throw new AppError(
      'public-read-would-stop',
      'With “ignore public policies” on, S3 ignores this bucket’s public policy: files readable by URL stop being readable at once.',
      'Confirm that public read should stop, or leave that switch off.',
    )
  }
  await writeBlockPublicAccess(scope.s3, scope.bucket, { BlockPublicAcls: settings.blockPublicAcls, IgnorePublicAcls: settings.ignorePublicAcls, BlockPublicPolicy: settings.blockPublicPolicy, RestrictPublicBuckets: settings.restrictPublicBuckets }, (error) =>
    writeFailed(scope, error, 's3:PutBucketPublicAccessBlock'),
  )
}

const lockoutWords = (l: Lockout) => (l.code === 'denies-you' ? `denies these keys ${l.action} (statement ${l.statement})` : `denies everyone reading files (statement ${l.statement})`)

export interface PolicyChange {
  policy: string | null
  acknowledgedLockout: boolean
  relaxBlockPublicAccess: boolean
}

/**
 * The policy written whole, or deleted
 *
 * A lock-out (see rules/bucketSettings/lockouts) is refused unless acknowledged. With
 * `relaxBlockPublicAccess`, the two policy switches of Block Public Access go off first,
 * the ACL switches stay as they are: the order real S3 needs. Sent once: an editor's
 * author answers for its principals, so S3's "Invalid principal" is shown at once, in
 * S3's words, where the guided setup waits for a user it has just created.
 */
export async function setPolicy(scope: BucketScope, change: PolicyChange, caller: Caller | null): Promise<void> {
  const { s3, bucket } = scope
  if (change.policy === null) {
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket })).catch((error) => {
      throw writeFailed(scope, error, 's3:DeleteBucketPolicy')
    })
    return
  }
  const document = parsed(change.policy)
  const lockouts = policyLockouts(document, bucket, caller)
  if (lockouts.length > 0 && !change.acknowledgedLockout) {
    throw new AppError('policy-lockout', `This policy ${lockouts.map(lockoutWords).join('; ')}.`, 'Read the warning and confirm it, or change the Deny so it leaves these keys out.', { count: lockouts.length })
  }
  let block = await readBlock(scope)
  if (change.relaxBlockPublicAccess) {
    block = { ...(block ?? nothingBlocked), blockPublicPolicy: false, restrictPublicBuckets: false }
    await setPublicAccessBlock(scope, block, false)
  }
  await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: change.policy })).catch((error) => {
    if (awsErrorName(error) === 'MalformedPolicy') {
      const said = (error as Error).message || 'MalformedPolicy'
      throw new AppError('policy-refused', `S3 refused the policy: “${said}”.`, 'Correct what S3 names, then apply again. A principal that S3 calls invalid is a user or role it does not know.', { said })
    }
    if ((awsErrorName(error) === 'AccessDenied' || awsHttpStatus(error) === 403) && blockRefusingPolicy(document, block, null) === 'bucket') {
      throw new AppError('policy-blocked', 'S3 refused the policy because it is public and this bucket’s Block Public Access blocks new public policies.', 'Choose to allow public policies in Block Public Access too, or make the policy non-public.')
    }
    throw writeFailed(scope, error, 's3:PutBucketPolicy')
  })
}
