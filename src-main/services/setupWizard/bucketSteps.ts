import {
  CreateBucketCommand,
  GetBucketCorsCommand,
  GetBucketPolicyCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
  PutBucketPolicyCommand,
  PutPublicAccessBlockCommand,
  type CORSRule,
  type S3Client,
} from '@aws-sdk/client-s3'
import { bucketNameProblems } from '../../contract/rules/bucketNameRule'
import { cubetaStatements, mergeBucketPolicy, UnreadablePolicyError, type PolicyStatement } from '../../contract/rules/bucketPolicy'
import { AppError } from '../../router/appError'
import { awsErrorName, awsHttpStatus, toAppError } from '../aws/awsErrors'
import { createBucketRequest } from './createBucketRequest'
import { retryWithBackoff } from './retryWithBackoff'
import { recordCreated, setStep, type SetupSession } from './setupSession'

const denied = (action: string) => (error: unknown) => toAppError(error, { action, endpoint: null })

/**
 * The bucket: reuse it when it is already ours, create it otherwise
 *
 * HeadBucket first, because in us-east-1 creating a bucket you already own answers 200
 * rather than BucketAlreadyOwnedByYou, and because a 403 tells us another account owns
 * the name before we try.
 */
export async function ensureBucket(session: SetupSession, s3: S3Client) {
  const { bucket, region } = session.plan!
  const head = await s3.send(new HeadBucketCommand({ Bucket: bucket })).then(
    (answer) => ({ exists: true as const, region: answer.BucketRegion ?? null }),
    (error) => {
      if (awsHttpStatus(error) === 404 || awsErrorName(error) === 'NotFound' || awsErrorName(error) === 'NoSuchBucket') return { exists: false as const }
      if (awsHttpStatus(error) === 403) throw taken(session)
      if (awsHttpStatus(error) === 301) return { exists: true as const, region: null }
      throw denied('check whether the bucket exists (s3:ListBucket)')(error)
    },
  )
  if (head.exists) {
    if (head.region && head.region !== region) {
      throw new AppError('bucket-other-region', `You already own the bucket ${bucket}, in ${head.region}.`,
        `Choose the region ${head.region} to use it, or pick another bucket name.`, { bucket, region: head.region })
    }
    setStep(session, 'bucket', { status: 'done', detail: `Using your existing bucket ${bucket}.` })
    return
  }
  try {
    await s3.send(new CreateBucketCommand(createBucketRequest(bucket, region)))
  } catch (error) {
    if (awsErrorName(error) === 'BucketAlreadyOwnedByYou') {
      setStep(session, 'bucket', { status: 'done', detail: `Using your existing bucket ${bucket}.` })
      return
    }
    if (awsErrorName(error) === 'BucketAlreadyExists') throw taken(session)
    throw denied('create buckets (s3:CreateBucket)')(error)
  }
  recordCreated(session, { kind: 'bucket', name: bucket, region })
  setStep(session, 'bucket', { status: 'done', detail: `Created the bucket ${bucket} in ${region}.` })
}

/** Bucket names are global across all AWS accounts; offer near names that pass the rules. */
function taken(session: SetupSession): AppError {
  const { bucket } = session.plan!
  const year = new Date().getFullYear()
  session.state.bucketSuggestions = [`${bucket}-${session.accountId.slice(-4)}`, `${bucket}-media`, `${bucket}-${year}`]
    .map((name) => name.slice(0, 63))
    .filter((name) => bucketNameProblems(name).length === 0)
  return new AppError('bucket-taken', `The name ${bucket} is taken by another AWS account.`,
    'Bucket names are shared by everyone on AWS. Pick one of the suggestions, or another name.', { bucket })
}

const publicGetRule: CORSRule = {
  ID: 'cubeta-public-get',
  AllowedMethods: ['GET', 'HEAD'],
  AllowedOrigins: ['*'],
  AllowedHeaders: ['*'],
  MaxAgeSeconds: 3000,
}

