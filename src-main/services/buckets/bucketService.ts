import { GetBucketLocationCommand, ListBucketsCommand, type Bucket, type S3Client } from '@aws-sdk/client-s3'
import type { BucketSummary } from '../../contract/bridge'
import type { AwsClientFactory } from '../aws/awsClients'
import { toAppError } from '../aws/awsErrors'
import type { ProfileService } from '../profiles/profileService'
import { regionFromLocationConstraint } from './bucketRegion'
import { mapWithConcurrency } from '../../core/async/workerPool'

export interface BucketService {
  list(profileId: string): Promise<BucketSummary[]>
}

/**
 * Buckets of a profile, with region and creation date
 *
 * ListBuckets is paginated since 2024 and returns BucketRegion; older S3-compatible
 * servers return neither, so the region is then asked per bucket, a few at a time.
 */
export function createBucketService(deps: { profiles: ProfileService; clients: AwsClientFactory }): BucketService {
  return {
    async list(profileId) {
      const connection = await deps.profiles.connectionFor(profileId)
      const s3 = deps.clients.s3(connection)
      const context = { keyIdMasked: connection.keyIdMasked, action: 'list your buckets', endpoint: connection.endpoint }
      let buckets: Bucket[]
      try {
        buckets = await listAllBuckets(s3)
      } catch (error) {
        const appError = toAppError(error, context)
        // A least-privilege user made by setup may not list buckets, but knows its own.
        if (appError.code !== 'access-denied' || !connection.pinnedBucket) throw appError
        return [{ name: connection.pinnedBucket, region: connection.region, createdAt: null }]
      }
      const summaries = await mapWithConcurrency(buckets, 8, async (bucket) => ({
        name: bucket.Name ?? '',
        region: bucket.BucketRegion ?? (await askRegion(s3, bucket.Name ?? '')),
        createdAt: bucket.CreationDate ? bucket.CreationDate.toISOString() : null,
      }))
      return summaries.sort((a, b) => a.name.localeCompare(b.name))
    },
  }
}

async function listAllBuckets(s3: S3Client): Promise<Bucket[]> {
  const buckets: Bucket[] = []
  let token: string | undefined
  do {
    const page = await s3.send(new ListBucketsCommand(token ? { ContinuationToken: token } : {}))
    buckets.push(...(page.Buckets ?? []))
    token = page.ContinuationToken
  } while (token)
  return buckets
}

/** A bucket whose region can't be read (no permission, old server) still lists, with no region. */
async function askRegion(s3: S3Client, bucket: string): Promise<string | null> {
  try {
    const answer = await s3.send(new GetBucketLocationCommand({ Bucket: bucket }))
    return regionFromLocationConstraint(answer.LocationConstraint)
  } catch {
    return null
  }
}
