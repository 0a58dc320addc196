import {
  GetBucketCorsCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketRequestPaymentCommand,
  GetObjectAclCommand,
  GetPublicAccessBlockCommand,
  HeadObjectCommand,
  type PublicAccessBlockConfiguration,
} from '@aws-sdk/client-s3'
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand } from '@aws-sdk/client-s3-control'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { awsErrorName, awsHttpStatus } from '../../../core/awsErrorShape'
import type { AwsClientFactory } from '../../aws/awsClients'
import { toAppError } from '../../aws/awsErrors'
import type { BucketScope } from '../../objects/bucketScope'
import type { BlockConfig, CorsRule, HeadFacts, Read } from '../rules/doctorFacts'

/**
 * Each setting the doctor looks at, as the profile's key may read it
 *
 * Never throws: a refusal becomes "denied" with the permission it needs (shown as "not
 * checked: needs …"), a server without the feature "unsupported", anything else "failed"
 * with its reason. "Not there" answers (no policy, no CORS) are real values: null.
 */
const deniedNames = new Set(['AccessDenied', 'AllAccessDisabled', 'Forbidden', 'AccessDeniedException'])
const unsupportedNames = new Set(['NotImplemented', 'MethodNotAllowed', 'UnsupportedOperation', 'XNotImplemented'])

async function read<T>(permission: string, ask: () => Promise<T>, absent: string[] = [], whenAbsent?: T): Promise<Read<T>> {
  try {
    return { state: 'ok', value: await ask() }
  } catch (error) {
    const name = awsErrorName(error)
    if (absent.includes(name)) return { state: 'ok', value: whenAbsent as T }
    if (deniedNames.has(name) || awsHttpStatus(error) === 403) return { state: 'denied', permission }
    if (unsupportedNames.has(name) || awsHttpStatus(error) === 501) return { state: 'unsupported' }
    return { state: 'failed', reason: toAppError(error, { action: `read a setting (${permission})` }).message }
  }
}

const asBlock = (c: PublicAccessBlockConfiguration | undefined): BlockConfig | null =>
  c
    ? { BlockPublicAcls: Boolean(c.BlockPublicAcls), IgnorePublicAcls: Boolean(c.IgnorePublicAcls), BlockPublicPolicy: Boolean(c.BlockPublicPolicy), RestrictPublicBuckets: Boolean(c.RestrictPublicBuckets) }
    : null

/** The account's own Block Public Access (s3control), which wins over the bucket's when stricter. */
export async function readAccountBlock(scope: BucketScope, clients: AwsClientFactory): Promise<Read<BlockConfig | null>> {
  const account = await read('sts:GetCallerIdentity', async () => (await clients.sts(scope.connection).send(new GetCallerIdentityCommand({}))).Account ?? '')
  if (account.state !== 'ok') return account
  return read(
    's3:GetAccountPublicAccessBlock',
    async () => asBlock((await clients.s3control(scope.connection).send(new GetAccountPublicAccessBlockCommand({ AccountId: account.value }))).PublicAccessBlockConfiguration),
    ['NoSuchPublicAccessBlockConfiguration'],
    null,
  )
}

export function readBucketBlock(scope: BucketScope): Promise<Read<BlockConfig | null>> {
  return read('s3:GetBucketPublicAccessBlock', async () => asBlock((await scope.s3.send(new GetPublicAccessBlockCommand({ Bucket: scope.bucket }))).PublicAccessBlockConfiguration), ['NoSuchPublicAccessBlockConfiguration'], null)
}

export function readPolicy(scope: BucketScope): Promise<Read<string | null>> {
  return read('s3:GetBucketPolicy', async () => (await scope.s3.send(new GetBucketPolicyCommand({ Bucket: scope.bucket }))).Policy ?? null, ['NoSuchBucketPolicy'], null)
}

export function readOwnership(scope: BucketScope): Promise<Read<string | null>> {
  return read(
    's3:GetBucketOwnershipControls',
    async () => (await scope.s3.send(new GetBucketOwnershipControlsCommand({ Bucket: scope.bucket }))).OwnershipControls?.Rules?.[0]?.ObjectOwnership ?? null,
    ['OwnershipControlsNotFoundError'],
    null,
  )
}

const everyone = /acs\.amazonaws\.com\/groups\/global\/AllUsers$/

/** Does the object's ACL let everyone read it (AllUsers: READ or FULL_CONTROL)? */
export function readPublicAcl(scope: BucketScope, key: string): Promise<Read<boolean>> {
  return read(
    's3:GetObjectAcl',
    async () =>
      ((await scope.s3.send(new GetObjectAclCommand({ Bucket: scope.bucket, Key: key }))).Grants ?? []).some(
        (grant) => everyone.test(grant.Grantee?.URI ?? '') && (grant.Permission === 'READ' || grant.Permission === 'FULL_CONTROL'),
      ),
    ['NoSuchKey', 'NotFound'],
    false,
  )
}

export async function readHead(scope: BucketScope, key: string): Promise<Read<HeadFacts | null>> {
  const answer = await read('s3:GetObject', async () => {
    try {
      return await scope.s3.send(new HeadObjectCommand({ Bucket: scope.bucket, Key: key }))
    } catch (error) {
      if (awsErrorName(error) !== 'NoSuchBucket' && (awsErrorName(error) === 'NotFound' || awsErrorName(error) === 'NoSuchKey' || awsHttpStatus(error) === 404)) return null
      throw error
    }
  })
  if (answer.state !== 'ok') return answer
  const head = answer.value
  return {
    state: 'ok',
    value: head && {
      size: head.ContentLength ?? 0,
      etag: head.ETag ?? null,
      contentType: head.ContentType ?? null,
      contentDisposition: head.ContentDisposition ?? null,
      encryption: head.ServerSideEncryption ?? null,
    },
  }
}

export function readCors(scope: BucketScope): Promise<Read<CorsRule[] | null>> {
  return read('s3:GetBucketCORS', async () => ((await scope.s3.send(new GetBucketCorsCommand({ Bucket: scope.bucket }))).CORSRules ?? null) as CorsRule[] | null, ['NoSuchCORSConfiguration'], null)
}

export function readRequestPayment(scope: BucketScope): Promise<Read<'Requester' | 'BucketOwner'>> {
  return read('s3:GetBucketRequestPayment', async () => ((await scope.s3.send(new GetBucketRequestPaymentCommand({ Bucket: scope.bucket }))).Payer === 'Requester' ? 'Requester' : 'BucketOwner'))
}
