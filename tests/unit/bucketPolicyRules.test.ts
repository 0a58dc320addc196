import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { callSchemas } from '../../src-main/contract/bridge'
import { cubetaStatements, mergeBucketPolicy } from '../../src-main/contract/rules/bucketPolicy'
import { blockChanges, blockRefusingPolicy, policyLockouts, publicReadStops } from '../../src-main/contract/rules/bucketSettings/lockouts'
import { actionReach, isPublicPolicy, policyProblems, removedStatements, resourceReach } from '../../src-main/contract/rules/bucketSettings/policyRules'
import { bucketActions, objectActions } from '../../src-main/contract/rules/bucketSettings/s3Actions'

const bucket = 'fotos-del-blog'
const me = { arn: 'arn:aws:iam::123456789012:user/ana', account: '123456789012' }
const publicRead = { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }
const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement })
const codes = (policy: unknown) => policyProblems(policy, bucket).map((p) => `${p.statement}:${p.code}:${p.detail}`)

describe('what S3 would refuse in a bucket policy', () => {
  it('passes the policy the guided setup writes, both choices', () => {
    for (const access of ['least-privilege', 's3-full-access'] as const) {
      expect(codes(mergeBucketPolicy(null, cubetaStatements(bucket, me.arn, access)))).toEqual([])
    }
  })

  it('names unknown actions, account actions and non-S3 actions', () => {
    expect(codes(doc({ ...publicRead, Action: ['s3:GetObjekt', 's3:ListAllMyBuckets', 'iam:CreateUser'] }))).toEqual([
      '1:statement-bad-action:s3:GetObjekt',
      '1:statement-account-action:s3:ListAllMyBuckets',
      '1:statement-bad-action:iam:CreateUser',
    ])
  })

  it('names malformed ARNs and resources outside this bucket', () => {
    expect(codes(doc({ ...publicRead, Resource: ['arn:aws:s3::fotos-del-blog/*', 'arn:aws:s3:::otro-bucket/*', `arn:aws:s3:::${bucket}/*`] }))).toEqual([
      '1:statement-bad-arn:arn:aws:s3::fotos-del-blog/*',
      '1:statement-other-bucket:arn:aws:s3:::otro-bucket/*',
    ])
  })

  it('names an action that fits none of the statement’s resources', () => {
    expect(codes(doc({ ...publicRead, Resource: `arn:aws:s3:::${bucket}` }))).toEqual(['1:statement-action-resource:s3:GetObject'])
    expect(codes(doc({ ...publicRead, Action: ['s3:GetObject', 's3:ListBucket'] }))).toEqual(['1:statement-action-resource:s3:ListBucket'])
    expect(codes(doc({ ...publicRead, Action: 's3:Get*', Resource: `arn:aws:s3:::${bucket}` }))).toEqual([])
  })

  it('names missing and malformed principals, effects, fields and repeated Sids', () => {
    const { Principal: _, ...noPrincipal } = publicRead
    expect(codes(doc(noPrincipal))).toEqual(['1:statement-no-principal:'])
    expect(codes(doc({ ...publicRead, Principal: { AWS: 'ana' } }))).toEqual(['1:statement-bad-principal:ana'])
    expect(codes(doc({ ...publicRead, Principal: { Aws: '*' } }))).toEqual(['1:statement-bad-principal:Aws'])
    expect(codes(doc({ ...publicRead, Effect: 'allow' }))).toEqual(['1:statement-bad-effect:allow'])
    expect(codes(doc({ ...publicRead, Actions: 's3:GetObject' }))).toEqual(['1:statement-unknown-field:Actions'])
    expect(codes(doc(publicRead, publicRead))).toEqual(['2:statement-duplicate-sid:PublicRead'])
    expect(codes({ Version: '2012-10-17', Statement: [] })).toEqual(['0:policy-no-statements:'])
    expect(codes({ Version: '2020-01-01', Statement: [publicRead] })).toEqual(['0:policy-bad-version:2020-01-01'])
    expect(codes([publicRead])).toEqual(['0:policy-not-object:'])
  })

  it('knows every listed action under its own name, in any case, and nothing outside s3:', () => {
    for (const a of bucketActions) expect(actionReach(`s3:${a.toLowerCase()}`)).toContain('bucket')
    for (const a of objectActions) expect(actionReach(`s3:${a}`)).toContain('object')
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.stringMatching(/^[A-Za-z]{1,20}$/), (service, action) => {
        fc.pre(service !== 's3')
        expect(actionReach(`${service}:${action}`)).toBe('unknown')
      }),
    )
  })

  it('places any resource of this bucket, and refuses every other bucket name', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9-]{2,20}$/), fc.string({ maxLength: 30 }), (other, key) => {
        fc.pre(other !== bucket)
        expect(resourceReach(`arn:aws:s3:::${bucket}/${key}`, bucket)).toEqual(['object'])
        expect(resourceReach(`arn:aws:s3:::${other}/${key}`, bucket)).toBe('elsewhere')
      }),
    )
  })

  it('never throws on any JSON, and the main side refuses whatever the rule refuses', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const problems = policyProblems(value, bucket)
        const parsed = callSchemas['bucketSettings/setPolicy'].safeParse({ profileId: 'p1', bucket, policy: JSON.stringify(value), acknowledgedLockout: true, relaxBlockPublicAccess: false })
        expect(parsed.success).toBe(problems.length === 0)
      }),
    )
  })
})

