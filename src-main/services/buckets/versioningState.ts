import { GetBucketVersioningCommand, type GetBucketVersioningCommandOutput, type S3Client } from '@aws-sdk/client-s3'
import type { VersioningState } from '../../contract/bridge'

/** GetBucketVersioning's answer in the three states a user knows: no Status means never enabled. */
export function versioningFrom(answer: Pick<GetBucketVersioningCommandOutput, 'Status'>): VersioningState {
  if (answer.Status === 'Enabled') return 'on'
  if (answer.Status === 'Suspended') return 'suspended'
  return 'off'
}

/** The bucket's versioning, or 'unknown' when the key may not read it or the server can't say. */
export async function readVersioning(s3: S3Client, bucket: string, signal?: AbortSignal): Promise<VersioningState | 'unknown'> {
  try {
    return versioningFrom(await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }), signal ? { abortSignal: signal } : {}))
  } catch {
    return 'unknown'
  }
}
