import {
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  ListMultipartUploadsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3'
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { OperationProgress } from '../../src-main/contract/bridge'
import { addSessionProfile, makeBackend } from '../support/backendHarness'
import { adminS3, motoAdmin, resetMoto, seedAccount, setIamEnforcement, useMoto, type Moto } from '../support/moto'

/**
 * Buckets as first-class things, against moto: create (the LocationConstraint rule, the
 * wizard's public read), count with progress, and delete a non-empty versioned bucket to
 * the end, or stop and say what is left.
 */
let moto: Moto
beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => moto.stop())

type Harness = Awaited<ReturnType<typeof makeBackend>>
let h: Harness
let profileId: string
let progress: OperationProgress[]

beforeEach(async () => {
  await resetMoto(moto.endpoint)
  const keys = await seedAccount(moto.endpoint, [])
  h = await makeBackend(moto.endpoint)
  profileId = (await addSessionProfile(h, keys, 'eu-west-1')).id
  progress = []
  h.backend.events.subscribe((event, payload) => {
    if (event === 'objects/progress') progress.push(payload as OperationProgress)
  })
})
afterEach(async () => {
  await setIamEnforcement(moto.endpoint, false)
  await h.dispose()
})

const exists = (s3: S3Client, Bucket: string) => s3.send(new HeadBucketCommand({ Bucket })).then(() => true, () => false)

/** A versioned bucket: each key written twice, some deleted (a marker), and one incomplete upload. */
async function seedVersioned(bucket: string, keys: number, region = 'eu-west-1') {
  const s3 = adminS3(moto.endpoint, region)
  await h.ok('buckets/create', { profileId, bucket, region, publicRead: false })
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }))
  const names = Array.from({ length: keys }, (_, i) => `fotos/img ${String(i).padStart(4, '0')}+.txt`)
  for (let i = 0; i < names.length; i += 40) {
    await Promise.all(names.slice(i, i + 40).map((Key) => s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'one' }))))
    await Promise.all(names.slice(i, i + 40).map((Key) => s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'second' }))))
  }
  const deleted = names.slice(0, 10)
  for (const Key of deleted) await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key }))
  const upload = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'video.mp4' }))
  await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'video.mp4', UploadId: upload.UploadId, PartNumber: 1, Body: Buffer.alloc(5 * 1024 * 1024, 1) }))
  return { s3, names, deleted }
}

