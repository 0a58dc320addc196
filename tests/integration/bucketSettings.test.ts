import { PutBucketPolicyCommand } from '@aws-sdk/client-s3'
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam'
import { afterAll, describe, expect, it } from 'vitest'
import { useSeededBackend } from '../support/backendHarness'
import { adminS3, motoAdmin, setIamEnforcement } from '../support/moto'

/**
 * The settings panel against moto: everything read at once, versioning's one-way rule,
 * CORS checked before it is written and read back after, and a key that may not read
 * the policy (moto's IAM enforcement on) still sees every other setting.
 */
const bucket = 'ajustes'
const region = 'eu-west-1'
const ctx = useSeededBackend({ region, buckets: [{ name: bucket, region }] })
// A test that fails with enforcement on must not leave it on for the next file.
afterAll(() => setIamEnforcement(ctx.moto.endpoint, false))

describe('reading every setting', () => {
  it('says what a new bucket has, in values the panel words', async () => {
    const settings = await ctx.h.ok('bucketSettings/read', { profileId: ctx.profileId, bucket })
    expect(settings).toMatchObject({
      region,
      caller: { arn: expect.stringMatching(new RegExp(`:user/${ctx.keys.userName}$`)), account: expect.stringMatching(/^\d{12}$/) },
      versioning: { state: 'ok', value: { status: 'off' } },
      publicAccessBlock: { state: 'ok', value: null },
      accountPublicAccessBlock: { state: 'ok', value: null },
      policy: { state: 'ok', value: null },
      cors: { state: 'ok', value: [] },
      lifecycle: { state: 'ok', value: [] },
      website: { state: 'ok', value: null },
    })
  })
})

describe('versioning', () => {
  it('refuses to turn it on without the one-way acknowledgement, then turns it on and suspends it', async () => {
    const refused = await ctx.h.call('bucketSettings/setVersioning', { profileId: ctx.profileId, bucket, status: 'on', acknowledgedOneWay: false })
    expect(refused.ok ? null : refused.error.code).toBe('versioning-one-way')
    expect(await ctx.h.ok('bucketSettings/setVersioning', { profileId: ctx.profileId, bucket, status: 'on', acknowledgedOneWay: true })).toEqual({ state: 'ok', value: { status: 'on', mfaDelete: false } })
    expect(await ctx.h.ok('bucketSettings/setVersioning', { profileId: ctx.profileId, bucket, status: 'suspended', acknowledgedOneWay: false })).toEqual({ state: 'ok', value: { status: 'suspended', mfaDelete: false } })
  })
})

