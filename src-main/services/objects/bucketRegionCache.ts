import { HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3'

/**
 * Which region a bucket lives in, asked once per (profile, bucket)
 *
 * A profile has one region, but its buckets may live anywhere; signing for the wrong one
 * fails (or redirects) every object call, and a presigned URL signed for the wrong one
 * does not open. HeadBucket says it: SDK v3 returns BucketRegion, and a 301/403 error
 * still carries the x-amz-bucket-region header. Custom endpoints (MinIO, R2...) have no
 * such thing: their profile region is used as is. Only real answers are cached, so a
 * bucket created later, or a network hiccup, is asked again next time.
 */
export interface BucketRegionCache {
  regionFor(profileId: string, connection: { region: string; endpoint: string | null }, bucket: string, s3: S3Client): Promise<string>
}

export function createBucketRegionCache(ask: (s3: S3Client, bucket: string) => Promise<string | null> = askBucketRegion): BucketRegionCache {
  const known = new Map<string, Promise<string | null>>()
  return {
    async regionFor(profileId, connection, bucket, s3) {
      if (connection.endpoint !== null) return connection.region
      const id = `${profileId}\u0000${bucket}`
      let answer = known.get(id)
      if (!answer) {
        // Concurrent calls share one HeadBucket.
        answer = ask(s3, bucket).catch(() => null)
        known.set(id, answer)
      }
      const region = await answer
      if (region === null) known.delete(id)
      return region ?? connection.region
    },
  }
}

/** HeadBucket's region, from the answer or from the error's headers; null when unknown. */
export async function askBucketRegion(s3: S3Client, bucket: string): Promise<string | null> {
  try {
    const answer = await s3.send(new HeadBucketCommand({ Bucket: bucket }))
    return answer.BucketRegion ?? null
  } catch (error) {
    return regionFromError(error)
  }
}

export function regionFromError(error: unknown): string | null {
  const headers = (error as { $response?: { headers?: Record<string, string | undefined> } })?.$response?.headers
  const region = headers?.['x-amz-bucket-region'] ?? headers?.['X-Amz-Bucket-Region']
  return region && /^[a-z0-9-]+$/.test(region) ? region : null
}
