import { DeleteBucketPolicyCommand, GetBucketPolicyCommand, GetPublicAccessBlockCommand, PutBucketPolicyCommand, PutObjectCommand, PutPublicAccessBlockCommand } from '@aws-sdk/client-s3'
import { beforeEach, describe, expect, it } from 'vitest'
import { useSeededBackend } from '../support/backendHarness'
import { adminS3 } from '../support/moto'

/**
 * Block Public Access and the bucket policy against moto: written, read back, refused
 * before sending when S3 would refuse, and the lock-out and public-read-stops warnings
 * enforced on the main side (the renderer's acknowledgement is not trusted to be asked).
 * Moto stores Block Public Access without enforcing it, so the order of the two writes
 * is what is checked here, and S3's AccessDenied is the unit tests' to word.
 */
const bucket = 'acceso'
const region = 'eu-west-1'
const ctx = useSeededBackend({ region, buckets: [{ name: bucket, region }] })
const s3 = () => adminS3(ctx.moto.endpoint, region)
const allOn = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }
const publicRead = { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }
const policyOf = (...Statement: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement })
const setPolicy = (policy: string | null, more: { acknowledgedLockout?: boolean; relaxBlockPublicAccess?: boolean } = {}) =>
  ctx.h.call('bucketSettings/setPolicy', { profileId: ctx.profileId, bucket, policy, acknowledgedLockout: false, relaxBlockPublicAccess: false, ...more })
const codeOf = (answer: Awaited<ReturnType<typeof setPolicy>>) => (answer.ok ? null : answer.error.code)

beforeEach(async () => {
  await s3().send(new DeleteBucketPolicyCommand({ Bucket: bucket }))
  await s3().send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false } }))
})

describe('Block Public Access', () => {
  it('writes the four switches and answers with them read back', async () => {
    const answer = await ctx.h.ok('bucketSettings/setPublicAccessBlock', { profileId: ctx.profileId, bucket, settings: allOn, acknowledgedPublicReadStops: false })
    expect(answer).toEqual({ state: 'ok', value: allOn })
    expect((await s3().send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration).toMatchObject({ BlockPublicPolicy: true, RestrictPublicBuckets: true })
  })

  it('refuses to ignore a public policy already there unless public read stopping was acknowledged', async () => {
    await s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policyOf(publicRead) }))
    const input = { profileId: ctx.profileId, bucket, settings: allOn }
    const refused = await ctx.h.call('bucketSettings/setPublicAccessBlock', { ...input, acknowledgedPublicReadStops: false })
    expect(refused.ok ? null : refused.error.code).toBe('public-read-would-stop')
    expect((await s3().send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration?.RestrictPublicBuckets).toBe(false)
    expect(await ctx.h.ok('bucketSettings/setPublicAccessBlock', { ...input, acknowledgedPublicReadStops: true })).toEqual({ state: 'ok', value: allOn })
  })
})

describe('the bucket policy', () => {
  it('writes a policy, answers with it read back, and deletes it', async () => {
    const policy = policyOf(publicRead)
    const answer = await setPolicy(policy)
    expect(answer.ok && JSON.parse((answer.value.policy as { value: string }).value)).toEqual(JSON.parse(policy))
    expect(JSON.parse((await s3().send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy!)).toEqual(JSON.parse(policy))
    const removed = await setPolicy(null)
    expect(removed.ok && removed.value.policy).toEqual({ state: 'ok', value: null })
  })

  it('refuses before sending what S3 would refuse: bad JSON, unknown actions, resources outside the bucket, bad principals', async () => {
    for (const policy of ['{"Statement": [', policyOf({ ...publicRead, Action: 's3:GetObjekt' }), policyOf({ ...publicRead, Resource: 'arn:aws:s3:::otro/*' }), policyOf({ ...publicRead, Principal: { AWS: 'ana' } })]) {
      expect(codeOf(await setPolicy(policy))).toBe('invalid-input')
    }
    await expect(s3().send(new GetBucketPolicyCommand({ Bucket: bucket }))).rejects.toMatchObject({ name: 'NoSuchBucketPolicy' })
  })

  it('refuses a policy that denies these keys their own policy calls until that is acknowledged', async () => {
    const { caller } = await ctx.h.ok('bucketSettings/read', { profileId: ctx.profileId, bucket })
    const lockout = policyOf(publicRead, { Sid: 'Freeze', Effect: 'Deny', Principal: { AWS: caller!.arn }, Action: 's3:PutBucketPolicy', Resource: `arn:aws:s3:::${bucket}` })
    const refused = await setPolicy(lockout)
    expect(codeOf(refused)).toBe('policy-lockout')
    expect(refused.ok ? '' : refused.error.message).toContain('s3:PutBucketPolicy (statement Freeze)')
    await expect(s3().send(new GetBucketPolicyCommand({ Bucket: bucket }))).rejects.toMatchObject({ name: 'NoSuchBucketPolicy' })
    expect(codeOf(await setPolicy(lockout, { acknowledgedLockout: true }))).toBe(null)
  })

  it('refuses Deny * for everyone until acknowledged', async () => {
    const everyone = policyOf({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] })
    expect(codeOf(await setPolicy(everyone))).toBe('policy-lockout')
    expect(codeOf(await setPolicy(everyone, { acknowledgedLockout: true }))).toBe(null)
  })

  it('lets a public policy through Block Public Access first when asked, keeping the ACL switches', async () => {
    await s3().send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }))
    const answer = await setPolicy(policyOf(publicRead), { relaxBlockPublicAccess: true })
    expect(answer.ok && answer.value.publicAccessBlock).toEqual({ state: 'ok', value: { ...allOn, blockPublicPolicy: false, restrictPublicBuckets: false } })
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: 'hola.txt', Body: 'hola' }))
    const anonymous = await fetch(`${ctx.moto.endpoint}/${bucket}/hola.txt`, { headers: { Range: 'bytes=0-0' } })
    expect(anonymous.status).toBeLessThan(300)
  })
})
