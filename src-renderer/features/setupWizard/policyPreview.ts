import type { UserPolicyChoice } from '../../../src-main/contract/bridge'
import { cubetaStatements, leastPrivilegeUserPolicy, mergeBucketPolicy } from '../../../src-main/contract/rules/bucketPolicy'

/**
 * The policies shown on the public-read page before anything is sent
 *
 * Built by the same pure functions the main side uses, so the preview is the exact JSON
 * a bucket without a policy receives. The user ARN assumes IAM's default path "/", which
 * is where the wizard creates users.
 */
export const userArnFor = (accountId: string, userName: string): string => `arn:aws:iam::${accountId}:user/${userName}`

export function bucketPolicyPreview(bucket: string, accountId: string, userName: string, access: UserPolicyChoice): string {
  return JSON.stringify(mergeBucketPolicy(null, cubetaStatements(bucket, userArnFor(accountId, userName), access)), null, 2)
}

export const userPolicyPreview = (bucket: string): string => JSON.stringify(leastPrivilegeUserPolicy(bucket), null, 2)
