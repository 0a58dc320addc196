import { CreateAccessKeyCommand, CreateUserCommand, GetUserCommand, IAMClient, ListAccessKeysCommand, ListUsersCommand } from '@aws-sdk/client-iam'
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { objectUrl } from '../../src-main/contract/rules/publicUrl'
import { makeBackend } from '../support/backendHarness'
import { adminS3, motoAdmin, resetMoto, setIamEnforcement, useMoto, type Moto } from '../support/moto'
import { adminKeys, anonymousGet, plan, userWithPolicy } from '../support/setupHarness'

let moto: Moto
beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => moto.stop())
beforeEach(async () => resetMoto(moto.endpoint))

const iamAdmin = () => new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: motoAdmin })

/** Runs the wizard to the end through the router, as the UI does. */
async function runSetup(h: Awaited<ReturnType<typeof makeBackend>>, over: Parameters<typeof plan>[0] = {}) {
  const start = await h.ok('setup/start', { admin: adminKeys })
  const state = await h.ok('setup/run', { sessionId: start.sessionId, plan: plan(over) })
  return { start, state }
}

describe('guided setup against moto', () => {
  it('goes from admin keys to a verified public URL, and objects turn public only then', async () => {
    // The bucket exists with a private object: anonymous reads are refused.
    await adminS3(moto.endpoint, 'eu-west-1').send(new CreateBucketCommand({ Bucket: 'mi-blog-media', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }))
    await adminS3(moto.endpoint, 'eu-west-1').send(new PutObjectCommand({ Bucket: 'mi-blog-media', Key: 'fotos/año 2024/niño+1.png', Body: 'png!', ContentType: 'image/png' }))
    const url = objectUrl({ bucket: 'mi-blog-media', key: 'fotos/año 2024/niño+1.png', region: 'eu-west-1', endpoint: moto.endpoint })
    expect((await anonymousGet(url)).status).toBe(403)

    const h = await makeBackend(moto.endpoint)
    const progress: string[] = []
    h.backend.events.subscribe((event, payload) => {
      if (event === 'setup/progress') progress.push((payload as { status: string }).status)
    })
    const { state } = await runSetup(h)
    expect(state.status).toBe('verified')
    expect(state.steps.every((s) => s.status === 'done')).toBe(true)
    expect(state.verified?.publicUrl).toMatch(/\/mi-blog-media\/media\/cubeta-check\//)
    expect(state.verified?.contentType).toBe('image/png')
    expect(progress).toContain('running')

    const after = await anonymousGet(url)
    expect(after.status).toBe(200)
    expect(after.bytes.toString()).toBe('png!')
    // The test image was deleted, as the user didn't ask to keep it.
    const left = await adminS3(moto.endpoint, 'eu-west-1').send(new ListObjectsV2Command({ Bucket: 'mi-blog-media', Prefix: 'media/cubeta-check/' }))
    expect(left.KeyCount ?? 0).toBe(0)
    // Listing stays private: the only public grant is s3:GetObject on objects. (moto does
    // not evaluate anonymous ListObjects, so the policy itself is what is checked.)
    const publicGrants = JSON.parse(state.bucketPolicyJson ?? '{}').Statement.filter((s: { Principal: unknown }) => s.Principal === '*')
    expect(publicGrants.map((s: { Action: unknown; Resource: unknown }) => [s.Action, s.Resource])).toEqual([['s3:GetObject', 'arn:aws:s3:::mi-blog-media/*']])
    await h.dispose()
  })

  it('writes Block Public Access with only the two policy flags relaxed', async () => {
    const h = await makeBackend(moto.endpoint)
    await runSetup(h, { region: 'us-east-1', bucket: 'media-virginia' })
    const block = await adminS3(moto.endpoint).send(new GetPublicAccessBlockCommand({ Bucket: 'media-virginia' }))
    expect(block.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false })
    const location = await adminS3(moto.endpoint).send(new HeadBucketCommand({ Bucket: 'media-virginia' }))
    expect(location.BucketRegion ?? 'us-east-1').toBe('us-east-1')
    await h.dispose()
  })

  it('keeps foreign statements when merging into an existing bucket policy', async () => {
    const s3 = adminS3(moto.endpoint, 'eu-west-1')
    await s3.send(new CreateBucketCommand({ Bucket: 'mi-blog-media', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }))
    const foreign = { Sid: 'DenyInsecure', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::mi-blog-media/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'mi-blog-media', Policy: JSON.stringify({ Version: '2008-10-17', Statement: [foreign] }) }))
    const h = await makeBackend(moto.endpoint)
    const { state } = await runSetup(h)
    const policy = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: 'mi-blog-media' }))).Policy ?? '{}')
    expect(policy.Version).toBe('2012-10-17')
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['DenyInsecure', 'CubetaPublicReadObjects', 'CubetaUserListBucket', 'CubetaUserObjects'])
    expect(policy.Statement[0]).toEqual(foreign)
    expect(JSON.parse(state.bucketPolicyJson ?? '{}')).toEqual(policy)
    // Reused, not created: a rollback must not delete someone's bucket.
    expect(state.created.some((r) => r.kind === 'bucket')).toBe(false)
    await h.dispose()
  })

  it.each(['least-privilege', 's3-full-access'] as const)('gives the new key the rights of %s, and no IAM rights', async (policy) => {
    await adminS3(moto.endpoint).send(new CreateBucketCommand({ Bucket: 'someone-elses' }))
    const h = await makeBackend(moto.endpoint)
    const { state, start } = await runSetup(h, { policy })
    expect(state.status).toBe('verified')
    const env = (await h.ok('setup/revealEnv', { sessionId: start.sessionId })).env
    const keyId = /AWS_ACCESS_KEY_ID=(\S+)/.exec(env)?.[1] ?? ''
    const secret = /AWS_SECRET_ACCESS_KEY=(\S+)/.exec(env)?.[1] ?? ''

    await setIamEnforcement(moto.endpoint, true)
    const s3 = new S3Client({ region: 'eu-west-1', endpoint: moto.endpoint, forcePathStyle: true, credentials: { accessKeyId: keyId, secretAccessKey: secret } })
    await s3.send(new PutObjectCommand({ Bucket: 'mi-blog-media', Key: 'a b+c.txt', Body: 'hola' }))
    expect(await (await s3.send(new GetObjectCommand({ Bucket: 'mi-blog-media', Key: 'a b+c.txt' }))).Body?.transformToString()).toBe('hola')
    expect((await s3.send(new ListObjectsV2Command({ Bucket: 'mi-blog-media' }))).Contents?.map((o) => o.Key)).toEqual(['a b+c.txt'])
    await s3.send(new DeleteObjectCommand({ Bucket: 'mi-blog-media', Key: 'a b+c.txt' }))

    const other = s3.send(new PutObjectCommand({ Bucket: 'someone-elses', Key: 'x', Body: 'x' }))
    if (policy === 'least-privilege') await expect(other).rejects.toMatchObject({ name: 'AccessDenied' })
    else await expect(other).resolves.toBeDefined() // the documented difference: every bucket in the account
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: keyId, secretAccessKey: secret } })
    await expect(iam.send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' })
    await expect(iam.send(new CreateAccessKeyCommand({ UserName: 'django-media' }))).rejects.toMatchObject({ name: 'AccessDenied' })
    await h.dispose()
  })

  it('reuses the user and bucket on a second run, instead of duplicating them', async () => {
    const h = await makeBackend(moto.endpoint)
    await runSetup(h, { region: 'us-east-1', bucket: 'media-again' })
    const second = await runSetup(h, { region: 'us-east-1', bucket: 'media-again' })
    expect(second.state.status).toBe('verified')
    expect(second.state.steps.find((s) => s.id === 'user')?.detail).toMatch(/existing user/)
    expect(second.state.steps.find((s) => s.id === 'bucket')?.detail).toMatch(/existing bucket/)
    // Only the new key is new; the user, its policy, the bucket and its policy were reused.
    expect(second.state.created.map((r) => r.kind)).toEqual(['access-key'])
    const buckets = (await adminS3(moto.endpoint).send(new ListBucketsCommand({}))).Buckets ?? []
    expect(buckets.filter((b) => b.Name === 'media-again')).toHaveLength(1)
    await h.dispose()
  })

  it('asks which key to delete when the user already has 2, then continues', async () => {
    const iam = iamAdmin()
    await iam.send(new CreateUserCommand({ UserName: 'django-media' }))
    const first = await iam.send(new CreateAccessKeyCommand({ UserName: 'django-media' }))
    await iam.send(new CreateAccessKeyCommand({ UserName: 'django-media' }))
    const h = await makeBackend(moto.endpoint)
    const start = await h.ok('setup/start', { admin: adminKeys })
    const paused = await h.ok('setup/run', { sessionId: start.sessionId, plan: plan() })
    expect(paused.status).toBe('needs-key-choice')
    expect(paused.existingKeys).toHaveLength(2)
    expect(JSON.stringify(paused)).not.toContain(first.AccessKey!.AccessKeyId!)
    const oldest = paused.existingKeys!.find((k) => k.keyIdMasked.endsWith(first.AccessKey!.AccessKeyId!.slice(-4)))!
    const done = await h.ok('setup/run', { sessionId: start.sessionId, plan: plan({ deleteAccessKeyRef: oldest.ref }) })
    expect(done.status).toBe('verified')
    const keys = (await iam.send(new ListAccessKeysCommand({ UserName: 'django-media' }))).AccessKeyMetadata ?? []
    expect(keys).toHaveLength(2)
    expect(keys.map((k) => k.AccessKeyId)).not.toContain(first.AccessKey!.AccessKeyId)
    await h.dispose()
  })

  it('rolls back everything it created: no user, key or bucket left', async () => {
    const h = await makeBackend(moto.endpoint)
    const { start, state } = await runSetup(h, { keepTestObject: true })
    expect(state.created.map((r) => r.kind)).toEqual(['user', 'inline-policy', 'access-key', 'bucket', 'public-access-block', 'bucket-policy', 'test-object'])
    const rolled = await h.ok('setup/rollback', { sessionId: start.sessionId })
    expect(rolled.status).toBe('rolled-back')
    expect(rolled.rollback?.kept).toEqual([])
    expect(rolled.created).toEqual([])
    await expect(iamAdmin().send(new GetUserCommand({ UserName: 'django-media' }))).rejects.toMatchObject({ name: expect.stringMatching(/^NoSuchEntity/) })
    expect((await adminS3(moto.endpoint).send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([])
    await h.dispose()
  })

  it('finishes with a keychain profile for the new user, pinned to its bucket, and forgets the admin keys', async () => {
    const h = await makeBackend(moto.endpoint)
    const { start } = await runSetup(h)
    const finish = await h.ok('setup/finish', { sessionId: start.sessionId, profileName: 'Blog (django-media)' })
    expect(finish.envMasked).toMatch(/AWS_SECRET_ACCESS_KEY=•+/)
    expect(finish.envMasked).toMatch(/AWS_ACCESS_KEY_ID=•+\w{4}\n/)
    expect(finish.envMasked).toContain('AWS_STORAGE_BUCKET_NAME=mi-blog-media')
    expect(finish.envMasked).toContain('AWS_S3_REGION_NAME=eu-west-1')
    expect(finish.mediaBaseUrl).toBe(`${moto.endpoint}/mi-blog-media/media/`)
    expect(finish.publicUrl.startsWith(finish.mediaBaseUrl)).toBe(true)
    expect(JSON.stringify(finish)).not.toContain(motoAdmin.secretAccessKey)
    expect(finish.profile.secretStorage).toBe('keychain')

    await setIamEnforcement(moto.endpoint, true)
    // Least privilege can't list all buckets, yet the browser opens on its own bucket.
    expect(await h.ok('buckets/list', { profileId: finish.profile.id })).toEqual([{ name: 'mi-blog-media', region: 'eu-west-1', createdAt: null }])
    expect(await h.call('setup/rollback', { sessionId: start.sessionId })).toMatchObject({ ok: false, error: { code: 'setup-admin-forgotten' } })
    expect(await h.call('setup/run', { sessionId: start.sessionId, plan: plan() })).toMatchObject({ ok: false, error: { code: 'setup-finished' } })
    await h.dispose()
  })

  it('finds missing permissions before creating anything', async () => {
    const limited = await userWithPolicy(moto.endpoint, 'only-s3', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*', 'iam:Get*', 'iam:List*'], Resource: '*' }] })
    const h = await makeBackend(moto.endpoint)
    await setIamEnforcement(moto.endpoint, true)
    const start = await h.ok('setup/start', { admin: { source: 'keys', ...limited, saveAsProfile: null } })
    expect(start.permissionCheck).toBe('evaluated')
    expect(start.missingPermissions).toEqual(['iam:CreateUser', 'iam:PutUserPolicy', 'iam:AttachUserPolicy', 'iam:CreateAccessKey'])
    const state = await h.ok('setup/run', { sessionId: start.sessionId, plan: plan() })
    expect(state.status).toBe('failed')
    expect(state.steps[0]).toMatchObject({ id: 'user', status: 'failed', error: { code: 'access-denied' } })
    expect(state.steps[0]?.error?.message).toContain('iam:CreateUser')
    expect(state.created).toEqual([])
    await h.dispose()
  })
})
