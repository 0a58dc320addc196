import type { S3Client } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../src-main/core/appError'
import type { AwsClientFactory } from '../../src-main/services/aws/awsClients'
import { createBucket } from '../../src-main/services/bucketAdmin/createBucket'
import { emptyAndDeleteBucket } from '../../src-main/services/bucketAdmin/deleteBucket'
import { addEntries, emptyTally } from '../../src-main/services/bucketAdmin/measureBucket'
import { createOperations } from '../../src-main/services/bucketAdmin/operations'
import type { BucketScope } from '../../src-main/services/objects/bucketScope'
import type { ProfileService } from '../../src-main/services/profiles/profileService'

/** An in-memory versioned bucket that answers the calls emptying it makes, and records them. */
function fakeVersionedBucket(count: number, onDeleteBatch: (n: number) => void = () => undefined) {
  let entries = Array.from({ length: count }, (_, i) => ({ Key: `k${String(i).padStart(5, '0')}`, VersionId: `v${i}` }))
  const calls: string[] = []
  let bucketExists = true
  const client = {
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }, options?: { abortSignal?: AbortSignal }) {
      const name = command.constructor.name.replace(/Command$/, '')
      calls.push(name)
      if (options?.abortSignal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' })
      const input = command.input
      switch (name) {
        case 'GetBucketVersioning':
          return { Status: 'Enabled' }
        case 'ListMultipartUploads':
          return { Uploads: [], IsTruncated: false }
        case 'ListObjectVersions': {
          const after = (input.KeyMarker as string | undefined) ?? ''
          const rest = entries.filter((e) => e.Key > after)
          const page = rest.slice(0, 1000)
          const truncated = rest.length > 1000
          return { Versions: page.map((e) => ({ ...e, IsLatest: true, Size: 1 })), IsTruncated: truncated, NextKeyMarker: truncated ? page.at(-1)!.Key : undefined, NextVersionIdMarker: truncated ? page.at(-1)!.VersionId : undefined }
        }
        case 'DeleteObjects': {
          const objects = (input.Delete as { Objects: { Key: string; VersionId: string }[] }).Objects
          const gone = new Set(objects.map((o) => o.VersionId))
          entries = entries.filter((e) => !gone.has(e.VersionId))
          onDeleteBatch(objects.length)
          return {}
        }
        case 'DeleteBucket':
          if (entries.length > 0) throw Object.assign(new Error('not empty'), { name: 'BucketNotEmpty' })
          bucketExists = false
          return {}
      }
      throw new Error(`unexpected ${name}`)
    },
  }
  const scope: BucketScope = {
    bucket: 'b',
    region: 'eu-west-1',
    s3: client as unknown as S3Client,
    transferS3: client as unknown as S3Client,
    connection: {} as BucketScope['connection'],
    fail: (error, action) => new AppError('aws-error', `${action}: ${String(error)}`, 'hint'),
  }
  return { scope, calls, left: () => entries.length, exists: () => bucketExists }
}

describe('emptying and deleting a bucket', () => {
  it('deletes every version in batches of at most 1,000, then the bucket', async () => {
    const fake = fakeVersionedBucket(2500)
    const removed: number[] = []
    const outcome = await emptyAndDeleteBucket(fake.scope, new AbortController().signal, (n) => removed.push(n))
    expect(outcome).toMatchObject({ deleted: true, removed: { versions: 2500, uploads: 0 }, stopped: null })
    expect(fake.calls.filter((c) => c === 'DeleteObjects')).toHaveLength(3)
    expect(removed).toEqual([1000, 2000, 2500])
    expect(fake.exists()).toBe(false)
  })

  it('stops after the batch in flight when cancelled, keeps the bucket and counts what is left', async () => {
    const stop = new AbortController()
    const fake = fakeVersionedBucket(2500, () => stop.abort())
    const outcome = await emptyAndDeleteBucket(fake.scope, stop.signal, () => undefined)
    expect(outcome).toMatchObject({ deleted: false, stopped: 'cancelled', removed: { versions: 1000 }, left: { entries: 1500, uploads: 0, countedAll: true } })
    expect(fake.calls).not.toContain('DeleteBucket')
    expect(fake.exists()).toBe(true)
  })
})

