import {
  CreateBucketCommand,
  GetBucketPolicyCommand,
  GetPublicAccessBlockCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  type ObjectCannedACL,
} from '@aws-sdk/client-s3'
import { PutPublicAccessBlockCommand as PutAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control'
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam'
import { beforeEach, describe, expect, it } from 'vitest'
import { useSeededBackend } from '../support/backendHarness'
import { adminS3, motoAdmin, setIamEnforcement } from '../support/moto'
import { causes, doctorOf, fetchAnonymously, findingsOf, firstFix, stateOf } from '../support/urlDoctorHarness'

/**
 * The URL doctor against moto: who may read the object
 *
 * Every cause is staged for real on the server, and each test checks that the doctor
 * names that cause and no other, and that its fix (or doing what its words say) makes an
 * anonymous GET return 200 with the right bytes. Where moto does not enforce a setting
 * (Block Public Access, ACLs being ignored, conditions), the doctor still names it, since
 * it judges the settings as AWS applies them; the comments say where the "before" 403 is
 * moto's own and where it is only AWS's.
 */
let doctor: ReturnType<typeof doctorOf>
let bucket = ''
let buckets = 0
const region = 'eu-west-1'
// One account for the file, a new bucket per test.
const world = useSeededBackend({ region })
const key = 'fotos/año 2024/gato+1.png'
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082', 'hex')
const s3 = () => adminS3(world.moto.endpoint, region)
let publicRead: Record<string, unknown> = {}
const setPolicy = (...Statement: unknown[]) => s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement }) }))
const policyNow = async () => JSON.parse((await s3().send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy ?? '{}') as { Statement: { Sid?: string }[] }
const upload = (acl?: ObjectCannedACL) => s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: png, ContentType: 'image/png', ...(acl ? { ACL: acl } : {}) }))

async function expectServed(url: string) {
  const served = await fetchAnonymously(url)
  expect(served.status).toBe(200)
  expect(served.bytes.equals(png)).toBe(true)
}

beforeEach(async () => {
  bucket = `doctor-access-${++buckets}`
  await s3().send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: region } }))
  publicRead = { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }
  doctor = doctorOf(world.h, world.profileId, bucket)
})

