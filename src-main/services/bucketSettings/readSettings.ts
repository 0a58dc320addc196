import {
  GetBucketCorsCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetPublicAccessBlockCommand,
  type PublicAccessBlockConfiguration,
} from '@aws-sdk/client-s3'
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand } from '@aws-sdk/client-s3-control'
import type { BucketSettings, PublicAccessBlock, SettingRead } from '../../contract/bridge'
import type { CorsRule } from '../../contract/rules/bucketSettings/corsRules'
import { awsErrorName, awsHttpStatus } from '../../core/awsErrorShape'
import type { AwsClientFactory } from '../aws/awsClients'
import { versioningFrom } from '../buckets/versioningState'
import type { BucketScope } from '../objects/bucketScope'
import { askIdentity, callerFrom } from './callerIdentity'
import { websiteEndpoint } from './websiteEndpoint'

/** The "none set" answers S3 gives instead of an empty value. */
const nothingSet = new Set([
  'NoSuchBucketPolicy',
  'NoSuchCORSConfiguration',
  'NoSuchLifecycleConfiguration',
  'NoSuchWebsiteConfiguration',
  'NoSuchPublicAccessBlockConfiguration',
  'OwnershipControlsNotFoundError',
  'ServerSideEncryptionConfigurationNotFoundError',
])

/**
 * Reads one setting: its value, "none" when S3 says it was never set, or why not
 *
 * A refusal names the permission the key lacks, so the panel can say it and go on with
 * the other settings.
 */
async function readOne<T>(permission: string, read: () => Promise<T>, none: T, fail: BucketScope['fail']): Promise<SettingRead<T>> {
  try {
    return { state: 'ok', value: await read() }
  } catch (error) {
    if (nothingSet.has(awsErrorName(error))) return { state: 'ok', value: none }
    if (awsErrorName(error) === 'AccessDenied' || awsHttpStatus(error) === 403) return { state: 'denied', permission }
    return { state: 'failed', error: fail(error, `read the setting (${permission})`).toBridge() }
  }
}

const pab = (c: PublicAccessBlockConfiguration | undefined): PublicAccessBlock | null =>
  c
    ? { blockPublicAcls: c.BlockPublicAcls ?? false, ignorePublicAcls: c.IgnorePublicAcls ?? false, blockPublicPolicy: c.BlockPublicPolicy ?? false, restrictPublicBuckets: c.RestrictPublicBuckets ?? false }
    : null

/** The SDK's Dates and undefineds as the plain JSON the editors show. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) as T

export async function readBucketSettings(scope: BucketScope, clients: AwsClientFactory): Promise<BucketSettings> {
  const { s3, bucket } = scope
  const b = { Bucket: bucket }
  const custom = scope.connection.endpoint !== null
  // Asked once: the account's Block Public Access needs the account id, the lock-out warnings the ARN.
  const identity = askIdentity(scope, clients)
  const [versioning, publicAccessBlock, accountPublicAccessBlock, policy, ownership, cors, lifecycle, encryption, website] = await Promise.all([
    readOne('s3:GetBucketVersioning', async () => {
      const a = await s3.send(new GetBucketVersioningCommand(b))
      return { status: versioningFrom(a), mfaDelete: a.MFADelete === 'Enabled' }
    }, { status: 'off' as const, mfaDelete: false }, scope.fail),
    readOne('s3:GetBucketPublicAccessBlock', async () => pab((await s3.send(new GetPublicAccessBlockCommand(b))).PublicAccessBlockConfiguration), null, scope.fail),
    custom
      ? Promise.resolve<SettingRead<PublicAccessBlock | null>>({ state: 'ok', value: null })
      : readOne('s3:GetAccountPublicAccessBlock', async () => {
          const who = await (identity as NonNullable<typeof identity>)
          const answer = await clients.s3control(scope.connection).send(new GetAccountPublicAccessBlockCommand({ AccountId: who.Account }))
          return pab(answer.PublicAccessBlockConfiguration)
        }, null, scope.fail),
    readOne('s3:GetBucketPolicy', async () => (await s3.send(new GetBucketPolicyCommand(b))).Policy ?? null, null, scope.fail),
    readOne('s3:GetBucketOwnershipControls', async () => (await s3.send(new GetBucketOwnershipControlsCommand(b))).OwnershipControls?.Rules?.[0]?.ObjectOwnership ?? null, null, scope.fail),
    readOne('s3:GetBucketCORS', async () => plain((await s3.send(new GetBucketCorsCommand(b))).CORSRules ?? []) as CorsRule[], [] as CorsRule[], scope.fail),
    readOne('s3:GetLifecycleConfiguration', async () => plain((await s3.send(new GetBucketLifecycleConfigurationCommand(b))).Rules ?? []) as unknown as Record<string, unknown>[], [] as Record<string, unknown>[], scope.fail),
    readOne('s3:GetEncryptionConfiguration', async () => {
      const rule = (await s3.send(new GetBucketEncryptionCommand(b))).ServerSideEncryptionConfiguration?.Rules?.[0]
      const defaults = rule?.ApplyServerSideEncryptionByDefault
      return defaults ? { algorithm: defaults.SSEAlgorithm ?? 'AES256', kmsKeyId: defaults.KMSMasterKeyID ?? null, bucketKey: rule?.BucketKeyEnabled ?? false } : null
    }, null, scope.fail),
    readOne('s3:GetBucketWebsite', async () => {
      const a = await s3.send(new GetBucketWebsiteCommand(b))
      return {
        indexDocument: a.IndexDocument?.Suffix ?? null,
        errorDocument: a.ErrorDocument?.Key ?? null,
        redirectAll: a.RedirectAllRequestsTo?.HostName ?? null,
        endpointUrl: custom ? null : websiteEndpoint(bucket, scope.region),
      }
    }, null, scope.fail),
  ])
  return {
    caller: await callerFrom(identity),
    region: scope.region,
    endpoint: scope.connection.endpoint ?? `https://s3.${scope.region}.amazonaws.com`,
    versioning,
    publicAccessBlock,
    accountPublicAccessBlock,
    policy,
    ownership,
    cors,
    lifecycle,
    encryption,
    website,
  }
}