describe('counting a bucket', () => {
  it('tells current objects, older versions and delete markers apart', () => {
    const tally = addEntries(emptyTally('on'), [
      { key: 'a', versionId: '2', isLatest: true, isDeleteMarker: false, size: 5 },
      { key: 'a', versionId: '1', isLatest: false, isDeleteMarker: false, size: 3 },
      { key: 'b', versionId: '4', isLatest: true, isDeleteMarker: true, size: 0 },
      { key: 'b', versionId: '3', isLatest: false, isDeleteMarker: false, size: 7 },
    ])
    expect(tally).toMatchObject({ objects: 1, bytes: 5, noncurrentVersions: 2, noncurrentBytes: 10, deleteMarkers: 1 })
  })
})

describe('long operations', () => {
  it('can be stopped by id, once, and not twice at the same time', () => {
    const operations = createOperations()
    const signal = operations.start('op')
    expect(() => operations.start('op')).toThrow(AppError)
    expect(operations.cancel('op')).toBe(true)
    expect(signal.aborted).toBe(true)
    operations.finish('op')
    expect(operations.cancel('op')).toBe(false)
  })
})

describe('creating a bucket', () => {
  function recordingFactory(headStatus: number) {
    const calls: { name: string; input: Record<string, unknown>; region: string }[] = []
    const factory = {
      s3: (connection: { region: string }) =>
        ({
          async send(command: { constructor: { name: string }; input: Record<string, unknown> }) {
            const name = command.constructor.name.replace(/Command$/, '')
            calls.push({ name, input: command.input, region: connection.region })
            if (name === 'HeadBucket') throw Object.assign(new Error('head'), { name: headStatus === 404 ? 'NotFound' : 'Forbidden', $metadata: { httpStatusCode: headStatus } })
            if (name === 'GetPublicAccessBlock') throw Object.assign(new Error('none'), { name: 'NoSuchPublicAccessBlockConfiguration' })
            if (name === 'GetBucketPolicy') throw Object.assign(new Error('none'), { name: 'NoSuchBucketPolicy' })
            return {}
          },
        }) as unknown as S3Client,
    } as unknown as AwsClientFactory
    const profiles = { connectionFor: async () => ({ region: 'eu-west-1', endpoint: null, keyIdMasked: '****ABCD' }) } as unknown as ProfileService
    return { calls, deps: { clients: factory, profiles } }
  }

  it('signs for the new bucket’s region, relaxes Block Public Access before writing the policy', async () => {
    const { calls, deps } = recordingFactory(404)
    const made = await createBucket(deps, { profileId: 'p', bucket: 'media-ana', region: 'us-east-1', publicRead: true })
    expect(calls.map((c) => c.name)).toEqual(['HeadBucket', 'CreateBucket', 'GetPublicAccessBlock', 'PutPublicAccessBlock', 'GetBucketPolicy', 'PutBucketPolicy'])
    expect(calls.every((c) => c.region === 'us-east-1')).toBe(true)
    // us-east-1 sends no LocationConstraint.
    expect(calls[1]!.input).toEqual({ Bucket: 'media-ana' })
    expect(calls[3]!.input.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false })
    expect(made.publicReadError).toBeNull()
  })

  it('says the name is taken when HeadBucket answers 403, before trying to create it', async () => {
    const { calls, deps } = recordingFactory(403)
    await expect(createBucket(deps, { profileId: 'p', bucket: 'media', region: 'eu-west-1', publicRead: false })).rejects.toMatchObject({ code: 'bucket-name-taken' })
    expect(calls.map((c) => c.name)).toEqual(['HeadBucket'])
  })
})
