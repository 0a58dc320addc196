import './testSlot'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { startMoto, type Moto } from './motoProcess.mjs'
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam'

/**
 * moto server: S3, IAM and STS on one loopback endpoint
 *
 * `npm test` starts one per test worker (tests/support/peerSlots.mjs; testSlot.ts sets
 * CUBETA_TEST_MOTO to the worker's own); a test file run by hand starts its own. A
 * worker's moto is shared by its files, so tests reset it and its files run one at a time.
 */

export { startMoto, type Moto }

/** Keys moto accepts while IAM enforcement is off: the "admin" that seeds each test. */
export const motoAdmin = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }

/** The moto that `npm test` started, else a fresh one for this file. */
export async function useMoto(): Promise<Moto> {
  const shared = process.env.CUBETA_TEST_MOTO
  if (shared) return { endpoint: shared, stop: async () => undefined }
  return startMoto()
}

export async function resetMoto(endpoint: string): Promise<void> {
  await setIamEnforcement(endpoint, false)
  const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' })
  if (!response.ok) throw new Error(`moto reset failed: ${response.status}`)
}

/** With enforcement on, only keys that moto's IAM created work, and signatures are checked. */
export async function setIamEnforcement(endpoint: string, on: boolean): Promise<void> {
  const response = await fetch(`${endpoint}/moto-api/reset-auth`, { method: 'POST', body: on ? '0' : 'inf' })
  if (!response.ok) throw new Error(`moto reset-auth failed: ${response.status}`)
}

export function adminS3(endpoint: string, region = 'us-east-1'): S3Client {
  return new S3Client({ region, endpoint, forcePathStyle: true, credentials: motoAdmin })
}

/**
 * An IAM user with real keys (S3 full access) and some buckets, as a new Cubeta user
 * would have after following the tutorial by hand.
 */
export async function seedAccount(endpoint: string, buckets: { name: string; region: string }[]) {
  const iam = new IAMClient({ region: 'us-east-1', endpoint, credentials: motoAdmin })
  const userName = `cubeta-user-${Math.random().toString(36).slice(2, 8)}`
  await iam.send(new CreateUserCommand({ UserName: userName }))
  await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' }))
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: userName }))
  for (const bucket of buckets) {
    await adminS3(endpoint, bucket.region).send(
      new CreateBucketCommand({
        Bucket: bucket.name,
        ...(bucket.region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: bucket.region as never } }),
      }),
    )
  }
  return { userName, accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! }
}
