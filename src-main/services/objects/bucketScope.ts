import type { S3Client } from '@aws-sdk/client-s3'
import type { AppError } from '../../router/appError'
import type { AwsClientFactory } from '../aws/awsClients'
import { toAppError } from '../aws/awsErrors'
import type { ProfileService } from '../profiles/profileService'
import type { BucketRegionCache } from './bucketRegionCache'

type Connection = Awaited<ReturnType<ProfileService['connectionFor']>>

/** Everything an object call needs: a client signed for the bucket's own region, and its error words. */
export interface BucketScope {
  bucket: string
  connection: Connection
  /** The bucket's region (or the profile's, for custom endpoints). */
  region: string
  s3: S3Client
  /** An AWS failure in plain words, naming what was being done ("rename “a.png”"). */
  fail(error: unknown, action: string): AppError
}

export function createBucketScopes(deps: { profiles: ProfileService; clients: AwsClientFactory; regions: BucketRegionCache }) {
  return async function scopeFor(profileId: string, bucket: string): Promise<BucketScope> {
    const connection = await deps.profiles.connectionFor(profileId)
    const profileClient = deps.clients.s3(connection)
    const region = await deps.regions.regionFor(profileId, connection, bucket, profileClient)
    const s3 = region === connection.region ? profileClient : deps.clients.s3({ ...connection, region })
    return {
      bucket,
      connection,
      region,
      s3,
      fail: (error, action) => toAppError(error, { keyIdMasked: connection.keyIdMasked, action, endpoint: connection.endpoint }),
    }
  }
}

export type ScopeFor = ReturnType<typeof createBucketScopes>