/**
 * Public read, in the order real S3 needs
 *
 * 1. PutPublicAccessBlock relaxing only BlockPublicPolicy and RestrictPublicBuckets (the
 *    ACL flags stay on: ACLs are disabled on new buckets anyway);
 * 2. PutBucketPolicy, merged into any policy already there.
 * Step 2 fails with AccessDenied if step 1 is skipped. A policy naming a user created
 * seconds ago can be refused as "Invalid principal" while IAM propagates: retried.
 */
export async function applyPublicRead(session: SetupSession, s3: S3Client, userArn: string, onWait: (detail: string) => void) {
  const { bucket, cors } = session.plan!
  // Record only real changes, so a rollback of a re-run doesn't undo the first run's work.
  const before = await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket })).then((a) => a.PublicAccessBlockConfiguration, () => undefined)
  const alreadyRelaxed = before?.BlockPublicPolicy === false && before?.RestrictPublicBuckets === false
  await s3
    .send(new PutPublicAccessBlockCommand({
      Bucket: bucket,
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false },
    }))
    .catch((error) => {
      throw denied('change the bucket’s Block Public Access settings (s3:PutBucketPublicAccessBlock)')(error)
    })
  if (!alreadyRelaxed) recordCreated(session, { kind: 'public-access-block', bucket })

  const existing = await s3.send(new GetBucketPolicyCommand({ Bucket: bucket })).then(
    (answer) => answer.Policy ?? null,
    (error) => {
      if (awsErrorName(error) === 'NoSuchBucketPolicy') return null
      throw denied('read the bucket policy (s3:GetBucketPolicy)')(error)
    },
  )
  let merged
  try {
    merged = mergeBucketPolicy(existing, cubetaStatements(bucket, userArn))
  } catch (error) {
    if (!(error instanceof UnreadablePolicyError)) throw error
    throw new AppError('policy-unreadable', 'The bucket already has a policy Cubeta cannot read, so it will not replace it.', 'Fix or remove that policy in the S3 console, then run this step again.')
  }
  const policyJson = JSON.stringify(merged, null, 2)
  await retryWithBackoff(() => s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policyJson })), {
    isRetryable: (error) => awsErrorName(error) === 'MalformedPolicy' && /principal/i.test((error as Error).message ?? ''),
    maxWaitMs: 60_000,
    onWait: ({ waitedMs }) => onWait(`IAM is still publishing the new user… ${Math.round(waitedMs / 1000)} s`),
  }).catch((error) => {
    if (awsErrorName(error) === 'MalformedPolicy') {
      throw new AppError('malformed-policy', 'AWS refused the bucket policy as malformed.', 'Check that the existing policy is valid in the S3 console, then run this step again.')
    }
    throw denied('write the bucket policy (s3:PutBucketPolicy)')(error)
  })
  if (!hasStatements(existing, merged.Statement.slice(-2))) recordCreated(session, { kind: 'bucket-policy', bucket })
  session.state.bucketPolicyJson = policyJson

  if (cors) {
    const rules = await s3.send(new GetBucketCorsCommand({ Bucket: bucket })).then((a) => a.CORSRules ?? [], () => [] as CORSRule[])
    if (!rules.some((rule) => rule.ID === publicGetRule.ID)) {
      await s3.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: [...rules, publicGetRule] } })).catch((error) => {
        throw denied('set CORS on the bucket (s3:PutBucketCORS)')(error)
      })
      recordCreated(session, { kind: 'cors', bucket })
    }
  }
  setStep(session, 'publicRead', { status: 'done', detail: 'Objects are readable by URL; listing the bucket stays private.' })
}

/** Did the policy already hold exactly these statements (a re-run)? */
/** Were our statements already there? AWS allows `Statement` to be one object, not a list. */
export function hasStatements(existingJson: string | null, ours: PolicyStatement[]): boolean {
  if (!existingJson) return false
  const statement = (JSON.parse(existingJson) as { Statement?: PolicyStatement[] | PolicyStatement }).Statement ?? []
  const existing = Array.isArray(statement) ? statement : [statement]
  return ours.every((mine) => existing.some((e) => canonical(e) === canonical(mine)))
}

/** Key order doesn't matter, at any depth (Principal, Condition...). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}