describe('creating a bucket outside the guided setup', () => {
  it('sends a LocationConstraint outside us-east-1 and none inside it', async () => {
    const made = await h.ok('buckets/create', { profileId, bucket: 'fotos-lima-2024', region: 'sa-east-1', publicRead: false })
    expect(made).toMatchObject({ bucket: 'fotos-lima-2024', region: 'sa-east-1', policyJson: null, publicReadError: null })
    const location = await adminS3(moto.endpoint, 'sa-east-1').send(new GetBucketLocationCommand({ Bucket: 'fotos-lima-2024' }))
    expect(location.LocationConstraint).toBe('sa-east-1')

    await h.ok('buckets/create', { profileId, bucket: 'fotos-virginia', region: 'us-east-1', publicRead: false })
    const virginia = await adminS3(moto.endpoint).send(new GetBucketLocationCommand({ Bucket: 'fotos-virginia' }))
    expect(virginia.LocationConstraint ?? null).toBeNull()
    expect((await h.ok('buckets/list', { profileId })).map((b) => b.name)).toEqual(['fotos-lima-2024', 'fotos-virginia'])
  })

  it('makes it public the wizard’s way: Block Public Access relaxed for policies, then a public-read policy', async () => {
    const made = await h.ok('buckets/create', { profileId, bucket: 'media-publica', region: 'eu-west-1', publicRead: true })
    const s3 = adminS3(moto.endpoint, 'eu-west-1')
    const block = (await s3.send(new GetPublicAccessBlockCommand({ Bucket: 'media-publica' }))).PublicAccessBlockConfiguration
    expect(block).toMatchObject({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false })
    const policy = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: 'media-publica' }))).Policy!)
    expect(policy.Statement).toEqual([expect.objectContaining({ Sid: 'CubetaPublicReadObjects', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media-publica/*' })])
    expect(JSON.parse(made.policyJson!)).toEqual(policy)

    await s3.send(new PutObjectCommand({ Bucket: 'media-publica', Key: 'logo.png', Body: 'png' }))
    const anonymous = await fetch(`${moto.endpoint}/media-publica/logo.png`, { headers: { Range: 'bytes=0-0' } })
    expect(anonymous.status).toBeLessThan(300)
  })

  it('refuses a name S3 would refuse, and one the account already has', async () => {
    const bad = await h.call('buckets/create', { profileId, bucket: 'Mis_Fotos', region: 'eu-west-1', publicRead: false })
    expect(bad.ok ? null : bad.error.code).toBe('invalid-input')
    await h.ok('buckets/create', { profileId, bucket: 'ya-existe', region: 'eu-west-1', publicRead: false })
    const again = await h.call('buckets/create', { profileId, bucket: 'ya-existe', region: 'eu-west-1', publicRead: false })
    expect(again.ok ? null : again.error).toMatchObject({ code: 'bucket-exists-yours', params: { bucket: 'ya-existe' } })
  })
})

describe('a bucket’s size and counts', () => {
  it('counts objects, older versions, delete markers and incomplete uploads, with progress', async () => {
    await seedVersioned('contado', 30)
    const tally = await h.ok('buckets/measure', { profileId, bucket: 'contado', operationId: 'm1' })
    expect(tally).toEqual({
      versioning: 'on',
      objects: 20,
      bytes: 20 * 'second'.length,
      // Every first write, and the second write of the 10 keys deleted since.
      noncurrentVersions: 30 + 10,
      noncurrentBytes: 30 * 'one'.length + 10 * 'second'.length,
      deleteMarkers: 10,
      incompleteUploads: 1,
      incompleteBytes: 5 * 1024 * 1024,
      complete: true,
    } satisfies typeof tally)
    const mine = progress.filter((p) => p.operationId === 'm1')
    expect(mine.at(-1)).toMatchObject({ kind: 'measure', finished: true, done: 20 + 40 + 10 + 1 })
  })
})

describe('deleting a bucket', () => {
  it('needs the bucket’s name typed, and deletes nothing otherwise', async () => {
    await seedVersioned('no-se-borra', 3)
    const refused = await h.call('buckets/delete', { profileId, bucket: 'no-se-borra', confirmName: 'no-se-borr', operationId: 'd0' })
    expect(refused.ok ? null : refused.error.code).toBe('confirm-name-mismatch')
    const tally = await h.ok('buckets/measure', { profileId, bucket: 'no-se-borra', operationId: 'm0' })
    expect(tally).toMatchObject({ objects: 0, noncurrentVersions: 6, deleteMarkers: 3, complete: true })
  })

  it('empties a non-empty versioned bucket in batches of 1,000, to the end, then deletes it', async () => {
    const { s3 } = await seedVersioned('versionado-lleno', 620)
    const before = await h.ok('buckets/measure', { profileId, bucket: 'versionado-lleno', operationId: 'm2' })
    const entries = before.objects + before.noncurrentVersions + before.deleteMarkers
    expect(entries).toBe(620 * 2 + 10)

    const outcome = await h.ok('buckets/delete', { profileId, bucket: 'versionado-lleno', confirmName: 'versionado-lleno', operationId: 'd1' })
    expect(outcome).toEqual({ deleted: true, removed: { versions: entries, uploads: 1 }, stopped: null, left: null, failures: [], error: null })
    expect(await exists(s3, 'versionado-lleno')).toBe(false)
    const events = progress.filter((p) => p.operationId === 'd1')
    expect(events.every((p) => p.kind === 'empty-bucket')).toBe(true)
    expect(events.map((p) => p.done)).toEqual([...events.map((p) => p.done)].sort((a, b) => a - b))
    expect(events.at(-1)).toMatchObject({ finished: true, done: entries })
    expect((await h.ok('buckets/list', { profileId })).map((b) => b.name)).not.toContain('versionado-lleno')
  }, 180_000) // about 1,240 PutObjects to seed: heavy while another file runs beside it

  it('stops when cancelled, keeps the bucket, and says what is left', async () => {
    const { s3 } = await seedVersioned('a-medias', 12)
    // Cancelled as soon as it starts: the first listing request sees the stop.
    h.backend.events.subscribe((event, payload) => {
      if (event === 'objects/progress' && (payload as OperationProgress).operationId === 'd2') void h.call('operations/cancel', { operationId: 'd2' })
    })
    const outcome = await h.ok('buckets/delete', { profileId, bucket: 'a-medias', confirmName: 'a-medias', operationId: 'd2' })
    expect(outcome).toMatchObject({ deleted: false, stopped: 'cancelled', removed: { versions: 0, uploads: 0 }, left: { entries: 12 * 2 + 10, uploads: 1, countedAll: true } })
    expect(await exists(s3, 'a-medias')).toBe(true)
    expect(await s3.send(new ListMultipartUploadsCommand({ Bucket: 'a-medias' })).then((a) => a.Uploads?.length)).toBe(1)
  })

  it('stops with S3’s reason when the key may not delete versions, and says what is left', async () => {
    const { s3 } = await seedVersioned('protegido', 5)
    // A user who may do everything in S3 except delete object versions.
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: motoAdmin })
    await iam.send(new CreateUserCommand({ UserName: 'sin-borrar' }))
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'sin-borrar',
        PolicyName: 'no-version-delete',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3:*', Resource: '*' },
            { Effect: 'Deny', Action: ['s3:DeleteObjectVersion', 's3:DeleteObject'], Resource: '*' },
          ],
        }),
      }),
    )
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'sin-borrar' }))).AccessKey!
    const limited = (
      await h.ok('profiles/add', { name: 'Sin borrar', accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey!, region: 'eu-west-1', endpoint: null, forcePathStyle: false, secretStorage: 'session' })
    ).id
    await setIamEnforcement(moto.endpoint, true)
    const outcome = await h.ok('buckets/delete', { profileId: limited, bucket: 'protegido', confirmName: 'protegido', operationId: 'd3' })
    await setIamEnforcement(moto.endpoint, false)
    expect(outcome.deleted).toBe(false)
    expect(outcome.stopped).toBe('failed')
    expect(outcome.failures.length).toBeGreaterThan(0)
    expect(outcome.failures[0]!.error.code).toBe('access-denied')
    expect(outcome.left).toEqual({ entries: 5 * 2 + 5, uploads: 0, countedAll: true })
    expect(await exists(s3, 'protegido')).toBe(true)
  })
})
