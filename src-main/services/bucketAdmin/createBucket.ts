import { CreateBucketCommand, HeadBucketCommand } from '@aws-sdk/client-s3'
import type { CreatedBucket, NewBucket } from '../../contract/bridge'
import { isAwsRegion } from '../../contract/rules/regions'
import { cubetaStatements } from '../../contract/rules/bucketPolicy'
import { AppError } from '../../core/appError'
import { awsErrorName, awsHttpStatus } from '../../core/awsErrorShape'
import type { AwsClientFactory } from '../aws/awsClients'
import { toAppError } from '../aws/awsErrors'
import { createBucketRequest } from '../buckets/createBucketRequest'
import { relaxBlockForPublicPolicy, writeMergedPolicy } from '../buckets/publicRead'
import type { ProfileService } from '../profiles/profileService'

/**
 * "New bucket", outside the guided setup
 *
 * The name has passed the S3 naming rules (router schema). HeadBucket first: in
 * us-east-1 creating a bucket you already own answers 200, which would read as "created"
 * for a bucket that holds someone's files. CreateBucket follows the LocationConstraint
 * rule the wizard uses. Public read, when asked, is the wizard's: Block Public Access
 * relaxed for policies, then a public-read statement merged into the policy. If that
 * part fails the bucket stays, private, and the answer says why.
 */
export async function createBucket(deps: { profiles: ProfileService; clients: AwsClientFactory }, input: NewBucket): Promise<CreatedBucket> {
  const connection = await deps.profiles.connectionFor(input.profileId)
  // S3-compatible stores have no AWS regions; they take the profile's.
  const region = connection.endpoint ? connection.region : input.region
  if (!connection.endpoint && !isAwsRegion(region)) throw bucketErrors.unknownRegion(region)
  const s3 = deps.clients.s3({ ...connection, region })
  const fail = (error: unknown, action: string) => toAppError(error, { keyIdMasked: connection.keyIdMasked, action, endpoint: connection.endpoint })
  const { bucket } = input

  const exists = await s3.send(new HeadBucketCommand({ Bucket: bucket })).then(
    () => true,
    (error) => {
      const status = awsHttpStatus(error)
      if (status === 404 || awsErrorName(error) === 'NotFound' || awsErrorName(error) === 'NoSuchBucket') return false
      if (status === 403) throw bucketErrors.taken(bucket)
      // 301: it exists in another region, so it is someone's (perhaps ours).
      if (status === 301) return true
      throw fail(error, 'check whether the bucket name is free (s3:ListBucket)')
    },
  )
  if (exists) throw bucketErrors.yours(bucket)
  try {
    await s3.send(new CreateBucketCommand(createBucketRequest(bucket, region)))
  } catch (error) {
    if (awsErrorName(error) === 'BucketAlreadyOwnedByYou') throw bucketErrors.yours(bucket)
    if (awsErrorName(error) === 'BucketAlreadyExists') throw bucketErrors.taken(bucket)
    if (awsErrorName(error) === 'TooManyBuckets') throw bucketErrors.tooMany()
    throw fail(error, 'create buckets (s3:CreateBucket)')
  }

  if (!input.publicRead) return { bucket, region, policyJson: null, publicReadError: null }
  try {
    await relaxBlockForPublicPolicy(s3, bucket, fail)
    const { policyJson } = await writeMergedPolicy(s3, bucket, cubetaStatements(bucket, null, 'least-privilege'), fail)
    return { bucket, region, policyJson, publicReadError: null }
  } catch (error) {
    const appError = error instanceof AppError ? error : fail(error, 'make the bucket public')
    return { bucket, region, policyJson: null, publicReadError: appError.toBridge() }
  }
}

export const bucketErrors = {
  yours: (bucket: string) =>
    new AppError('bucket-exists-yours', `You already have a bucket named ${bucket}.`, 'Open it from the bucket list, or choose another name.', { bucket }),
  taken: (bucket: string) =>
    new AppError('bucket-name-taken', `The name ${bucket} is taken by another account.`, 'Bucket names are shared by everyone on S3. Add something of your own (your project, a year) to the name.', { bucket }),
  tooMany: () =>
    new AppError('too-many-buckets', 'This account has as many buckets as it may have.', 'Delete a bucket you no longer use, or ask AWS for a higher quota.'),
  unknownRegion: (region: string) =>
    new AppError('unknown-region', `${region} is not one of the AWS regions Cubeta knows.`, 'Choose a region from the list.', { region }),
  confirmMismatch: (bucket: string) =>
    new AppError('confirm-name-mismatch', `The name typed does not match ${bucket}.`, 'Type the bucket’s name exactly, to confirm that this is the one to delete.', { bucket }),
}
