import { CreateMultipartUploadCommand, ListMultipartUploadsCommand, PutBucketLifecycleConfigurationCommand, UploadPartCommand } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { useSeededBackend } from '../support/backendHarness'
import { adminS3 } from '../support/moto'

/** Incomplete multipart uploads against moto: listed with parts and bytes, aborted, and a 7-day rule added beside the others. */
const bucket = 'restos'
const region = 'eu-west-1'
const ctx = useSeededBackend({ region, buckets: [{ name: bucket, region }] })

describe('incomplete uploads', () => {
  it('lists them with parts and bytes, and aborts the ones chosen', async () => {
    const s3 = adminS3(ctx.moto.endpoint, region)
    const started = []
    for (const Key of ['video 1.mp4', 'video 2.mp4']) {
      const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key }))
      await s3.send(new UploadPartCommand({ Bucket: bucket, Key, UploadId, PartNumber: 1, Body: Buffer.alloc(5 * 1024 * 1024, 2) }))
      started.push({ key: Key, uploadId: UploadId! })
    }
    const listed = await ctx.h.ok('uploads/listIncomplete', { profileId: ctx.profileId, bucket })
    expect(listed.truncated).toBe(false)
    expect(listed.uploads.map((u) => [u.key, u.parts, u.bytes, u.transferId])).toEqual([
      ['video 1.mp4', 1, 5 * 1024 * 1024, null],
      ['video 2.mp4', 1, 5 * 1024 * 1024, null],
    ])
    expect(await ctx.h.ok('uploads/abort', { profileId: ctx.profileId, bucket, uploads: [started[0]!] })).toEqual({ aborted: 1, failed: [] })
    const left = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))
    expect(left.Uploads?.map((u) => u.Key)).toEqual(['video 2.mp4'])
  })

  it('adds a rule that aborts them after 7 days, keeping every rule already there', async () => {
    await adminS3(ctx.moto.endpoint, region).send(
      new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [{ ID: 'logs', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 30 } }] } }),
    )
    const { rules } = await ctx.h.ok('uploads/addAbortRule', { profileId: ctx.profileId, bucket, days: 7 })
    expect(rules).toEqual([
      expect.objectContaining({ ID: 'logs', Expiration: { Days: 30 } }),
      expect.objectContaining({ ID: 'cubeta-abort-incomplete-uploads', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }),
    ])
    // Once more: replaced in place, not added twice.
    expect((await ctx.h.ok('uploads/addAbortRule', { profileId: ctx.profileId, bucket, days: 7 })).rules).toHaveLength(2)
  })
})