describe('lock-out warnings', () => {
  const denyMe = (Action: string, Principal: unknown = { AWS: me.arn }) => ({ Sid: 'NoMore', Effect: 'Deny', Principal, Action, Resource: `arn:aws:s3:::${bucket}` })

  it('warns when a Deny reaches the profile’s own user on reading or writing the policy', () => {
    expect(policyLockouts(doc(publicRead, denyMe('s3:PutBucketPolicy')), bucket, me)).toEqual([{ code: 'denies-you', action: 's3:PutBucketPolicy', certain: true, statement: 'NoMore' }])
    expect(policyLockouts(doc(denyMe('s3:*BucketPolicy', { AWS: me.account })), bucket, me).map((l) => l.action)).toEqual(['s3:GetBucketPolicy', 's3:PutBucketPolicy'])
    expect(policyLockouts(doc(denyMe('s3:GetBucketPolicy', { AWS: 'arn:aws:iam::123456789012:root' })), bucket, me)).toHaveLength(1)
  })

  it('does not warn for a Deny on someone else, nor for the common deny-plain-HTTP statement', () => {
    expect(policyLockouts(doc(denyMe('s3:*', { AWS: 'arn:aws:iam::123456789012:user/otro' })), bucket, me)).toEqual([])
    const httpsOnly = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }
    expect(policyLockouts(doc(publicRead, httpsOnly), bucket, me)).toEqual([])
  })

  it('warns that Deny * for everyone stops public URLs and every key, and says "may" when a condition decides', () => {
    const all = { Effect: 'Deny', Principal: '*', Action: '*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] }
    expect(policyLockouts(doc(all), bucket, me).map((l) => l.code)).toEqual(['denies-you', 'denies-you', 'denies-everyone'])
    const fromOffice = { ...all, Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }
    expect(policyLockouts(doc(fromOffice), bucket, me).every((l) => !l.certain)).toBe(true)
  })

  it('main side: a lock-out needs the acknowledgement the call carries, the rest of the policy is checked as the editor does', () => {
    const parsed = callSchemas['bucketSettings/setPolicy'].safeParse({ profileId: 'p1', bucket, policy: JSON.stringify(doc({ ...publicRead, Resource: 'arn:aws:s3:::otro/*' })), acknowledgedLockout: false, relaxBlockPublicAccess: false })
    expect(parsed.success).toBe(false)
    expect(callSchemas['bucketSettings/setPolicy'].safeParse({ profileId: 'p1', bucket, policy: '{"Statement": [] , "Statement": []}', acknowledgedLockout: false, relaxBlockPublicAccess: false }).success).toBe(false)
  })
})

describe('Block Public Access', () => {
  const all = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }
  const wizard = { ...all, blockPublicPolicy: false, restrictPublicBuckets: false }

  it('says what a change turns off and on', () => {
    expect(blockChanges(all, wizard)).toEqual({ off: ['blockPublicPolicy', 'restrictPublicBuckets'], on: [] })
    expect(blockChanges(null, all)).toEqual({ off: [], on: ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'] })
  })

  it('warns when public read would stop: RestrictPublicBuckets on under a public policy', () => {
    expect(publicReadStops(wizard, all, doc(publicRead))).toBe(true)
    expect(publicReadStops(wizard, { ...wizard, blockPublicPolicy: true }, doc(publicRead))).toBe(false)
    expect(publicReadStops(wizard, all, doc({ ...publicRead, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }))).toBe(false)
    expect(publicReadStops(wizard, all, null)).toBe(false)
  })

  it('says which level refuses a public policy', () => {
    expect(isPublicPolicy(doc(publicRead))).toBe(true)
    expect(blockRefusingPolicy(doc(publicRead), all, null)).toBe('bucket')
    expect(blockRefusingPolicy(doc(publicRead), wizard, all)).toBe('account')
    expect(blockRefusingPolicy(doc({ ...publicRead, Principal: { AWS: me.arn } }), all, all)).toBe(null)
  })
})

describe('statements an edit removes', () => {
  it('names each statement that is gone or changed, by Sid or position, and none when only the key order changed', () => {
    const other = { Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: `arn:aws:s3:::${bucket}/*` }
    expect(removedStatements(doc(publicRead, other), doc(other))).toEqual(['PublicRead'])
    expect(removedStatements(doc(publicRead, other), doc(publicRead))).toEqual(['#2'])
    expect(removedStatements(doc(publicRead), doc({ ...publicRead, Action: 's3:GetObjectVersion' }))).toEqual(['PublicRead'])
    const reordered = Object.fromEntries(Object.entries(publicRead).reverse())
    expect(removedStatements(doc(publicRead, other), doc(reordered, other))).toEqual([])
    expect(removedStatements(doc(publicRead, other), null)).toEqual(['PublicRead', '#2'])
  })
})