describe('CORS', () => {
  it('writes valid rules and answers with them read back; [] removes them', async () => {
    const rules = [{ ID: 'web', AllowedOrigins: ['https://mi-sitio.com'], AllowedMethods: ['GET', 'HEAD'], AllowedHeaders: ['*'], MaxAgeSeconds: 3000 }]
    expect(await ctx.h.ok('bucketSettings/setCors', { profileId: ctx.profileId, bucket, rules })).toEqual({ state: 'ok', value: rules })
    expect(await ctx.h.ok('bucketSettings/setCors', { profileId: ctx.profileId, bucket, rules: [] })).toEqual({ state: 'ok', value: [] })
  })

  it('refuses what S3 would refuse before sending it', async () => {
    for (const rules of [[{ AllowedOrigins: ['*'], AllowedMethods: ['FETCH'] }], [{ AllowedMethods: ['GET'] }], [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'], Extra: 1 }]]) {
      const refused = await ctx.h.call('bucketSettings/setCors', { profileId: ctx.profileId, bucket, rules })
      expect(refused.ok ? null : refused.error.code).toBe('invalid-input')
    }
  })
})

describe('Object Ownership, default encryption, static website', () => {
  const input = { get profileId() { return ctx.profileId }, bucket }
  it('turns ACLs on and off and answers with what S3 then says', async () => {
    expect(await ctx.h.ok('bucketSettings/setOwnership', { ...input, ownership: 'ObjectWriter' })).toEqual({ state: 'ok', value: 'ObjectWriter' })
    expect(await ctx.h.ok('bucketSettings/setOwnership', { ...input, ownership: 'BucketOwnerEnforced' })).toEqual({ state: 'ok', value: 'BucketOwnerEnforced' })
  })

  it('sets SSE-KMS with a key and the bucket key, then SSE-S3 again', async () => {
    const kms = await ctx.h.ok('bucketSettings/setEncryption', { ...input, algorithm: 'aws:kms', kmsKeyId: 'alias/mi-clave', bucketKey: true })
    expect(kms).toEqual({ state: 'ok', value: { algorithm: 'aws:kms', kmsKeyId: 'alias/mi-clave', bucketKey: true } })
    expect(await ctx.h.ok('bucketSettings/setEncryption', { ...input, algorithm: 'AES256', kmsKeyId: '', bucketKey: true })).toEqual({ state: 'ok', value: { algorithm: 'AES256', kmsKeyId: null, bucketKey: false } })
    const refused = await ctx.h.call('bucketSettings/setEncryption', { ...input, algorithm: 'aws:kms', kmsKeyId: 'mi-clave', bucketKey: false })
    expect(refused.ok ? null : refused.error.code).toBe('invalid-input')
  })

  it('hosts a website with its endpoint address, redirects every request, and turns it off', async () => {
    const site = { mode: 'documents' as const, indexDocument: 'index.html', errorDocument: 'error.html', redirectHost: '', redirectProtocol: 'https' as const }
    expect(await ctx.h.ok('bucketSettings/setWebsite', { ...input, website: site })).toEqual({
      state: 'ok',
      value: { indexDocument: 'index.html', errorDocument: 'error.html', redirectAll: null, endpointUrl: `http://${bucket}.s3-website-${region}.amazonaws.com` },
    })
    const redirect = await ctx.h.ok('bucketSettings/setWebsite', { ...input, website: { ...site, mode: 'redirect', redirectHost: 'www.mi-sitio.com' } })
    expect(redirect.state === 'ok' && redirect.value?.redirectAll).toBe('www.mi-sitio.com')
    const refused = await ctx.h.call('bucketSettings/setWebsite', { ...input, website: { ...site, mode: 'redirect', redirectHost: 'https://www.mi-sitio.com/' } })
    expect(refused.ok ? null : refused.error.code).toBe('invalid-input')
    expect(await ctx.h.ok('bucketSettings/setWebsite', { ...input, website: { ...site, mode: 'off' } })).toEqual({ state: 'ok', value: null })
  })
})

describe('lifecycle rules', () => {
  it('writes the form’s rules beside one it can’t show, keeps that one as it was, and [] removes them all', async () => {
    const tagged = { ID: 'tagged', Status: 'Enabled', Filter: { Tag: { Key: 'temporal', Value: 'si' } }, Expiration: { Days: 3 } }
    const rules = [
      tagged,
      { ID: 'expire-noncurrent-30d', Status: 'Enabled', Filter: { Prefix: '' }, NoncurrentVersionExpiration: { NoncurrentDays: 30 } },
      { ID: 'transition-media/-90d', Status: 'Enabled', Filter: { Prefix: 'media/' }, Transitions: [{ Days: 90, StorageClass: 'GLACIER' }] },
    ]
    const answer = await ctx.h.ok('bucketSettings/setLifecycle', { profileId: ctx.profileId, bucket, rules })
    expect(answer.state === 'ok' && answer.value).toEqual([expect.objectContaining(tagged), expect.objectContaining(rules[1]!), expect.objectContaining(rules[2]!)])
    const refused = await ctx.h.call('bucketSettings/setLifecycle', { profileId: ctx.profileId, bucket, rules: [{ ...tagged, Transitions: [{ Days: 5, StorageClass: 'STANDARD_IA' }] }] })
    expect(refused.ok ? null : refused.error.code).toBe('invalid-input')
    expect(await ctx.h.ok('bucketSettings/setLifecycle', { profileId: ctx.profileId, bucket, rules: [] })).toEqual({ state: 'ok', value: [] })
  })
})

describe('a key that may not read the policy', () => {
  it('says which permission is missing for the policy, and reads every other setting', async () => {
    await adminS3(ctx.moto.endpoint, region).send(
      new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] }) }),
    )
    const iam = new IAMClient({ region: 'us-east-1', endpoint: ctx.moto.endpoint, credentials: motoAdmin })
    await iam.send(new CreateUserCommand({ UserName: 'sin-politica' }))
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'sin-politica',
        PolicyName: 'no-policy-read',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*', 'sts:GetCallerIdentity'], Resource: '*' }, { Effect: 'Deny', Action: 's3:GetBucketPolicy', Resource: '*' }] }),
      }),
    )
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'sin-politica' }))).AccessKey!
    const limited = (await ctx.h.ok('profiles/add', { name: 'Sin política', accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey!, region, endpoint: null, forcePathStyle: false, secretStorage: 'session' })).id
    await setIamEnforcement(ctx.moto.endpoint, true)
    const settings = await ctx.h.ok('bucketSettings/read', { profileId: limited, bucket })
    await setIamEnforcement(ctx.moto.endpoint, false)
    expect(settings.policy).toEqual({ state: 'denied', permission: 's3:GetBucketPolicy' })
    expect(settings.versioning).toEqual({ state: 'ok', value: { status: 'suspended', mfaDelete: false } })
    expect(settings.cors).toEqual({ state: 'ok', value: [] })
  })
})