describe('the bucket policy', () => {
  it('names a bucket with no policy, and its fix (the guided setup’s statement) serves the image', async () => {
    await upload()
    const before = await doctor.diagnose(key)
    expect(causes(before)).toEqual(['policy.none'])
    expect((await fetchAnonymously(before.url!)).status).toBe(403)
    const fix = firstFix(before)
    expect(fix).toMatchObject({ kind: 'apply', id: 'public-policy', title: { code: 'fix.public-policy' } })
    if (fix?.kind !== 'apply') throw new Error('no fix')
    expect(fix.changes.map((c) => [c.label.code, c.before])).toEqual([['change.policy', null]])

    const after = await doctor.apply(before, 'public-policy')
    expect(causes(after)).toEqual([])
    expect(after.conclusion?.code).toBe('conclusion.works')
    expect(findingsOf(after, 'policy')[0]).toMatchObject({ code: 'policy.allows', params: { statement: '“CubetaPublicReadObjects”' } })
    // What is on the bucket is exactly what was shown.
    expect(await policyNow()).toEqual(JSON.parse(fix.changes[0]!.after!))
    await expectServed(after.url!)
  })

  it('names a policy without a public statement, and merges the statement in, keeping the others', async () => {
    await upload()
    const partner = { Sid: 'PartnerList', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:ListBucket', Resource: `arn:aws:s3:::${bucket}` }
    await setPolicy(partner)
    const before = await doctor.diagnose(key)
    expect(causes(before)).toEqual(['policy.no-public-statement'])
    expect((await fetchAnonymously(before.url!)).status).toBe(403)
    const after = await doctor.apply(before, 'public-policy')
    expect(causes(after)).toEqual([])
    expect((await policyNow()).Statement.map((s) => s.Sid)).toEqual(['PartnerList', 'CubetaPublicReadObjects'])
    await expectServed(after.url!)
  })

  it('names the explicit Deny that wins, and removing that statement serves the image', async () => {
    await upload()
    const deny = { Sid: 'NoPhotos', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/fotos/*` }
    await setPolicy(publicRead, deny)
    const before = await doctor.diagnose(key)
    expect(causes(before)).toEqual(['policy.denied'])
    expect(findingsOf(before, 'policy')[0]!.params).toEqual({ statement: '“NoPhotos”' })
    expect((await fetchAnonymously(before.url!)).status).toBe(403)
    const fix = firstFix(before)
    // Removing a Deny opens more than this key: said before asking.
    expect(fix).toMatchObject({ kind: 'apply', id: 'remove-statement', caution: { code: 'fix.remove-statement-caution', params: { resources: `arn:aws:s3:::${bucket}/fotos/*` } } })
    const after = await doctor.apply(before, 'remove-statement')
    expect(causes(after)).toEqual([])
    expect((await policyNow()).Statement.map((s) => s.Sid)).toEqual(['PublicRead'])
    await expectServed(after.url!)
  })

  it('names conditions a visitor fails: https only, hot-link protection, a VPC endpoint, an IP range', async () => {
    await upload()
    // moto refuses the anonymous GET for each (it denies whatever carries a condition), as
    // AWS does for these visitors. The fixes are words: https needs a TLS endpoint, and
    // the others are deliberate; no peer here evaluates them, so they are not applied.
    const resources = [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`]
    const cases = [
      [{ Sid: 'HttpsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: resources, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }, 'policy.https-only', 'fix.https'],
      [{ Sid: 'OnlyVpce', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: resources[1], Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }, 'policy.vpce-only', 'fix.vpce'],
    ] as const
    for (const [statement, code, fixCode] of cases) {
      await setPolicy(publicRead, statement)
      const report = await doctor.diagnose(key)
      expect(causes(report), code).toEqual([code])
      expect(firstFix(report), code).toMatchObject({ kind: 'words', text: { code: fixCode } })
      expect((await fetchAnonymously(report.url!)).status, code).toBe(403)
    }
    const fromSite = { ...publicRead, Sid: 'FromMySite', Condition: { StringLike: { 'aws:Referer': 'https://blog.example/*' } } }
    await setPolicy(fromSite)
    const direct = await doctor.diagnose(key)
    expect(causes(direct)).toEqual(['policy.referer-only'])
    expect(findingsOf(direct, 'policy')[0]!.params).toEqual({ statement: '“FromMySite”', values: 'https://blog.example/*' })
    // Asked as the site's pages ask, it is allowed (said as a warning: direct visits fail).
    const asSite = await doctor.diagnose(key, { origin: 'https://blog.example' })
    expect(causes(asSite)).toEqual([])
    expect(findingsOf(asSite, 'policy')[0]!.code).toBe('policy.allows-from-site')

    // An IP range: AWS serves only those addresses. moto serves everyone (it skips
    // IpAddress without a source IP), so here it is a warning; with a 403 it is the cause
    // (tests/unit/urlDoctorRules.test.ts).
    await setPolicy({ ...publicRead, Sid: 'Office', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })
    const office = await doctor.diagnose(key)
    expect(causes(office)).toEqual([])
    expect(findingsOf(office, 'policy')[0]).toMatchObject({ severity: 'warning', code: 'policy.ip-only', params: { values: '203.0.113.0/24' } })
  })
})

describe('Block Public Access', () => {
  it('names the bucket setting that ignores a public policy, and relaxes it for policies only', async () => {
    await upload()
    await setPolicy(publicRead)
    const blocked = { BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: true, RestrictPublicBuckets: true }
    await s3().send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: blocked }))
    const before = await doctor.diagnose(key)
    expect(causes(before)).toEqual(['bucket-block.restrict'])
    // moto stores Block Public Access without enforcing it: only AWS would refuse here.
    const after = await doctor.apply(before, 'relax-block')
    expect(causes(after)).toEqual([])
    const now = (await s3().send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration
    expect(now).toEqual({ ...blocked, BlockPublicPolicy: false, RestrictPublicBuckets: false })
    await expectServed(after.url!)
  })

  it('fixes a new bucket’s defaults (everything blocked, no policy) in one step, as the guided setup does', async () => {
    await upload()
    await s3().send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }))
    const before = await doctor.diagnose(key)
    expect(causes(before)).toEqual(['bucket-block.restrict', 'policy.none'])
    const fixes = before.checks.flatMap((c) => c.findings).filter((f) => f.severity === 'cause').map((f) => f.fix)
    expect(fixes.map((f) => f?.kind === 'apply' && f.id)).toEqual(['public-policy', 'public-policy'])
    const after = await doctor.apply(before, 'public-policy')
    expect(causes(after)).toEqual([])
    await expectServed(after.url!)
  })

  it('names the account-wide setting, says what to do, and doing it works', async () => {
    await upload()
    await setPolicy(publicRead)
    const control = new S3ControlClient({ region: 'us-east-1', endpoint: world.moto.endpoint, credentials: motoAdmin, endpointProvider: () => ({ url: new URL(world.moto.endpoint) }) })
    const account = (config: Record<string, boolean>) => control.send(new PutAccountPublicAccessBlockCommand({ AccountId: '123456789012', PublicAccessBlockConfiguration: config }))
    await account({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true })
    const before = await doctor.diagnose(key)
    expect(causes(before)).toEqual(['account-block.restrict'])
    // Cubeta must not change account-wide settings: words, no button.
    expect(firstFix(before)).toMatchObject({ kind: 'words', text: { code: 'fix.account-block' } })
    try {
      await account({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false })
      const after = await doctor.diagnose(key)
      expect(causes(after)).toEqual([])
      await expectServed(after.url!)
    } finally {
      await account({ BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false })
    }
  })
})

describe('Object Ownership and ACLs', () => {
  it('names a public-read ACL that Block Public Access ignores, and the policy statement fixes it', async () => {
    await upload('public-read')
    await s3().send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false } }))
    const before = await doctor.diagnose(key)
    expect(causes(before)).toEqual(['ownership.acl-ignored-bucket'])
    const after = await doctor.apply(before, 'public-policy')
    expect(causes(after)).toEqual([])
    expect(findingsOf(after, 'ownership')[0]!.code).toBe('ownership.acl-and-policy')
    await expectServed(after.url!)
  })

  it('warns when an ACL is the only grant, and says what BucketOwnerEnforced means for Django', async () => {
    await upload('public-read')
    const fragile = await doctor.diagnose(key)
    expect(causes(fragile)).toEqual([])
    expect(fragile.conclusion?.code).toBe('conclusion.works')
    expect(findingsOf(fragile, 'ownership')[0]).toMatchObject({ severity: 'warning', code: 'ownership.acl-only', fix: { kind: 'apply', id: 'public-policy' } })
    await expectServed(fragile.url!)

    await s3().send(new PutBucketOwnershipControlsCommand({ Bucket: bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }))
    await setPolicy(publicRead)
    const enforced = await doctor.diagnose(key)
    expect(causes(enforced)).toEqual([])
    expect(findingsOf(enforced, 'ownership')[0]!.message).toContain('AWS_DEFAULT_ACL = None')
  })
})

describe('what the profile’s key may not read', () => {
  it('shows "not checked: needs s3:GetBucketPolicy", never a pass', async () => {
    await upload()
    await setPolicy(publicRead)
    const iam = new IAMClient({ region: 'us-east-1', endpoint: world.moto.endpoint, credentials: motoAdmin })
    await iam.send(new CreateUserCommand({ UserName: 'no-policy-reader' }))
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*', 'sts:GetCallerIdentity'], Resource: '*' }, { Effect: 'Deny', Action: 's3:GetBucketPolicy', Resource: '*' }] }
    await iam.send(new PutUserPolicyCommand({ UserName: 'no-policy-reader', PolicyName: 'all-but-policy', PolicyDocument: JSON.stringify(document) }))
    const created = (await iam.send(new CreateAccessKeyCommand({ UserName: 'no-policy-reader' }))).AccessKey!
    const profile = await world.h.ok('profiles/add', { name: 'Limited', accessKeyId: created.AccessKeyId!, secretAccessKey: created.SecretAccessKey!, region, endpoint: null, forcePathStyle: false, secretStorage: 'session' })
    const limited = doctorOf(world.h, profile.id, bucket)
    await setIamEnforcement(world.moto.endpoint, true)
    try {
      const report = await limited.diagnose(key)
      expect(stateOf(report, 'policy')).toBe('not-checked')
      expect(findingsOf(report, 'policy')).toEqual([expect.objectContaining({ code: 'not-checked.permission', params: { permission: 's3:GetBucketPolicy' }, message: 'Not checked: needs s3:GetBucketPolicy.' })])
      // The other settings were readable and are judged.
      expect(stateOf(report, 'object')).toBe('pass')
    } finally {
      await setIamEnforcement(world.moto.endpoint, false)
    }
  })
})
