/* Pure and dependency-free: the wizard previews the exact JSON before anything is sent. */

/** How far the new user's rights reach: what Django needs on its bucket, or the tutorial's S3 full access. */
export const userPolicyChoices = ['least-privilege', 's3-full-access'] as const
export type UserPolicyChoice = (typeof userPolicyChoices)[number]

/**
 * The bucket policy the tutorial writes, made current and merged, never overwritten
 *
 * Same meaning as the tutorial's policy, with Version 2012-10-17:
 * - anyone may s3:GetObject on bucket/* (objects readable by URL; listing stays private);
 * - the new user may do what its own IAM policy allows on this bucket, and no more: with
 *   least privilege what django-storages needs, with the tutorial's full access s3:*.
 * Our statements carry fixed Sids, so running setup again replaces them in place (also
 * the ones an earlier run wrote for the other choice, so a wider grant can't linger),
 * and every statement someone else wrote (other Sids, conditions) is kept as it was.
 */
export interface PolicyStatement {
  Sid?: string
  Effect: 'Allow' | 'Deny'
  Principal?: unknown
  Action?: string | string[]
  Resource?: string | string[]
  [key: string]: unknown
}

export interface PolicyDocument {
  Version: string
  Id?: string
  Statement: PolicyStatement[]
}

export const publicReadSid = 'CubetaPublicReadObjects'
/** The tutorial's statement: s3:* for the user, only with the explicit full-access choice. */
export const userFullAccessSid = 'CubetaUserFullAccess'
export const userListBucketSid = 'CubetaUserListBucket'
export const userObjectsSid = 'CubetaUserObjects'
/** Every Sid Cubeta has ever written: merging and rollback replace or remove exactly these. */
export const cubetaSids: readonly string[] = [publicReadSid, userFullAccessSid, userListBucketSid, userObjectsSid]

/**
 * What a Django app does with its bucket through django-storages, and nothing else
 *
 * List it (exists, listdir, collectstatic), and read, write and delete its objects,
 * multipart included. No s3:PutObjectAcl (ACLs stay off), and nothing on the bucket's
 * own settings: this key can't rewrite the policy, make the bucket private or delete it.
 */
export const djangoBucketActions: readonly string[] = ['s3:ListBucket']
export const djangoObjectActions: readonly string[] = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts']

const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`
const objectsArn = (bucket: string) => `arn:aws:s3:::${bucket}/*`

/** The Django actions, each on the resource it applies to: the bucket, or its objects. */
function djangoGrants(bucket: string, sids: { list: string; objects: string }, principal?: unknown): PolicyStatement[] {
  const who = principal === undefined ? {} : { Principal: principal }
  return [
    { Sid: sids.list, Effect: 'Allow', ...who, Action: [...djangoBucketActions], Resource: bucketArn(bucket) },
    { Sid: sids.objects, Effect: 'Allow', ...who, Action: [...djangoObjectActions], Resource: objectsArn(bucket) },
  ]
}

export function cubetaStatements(bucket: string, userArn: string | null, access: UserPolicyChoice): PolicyStatement[] {
  const statements: PolicyStatement[] = [
    {
      Sid: publicReadSid,
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: objectsArn(bucket),
    },
  ]
  if (!userArn) return statements
  if (access === 's3-full-access') {
    statements.push({
      Sid: userFullAccessSid,
      Effect: 'Allow',
      Principal: { AWS: userArn },
      Action: 's3:*',
      Resource: [bucketArn(bucket), objectsArn(bucket)],
    })
  } else {
    statements.push(...djangoGrants(bucket, { list: userListBucketSid, objects: userObjectsSid }, { AWS: userArn }))
  }
  return statements
}

/** Thrown when an existing policy can't be read, so setup stops instead of replacing it. */
export class UnreadablePolicyError extends Error {}

export function mergeBucketPolicy(existingJson: string | null, ours: PolicyStatement[]): PolicyDocument {
  if (!existingJson) return { Version: '2012-10-17', Statement: ours }
  let existing: { Version?: unknown; Id?: unknown; Statement?: unknown }
  try {
    existing = JSON.parse(existingJson)
  } catch {
    throw new UnreadablePolicyError('The bucket already has a policy that is not valid JSON.')
  }
  // Not a policy document, or a Statement of no known shape: refuse rather than drop it.
  if (typeof existing !== 'object' || existing === null || Array.isArray(existing)) {
    throw new UnreadablePolicyError('The bucket already has a policy that is not a JSON object.')
  }
  if (existing.Statement !== undefined && (typeof existing.Statement !== 'object' || existing.Statement === null)) {
    throw new UnreadablePolicyError('The bucket already has a policy whose Statement Cubeta cannot read.')
  }
  const statements = Array.isArray(existing.Statement)
    ? (existing.Statement as PolicyStatement[])
    : existing.Statement !== undefined
      ? [existing.Statement as PolicyStatement]
      : []
  const ourSids = new Set([...cubetaSids, ...ours.flatMap((s) => (s.Sid ? [s.Sid] : []))])
  // Only our own Sids are replaced; anything else, even a malformed entry, stays as it was.
  const kept = statements.filter((s) => !(typeof s === 'object' && s !== null && typeof s.Sid === 'string' && ourSids.has(s.Sid)))
  return {
    // An older "2008-10-17" policy lacks policy variables; upgrading keeps every meaning.
    Version: '2012-10-17',
    ...(typeof existing.Id === 'string' ? { Id: existing.Id } : {}),
    Statement: [...kept, ...ours],
  }
}

/**
 * The user's own IAM policy for least privilege: what django-storages needs, on this bucket
 *
 * Not even s3:ListAllMyBuckets: other bucket names stay hidden too. The profile that
 * setup saves remembers its bucket, so the browser doesn't need to list them.
 */
export function leastPrivilegeUserPolicy(bucket: string): PolicyDocument {
  return { Version: '2012-10-17', Statement: djangoGrants(bucket, { list: 'CubetaListBucket', objects: 'CubetaObjects' }) }
}
