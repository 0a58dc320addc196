import type { CreateBucketCommandInput } from '@aws-sdk/client-s3'

/**
 * CreateBucket's LocationConstraint rule
 *
 * us-east-1 is the one region that must send no constraint (sending it fails with
 * InvalidLocationConstraint); every other region must send its own.
 */
export function createBucketRequest(bucket: string, region: string): CreateBucketCommandInput {
  if (region === 'us-east-1') return { Bucket: bucket }
  return { Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: region as never } }
}
