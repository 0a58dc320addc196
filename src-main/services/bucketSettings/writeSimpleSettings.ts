import { DeleteBucketWebsiteCommand, PutBucketEncryptionCommand, PutBucketOwnershipControlsCommand, PutBucketWebsiteCommand } from '@aws-sdk/client-s3'
import type { Ownership, WebsiteChoice } from '../../contract/rules/bucketSettings/simpleSettings'
import { AppError } from '../../core/appError'
import { awsErrorName } from '../../core/awsErrorShape'
import type { BucketScope } from '../objects/bucketScope'
import { writeFailed } from './writeSettings'

/** Object Ownership. S3 refuses ACLs off while the bucket's own ACL grants someone else: said in our words. */
export async function setOwnership(scope: BucketScope, ownership: Ownership): Promise<void> {
  await scope.s3.send(new PutBucketOwnershipControlsCommand({ Bucket: scope.bucket, OwnershipControls: { Rules: [{ ObjectOwnership: ownership }] } })).catch((error) => {
    if (awsErrorName(error) === 'InvalidBucketAclWithObjectOwnership') {
      throw new AppError('ownership-acl-grants', 'S3 won’t turn ACLs off while the bucket’s own ACL gives access to someone else.', 'Remove those grants from the bucket ACL (or grant the same in the bucket policy), then turn ACLs off.')
    }
    throw writeFailed(scope, error, 's3:PutBucketOwnershipControls')
  })
}

/**
 * Default encryption for what is uploaded from now on (objects already there keep theirs).
 * There is no "none" since 2023: SSE-S3 is the floor.
 */
export async function setEncryption(scope: BucketScope, algorithm: 'AES256' | 'aws:kms', kmsKeyId: string, bucketKey: boolean): Promise<void> {
  const byDefault = algorithm === 'AES256' ? { SSEAlgorithm: 'AES256' as const } : { SSEAlgorithm: 'aws:kms' as const, ...(kmsKeyId ? { KMSMasterKeyID: kmsKeyId } : {}) }
  await scope.s3
    .send(new PutBucketEncryptionCommand({ Bucket: scope.bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: byDefault, BucketKeyEnabled: algorithm === 'aws:kms' && bucketKey }] } }))
    .catch((error) => {
      throw writeFailed(scope, error, 's3:PutEncryptionConfiguration')
    })
}

/** Static website hosting: off deletes the configuration; otherwise written whole. */
export async function setWebsite(scope: BucketScope, choice: WebsiteChoice): Promise<void> {
  const { s3, bucket } = scope
  const write =
    choice.mode === 'off'
      ? s3.send(new DeleteBucketWebsiteCommand({ Bucket: bucket }))
      : s3.send(
          new PutBucketWebsiteCommand({
            Bucket: bucket,
            WebsiteConfiguration:
              choice.mode === 'redirect'
                ? { RedirectAllRequestsTo: { HostName: choice.redirectHost, Protocol: choice.redirectProtocol } }
                : { IndexDocument: { Suffix: choice.indexDocument }, ...(choice.errorDocument ? { ErrorDocument: { Key: choice.errorDocument } } : {}) },
          }),
        )
  await write.catch((error) => {
    throw writeFailed(scope, error, choice.mode === 'off' ? 's3:DeleteBucketWebsite' : 's3:PutBucketWebsite')
  })
}
