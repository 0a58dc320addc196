import { ListBucketsCommand } from '@aws-sdk/client-s3'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { maskKeyId } from '../../core/maskKeyId'
import type { ProfileConnection } from './profileConnection'
import type { AwsClientFactory } from './awsClients'
import { toAppError } from './awsErrors'

/**
 * Checks keys with one real call before they are saved
 *
 * AWS: STS GetCallerIdentity, which needs no permission at all, so it tests only the keys.
 * S3-compatible stores rarely have STS, so there a ListBuckets is the check.
 */
export async function verifyCredentials(clients: AwsClientFactory, connection: ProfileConnection): Promise<void> {
  const context = { keyIdMasked: maskKeyId(connection.accessKeyId), action: 'sign in', endpoint: connection.endpoint }
  try {
    if (connection.endpoint === null) {
      await clients.sts(connection).send(new GetCallerIdentityCommand({}))
    } else {
      await clients.s3(connection).send(new ListBucketsCommand({}))
    }
  } catch (error) {
    throw toAppError(error, context)
  }
}
