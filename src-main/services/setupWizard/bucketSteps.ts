import { CreateBucketCommand, GetBucketCorsCommand, HeadBucketCommand, PutBucketCorsCommand, type CORSRule, type S3Client } from '@aws-sdk/client-s3'
import { bucketNameProblems } from '../../contract/rules/bucketNameRule'
import { cubetaStatements, type PolicyStatement } from '../../contract/rules/bucketPolicy'
import { AppError } from '../../core/appError'
import { toAppError } from '../aws/awsErrors'
import { awsErrorName, awsHttpStatus } from '../../core/awsErrorShape'
import { createBucketRequest } from '../buckets/createBucketRequest'
import { relaxBlockForPublicPolicy, writeMergedPolicy } from '../buckets/publicRead'
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
 * Public read, in the order real S3 needs (services/buckets/publicRead): Block Public
 * Access relaxed first, then the policy merged into any that was there. Only real
 * changes are recorded, so a rollback of a re-run doesn't undo the first run's work.
 */
export async function applyPublicRead(session: SetupSession, s3: S3Client, userArn: string, onWait: (detail: string) => void) {
  const { bucket, cors, policy } = session.plan!
  const relaxed = await relaxBlockForPublicPolicy(s3, bucket, (error, action) => denied(action)(error))
  if (relaxed.changed) recordCreated(session, { kind: 'public-access-block', bucket })

  const ours = cubetaStatements(bucket, userArn, policy)
  const { existing, policyJson } = await writeMergedPolicy(s3, bucket, ours, (error, action) => denied(action)(error), (waitedMs) =>
    onWait(`IAM is still publishing the new user… ${Math.round(waitedMs / 1000)} s`),
  )
  if (!hasStatements(existing, ours)) recordCreated(session, { kind: 'bucket-policy', bucket })
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
