import {
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DetachUserPolicyCommand,
  ListAccessKeysCommand,
  type IAMClient,
} from '@aws-sdk/client-iam'
import {
  DeleteBucketCommand,
  DeleteBucketCorsCommand,
  DeleteBucketPolicyCommand,
  DeleteObjectCommand,
  DeletePublicAccessBlockCommand,
  GetBucketPolicyCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  type S3Client,
} from '@aws-sdk/client-s3'
import type { CreatedResource } from '../../contract/bridge'
import { cubetaSids } from '../../contract/rules/bucketPolicy'
import type { SetupSession } from './setupSession'

/**
 * Undo exactly what this run created, newest first
 *
 * Things the run reused (an existing user, bucket or policy statement of someone else)
 * are never touched. A bucket is deleted only if this run created it and it is empty.
 * Each undo is tried on its own, so one failure doesn't strand the rest; what could not
 * be removed is reported with the reason.
 */
export async function rollBack(session: SetupSession, iam: IAMClient, s3: S3Client): Promise<{ removed: string[]; kept: string[] }> {
  const removed: string[] = []
  const kept: string[] = []
  const createdBuckets = new Set(session.state.created.flatMap((r) => (r.kind === 'bucket' ? [r.name] : [])))
  const remaining: CreatedResource[] = []

  for (const resource of [...session.state.created].reverse()) {
    const label = describe(resource)
    try {
      const done = await undo(resource, { iam, s3, createdBuckets, newKeyId: session.newKey?.accessKeyId ?? session.orphanKeyId })
      if (done === true) removed.push(label)
      else if (done !== 'skip') {
        kept.push(`${label}: ${done}`)
        remaining.unshift(resource)
      }
    } catch (error) {
      kept.push(`${label}: ${(error as Error).name || 'error'} — ${(error as Error).message}`)
      remaining.unshift(resource)
    }
  }
  session.state.created = remaining
  if (!remaining.some((r) => r.kind === 'access-key')) session.newKey = null
  return { removed, kept }
}

interface UndoDeps {
  iam: IAMClient
  s3: S3Client
  createdBuckets: Set<string>
  newKeyId: string | null
}

/** true when removed, 'skip' when a later undo covers it, or the reason it was kept. */
async function undo(resource: CreatedResource, deps: UndoDeps): Promise<true | 'skip' | string> {
  const { iam, s3 } = deps
  switch (resource.kind) {
    case 'test-object':
      await s3.send(new DeleteObjectCommand({ Bucket: resource.bucket, Key: resource.key }))
      return true
    case 'cors':
      if (deps.createdBuckets.has(resource.bucket)) return 'skip'
      await s3.send(new DeleteBucketCorsCommand({ Bucket: resource.bucket }))
      return true
    case 'bucket-policy':
      if (deps.createdBuckets.has(resource.bucket)) return 'skip'
      await removeOurStatements(s3, resource.bucket)
      return true
    case 'public-access-block':
      if (deps.createdBuckets.has(resource.bucket)) return 'skip'
      // Back to the AWS default for new buckets: everything blocked.
      await s3.send(new DeletePublicAccessBlockCommand({ Bucket: resource.bucket }))
      return true
    case 'bucket': {
      const listing = await s3.send(new ListObjectsV2Command({ Bucket: resource.name, MaxKeys: 1 }))
      if ((listing.KeyCount ?? 0) > 0) return 'it is not empty, so Cubeta keeps it'
      await s3.send(new DeleteBucketCommand({ Bucket: resource.name }))
      return true
    }
    case 'access-key': {
      if (!deps.newKeyId) return 'the key id was not kept'
      await iam.send(new DeleteAccessKeyCommand({ UserName: resource.user, AccessKeyId: deps.newKeyId }))
      return true
    }
    case 'inline-policy':
      await iam.send(new DeleteUserPolicyCommand({ UserName: resource.user, PolicyName: resource.policyName }))
      return true
    case 'managed-policy':
      await iam.send(new DetachUserPolicyCommand({ UserName: resource.user, PolicyArn: resource.policyArn }))
      return true
    case 'user': {
      const keys = await iam.send(new ListAccessKeysCommand({ UserName: resource.name }))
      if ((keys.AccessKeyMetadata ?? []).length > 0) return 'it still has access keys Cubeta did not create'
      await iam.send(new DeleteUserCommand({ UserName: resource.name }))
      return true
    }
  }
}

async function removeOurStatements(s3: S3Client, bucket: string) {
  const current = await s3.send(new GetBucketPolicyCommand({ Bucket: bucket })).then((a) => a.Policy ?? null, () => null)
  if (!current) return
  const policy = JSON.parse(current) as { Statement?: { Sid?: string }[] }
  const others = (policy.Statement ?? []).filter((s) => !cubetaSids.includes(s.Sid ?? ''))
  if (others.length === 0) await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }))
  else await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ ...policy, Statement: others }) }))
}

export function describe(resource: CreatedResource): string {
  switch (resource.kind) {
    case 'user': return `IAM user ${resource.name}`
    case 'inline-policy': return `inline policy ${resource.policyName} of ${resource.user}`
    case 'managed-policy': return `AmazonS3FullAccess attached to ${resource.user}`
    case 'access-key': return `access key ${resource.keyIdMasked} of ${resource.user}`
    case 'bucket': return `bucket ${resource.name} (${resource.region})`
    case 'public-access-block': return `Block Public Access change on ${resource.bucket}`
    case 'bucket-policy': return `public-read policy statements on ${resource.bucket}`
    case 'cors': return `CORS rule on ${resource.bucket}`
    case 'test-object': return `test image ${resource.key}`
  }
}
