import type { S3Client } from '@aws-sdk/client-s3'
import type { AppError } from '../../core/appError'
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
  /** The same, trying each request once: for the transfer engine and downloads, which retry themselves. */
  transferS3: S3Client
  /** An AWS failure in plain words, naming what was being done ("rename “a.png”") and the permission it needs. */
  fail(error: unknown, action: string, permission?: string): AppError
}

/**
 * Scopes are kept for a short while: a folder of 100,000 keys is 100 page calls, and
 * building the client for each (profile read, the SDK's config chain, a new connection)
 * made listing measurably slower than a plain loop (bench/limits.md). Any profile change
 * forgets them all.
 */
const keepMs = 60_000

export function createBucketScopes(deps: { profiles: ProfileService; clients: AwsClientFactory; regions: BucketRegionCache; now?: () => number }) {
  const now = deps.now ?? Date.now
  const kept = new Map<string, { scope: BucketScope; at: number }>()
  const scopeFor = async (profileId: string, bucket: string): Promise<BucketScope> => {
    const key = `${profileId}\n${bucket}`
    const hit = kept.get(key)
    if (hit && now() - hit.at < keepMs) return hit.scope
    const scope = await buildScope(profileId, bucket)
    kept.set(key, { scope, at: now() })
    return scope
  }
  scopeFor.forgetAll = () => kept.clear()
  return scopeFor

  async function buildScope(profileId: string, bucket: string): Promise<BucketScope> {
    const connection = await deps.profiles.connectionFor(profileId)
    const profileClient = deps.clients.s3(connection)
    const region = await deps.regions.regionFor(profileId, connection, bucket, profileClient)
    const s3 = region === connection.region ? profileClient : deps.clients.s3({ ...connection, region })
    return {
      bucket,
      connection,
      region,
      s3,
      transferS3: deps.clients.s3Transfers({ ...connection, region }),
      fail: (error, action, permission) =>
        toAppError(error, { keyIdMasked: connection.keyIdMasked, action, endpoint: connection.endpoint, ...(permission ? { permission } : {}) }),
    }
  }
}

export type ScopeFor = ReturnType<typeof createBucketScopes>
