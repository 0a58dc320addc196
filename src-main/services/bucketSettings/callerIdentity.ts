import { GetCallerIdentityCommand, type GetCallerIdentityCommandOutput } from '@aws-sdk/client-sts'
import type { Caller } from '../../contract/bridge'
import type { AwsClientFactory } from '../aws/awsClients'
import type { BucketScope } from '../objects/bucketScope'

/**
 * Who the profile's keys are, from STS; null for a custom endpoint (MinIO, R2...), whose
 * server has no STS of AWS's kind. Any key may ask: GetCallerIdentity needs no permission.
 */
export function askIdentity(scope: BucketScope, clients: AwsClientFactory): Promise<GetCallerIdentityCommandOutput> | null {
  if (scope.connection.endpoint !== null) return null
  const asked = clients.sts(scope.connection).send(new GetCallerIdentityCommand({}))
  asked.catch(() => undefined)
  return asked
}

/** The caller as the lock-out warnings need it, or null when STS could not say. */
export async function callerFrom(asked: Promise<GetCallerIdentityCommandOutput> | null): Promise<Caller | null> {
  const who = await asked?.catch(() => null)
  return who?.Arn && who.Account ? { arn: who.Arn, account: who.Account } : null
}
