import { HeadBucketCommand, PutObjectCommand, DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { GetPublicAccessBlockCommand, type S3ControlClient } from '@aws-sdk/client-s3-control'
import { testImageKey } from '../../contract/rules/djangoLayout'
import { objectUrl } from '../../contract/rules/publicUrl'
import { AppError } from '../../core/appError'
import { toAppError } from '../aws/awsErrors'
import { awsErrorName, awsHttpStatus } from '../../core/awsErrorShape'
import { retryWithBackoff, type BackoffOptions } from '../../core/async/retryWithBackoff'
import { recordCreated, setStep, type SetupSession } from './setupSession'
import { makeTestPng } from './testImage'

/** Errors a brand-new key gives while IAM spreads it around the world. */
const notYetActive = (error: unknown) =>
  ['InvalidAccessKeyId', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'AccessDenied', 'Forbidden'].includes(awsErrorName(error)) ||
  awsHttpStatus(error) === 403

/** Polls HeadBucket with the new key until it works, about 2 minutes at most. */
export async function waitForNewKey(session: SetupSession, s3AsNewUser: S3Client, onWait: (detail: string) => void) {
  const { bucket } = session.plan!
  await retryWithBackoff(() => s3AsNewUser.send(new HeadBucketCommand({ Bucket: bucket })), {
    isRetryable: notYetActive,
    maxWaitMs: 120_000,
    onWait: ({ waitedMs }) => onWait(`Waiting for AWS to activate the new key… ${Math.round(waitedMs / 1000)} s`),
  }).catch((error) => {
    throw notYetActive(error)
      ? new AppError('key-not-active', 'The new access key still does not work after 2 minutes.', 'AWS is sometimes slow: run this step again in a minute.')
      : toAppError(error, { action: 'reach the bucket with the new key', endpoint: null })
  })
  setStep(session, 'propagation', { status: 'done', detail: 'The new key works.' })
}

export interface VerifyDeps {
  s3AsNewUser: S3Client
  s3control: S3ControlClient
  /** Where anonymous reads go: AWS, or the local server the tests use. */
  publicEndpoint: string | null
  fetch: typeof fetch
  onWait: (detail: string) => void
  /** Injected by unit tests so the public-read retries don't really wait. */
  clock?: Pick<BackoffOptions, 'sleep' | 'now'>
}

/**
 * The proof: upload an image as the new user, then fetch its public URL anonymously
 *
 * 200, the same bytes and an image/* type mean a Django template can use the URL. A 403
 * after the policy is in place usually means the account-level Block Public Access
 * setting, which wins over the bucket's: that is checked and said exactly.
 */
export async function verifyPublicRead(session: SetupSession, deps: VerifyDeps) {
  const { bucket, region, keepTestObject } = session.plan!
  const key = testImageKey(Date.now())
  const image = makeTestPng()
  await deps.s3AsNewUser
    .send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: image, ContentType: 'image/png', CacheControl: 'no-cache' }))
    .catch((error) => {
      throw toAppError(error, { action: 'upload the test image (s3:PutObject)', endpoint: null })
    })
  recordCreated(session, { kind: 'test-object', bucket, key })

  const publicUrl = objectUrl({ bucket, key, region, endpoint: deps.publicEndpoint })
  const answer = await retryWithBackoff(
    async () => {
      const response = await deps.fetch(publicUrl, { redirect: 'error', headers: { 'cache-control': 'no-cache' } })
      if (response.status === 403) throw Object.assign(new Error('403'), { name: 'AnonymousReadRefused' })
      return response
    },
    { isRetryable: (e) => awsErrorName(e) === 'AnonymousReadRefused', maxWaitMs: 20_000, ...deps.clock, onWait: ({ waitedMs }) => deps.onWait(`Checking the public URL… ${Math.round(waitedMs / 1000)} s`) },
  ).catch(async (error) => {
    if (awsErrorName(error) !== 'AnonymousReadRefused') {
      throw new AppError('public-url-unreachable', `Cubeta could not fetch ${publicUrl}.`, 'Check your internet connection and run this step again.')
    }
    throw (await accountBlocksPublic(deps.s3control, session.accountId))
      ? new AppError('account-blocks-public', 'Your AWS account blocks public access for every bucket, so the objects stay private.',
          'In the S3 console open “Block Public Access settings for this account”, turn off “Block public access … through new public bucket policies” and “… through any public bucket policies”, then run this step again.')
      : new AppError('public-read-refused', 'The bucket policy is in place, but anonymous reads are still refused.',
          'Check the account-level Block Public Access settings and any organization policies (SCPs), then run this step again.')
  })
  const bytes = Buffer.from(await answer.arrayBuffer())
  const contentType = answer.headers.get('content-type') ?? ''
  if (answer.status !== 200 || !bytes.equals(image) || !contentType.startsWith('image/')) {
    throw new AppError('public-url-wrong', `The public URL answered, but not with the image (HTTP ${answer.status}, ${contentType || 'no type'}).`,
      'Run this step again; if it persists, check for a CDN or redirect in front of the bucket.')
  }
  if (!keepTestObject) {
    await deps.s3AsNewUser.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))
    session.state.created = session.state.created.filter((r) => !(r.kind === 'test-object' && r.key === key))
  }
  session.state.verified = { publicUrl, contentType, previewDataUrl: `data:image/png;base64,${image.toString('base64')}`, bytes: bytes.length }
  setStep(session, 'verify', { status: 'done', detail: `Anyone can open ${publicUrl}` })
}

async function accountBlocksPublic(s3control: S3ControlClient, accountId: string): Promise<boolean> {
  try {
    const answer = await s3control.send(new GetPublicAccessBlockCommand({ AccountId: accountId }))
    const config = answer.PublicAccessBlockConfiguration
    return Boolean(config?.BlockPublicPolicy || config?.RestrictPublicBuckets)
  } catch {
    return false
  }
}
