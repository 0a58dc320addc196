/* Pure and dependency-free: the wizard previews the exact JSON before anything is sent. */
/**
 * The bucket policy the tutorial writes, made current and merged, never overwritten
 *
 * Same meaning as the tutorial's policy, with Version 2012-10-17:
 * - anyone may s3:GetObject on bucket/* (objects readable by URL; listing stays private);
 * - the new user may s3:* on the bucket and its objects.
 * Our statements carry fixed Sids, so running setup again replaces them in place, and
 * every statement someone else wrote (other Sids, conditions) is kept as it was.
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
export const userAccessSid = 'CubetaUserFullAccess'

export function cubetaStatements(bucket: string, userArn: string | null): PolicyStatement[] {
  const statements: PolicyStatement[] = [
    {
      Sid: publicReadSid,
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::${bucket}/*`,
    },
  ]
  if (userArn) {
    statements.push({
      Sid: userAccessSid,
      Effect: 'Allow',
      Principal: { AWS: userArn },
      Action: 's3:*',
      Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
    })
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
  const ourSids = new Set(ours.map((s) => s.Sid))
  // Only our own Sids are replaced; anything else, even a malformed entry, stays as it was.
  const kept = statements.filter((s) => !(typeof s === 'object' && s !== null && s.Sid && ourSids.has(s.Sid)))
  return {
    // An older "2008-10-17" policy lacks policy variables; upgrading keeps every meaning.
    Version: '2012-10-17',
    ...(typeof existing.Id === 'string' ? { Id: existing.Id } : {}),
    Statement: [...kept, ...ours],
  }
}

/**
 * The user's own IAM policy for least privilege: s3:* on this bucket and its objects only
 *
 * Not even s3:ListAllMyBuckets: other bucket names stay hidden too. The profile that
 * setup saves remembers its bucket, so the browser doesn't need to list them.
 */
export function leastPrivilegeUserPolicy(bucket: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'CubetaBucketAccess',
        Effect: 'Allow',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      },
    ],
  }
}
