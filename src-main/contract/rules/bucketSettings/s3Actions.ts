/* Pure and dependency-free: the policy editor checks actions as the user types, the main side again. */
/**
 * The S3 actions a bucket policy may name, by the resource each applies to
 *
 * From the IAM Service Authorization Reference for Amazon S3. S3 refuses a bucket policy
 * that names an action it does not know ("Policy has invalid action"), and one whose
 * actions fit none of its resources ("Action does not apply to any resource(s) in
 * statement"): s3:GetObject on the bucket's own ARN is the usual slip. Account-wide
 * actions (s3:ListAllMyBuckets, s3:CreateJob...) have no place in a bucket's policy.
 */
export const bucketActions: readonly string[] = [
  'CreateBucket',
  'DeleteBucket',
  'DeleteBucketOwnershipControls',
  'DeleteBucketPolicy',
  'DeleteBucketWebsite',
  'GetAccelerateConfiguration',
  'GetAnalyticsConfiguration',
  'GetBucketAcl',
  'GetBucketCORS',
  'GetBucketLocation',
  'GetBucketLogging',
  'GetBucketNotification',
  'GetBucketObjectLockConfiguration',
  'GetBucketOwnershipControls',
  'GetBucketPolicy',
  'GetBucketPolicyStatus',
  'GetBucketPublicAccessBlock',
  'GetBucketRequestPayment',
  'GetBucketTagging',
  'GetBucketVersioning',
  'GetBucketWebsite',
  'GetEncryptionConfiguration',
  'GetIntelligentTieringConfiguration',
  'GetInventoryConfiguration',
  'GetLifecycleConfiguration',
  'GetMetricsConfiguration',
  'GetReplicationConfiguration',
  'ListBucket',
  'ListBucketMultipartUploads',
  'ListBucketVersions',
  'PutAccelerateConfiguration',
  'PutAnalyticsConfiguration',
  'PutBucketAcl',
  'PutBucketCORS',
  'PutBucketLogging',
  'PutBucketNotification',
  'PutBucketObjectLockConfiguration',
  'PutBucketOwnershipControls',
  'PutBucketPolicy',
  'PutBucketPublicAccessBlock',
  'PutBucketRequestPayment',
  'PutBucketTagging',
  'PutBucketVersioning',
  'PutBucketWebsite',
  'PutEncryptionConfiguration',
  'PutIntelligentTieringConfiguration',
  'PutInventoryConfiguration',
  'PutLifecycleConfiguration',
  'PutMetricsConfiguration',
  'PutReplicationConfiguration',
]

export const objectActions: readonly string[] = [
  'AbortMultipartUpload',
  'BypassGovernanceRetention',
  'DeleteObject',
  'DeleteObjectTagging',
  'DeleteObjectVersion',
  'DeleteObjectVersionTagging',
  'GetObject',
  'GetObjectAcl',
  'GetObjectAttributes',
  'GetObjectLegalHold',
  'GetObjectRetention',
  'GetObjectTagging',
  'GetObjectTorrent',
  'GetObjectVersion',
  'GetObjectVersionAcl',
  'GetObjectVersionAttributes',
  'GetObjectVersionForReplication',
  'GetObjectVersionTagging',
  'GetObjectVersionTorrent',
  'InitiateReplication',
  'ListMultipartUploadParts',
  'ObjectOwnerOverrideToBucketOwner',
  'PutObject',
  'PutObjectAcl',
  'PutObjectLegalHold',
  'PutObjectRetention',
  'PutObjectTagging',
  'PutObjectVersionAcl',
  'PutObjectVersionTagging',
  'ReplicateDelete',
  'ReplicateObject',
  'ReplicateTags',
  'RestoreObject',
]

/** Real S3 actions that apply to the account, not to a bucket. */
export const accountActions: readonly string[] = ['ListAllMyBuckets', 'GetAccountPublicAccessBlock', 'PutAccountPublicAccessBlock', 'CreateJob', 'ListJobs', 'ListAccessPoints']

export type ActionReach = 'bucket' | 'object'
