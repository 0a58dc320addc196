import { describe, expect, it } from 'vitest'
import { bucketNameProblems, bucketNameWarnings } from '../../src-main/contract/rules/bucketNameRule'
import { cubetaStatements, leastPrivilegeUserPolicy, mergeBucketPolicy, UnreadablePolicyError } from '../../src-main/contract/rules/bucketPolicy'
import { iamUserNameProblems } from '../../src-main/contract/rules/iamUserNameRule'
import { callSchemas } from '../../src-main/contract/bridge'
import { createBucketRequest } from '../../src-main/services/buckets/createBucketRequest'
import { envLines } from '../../src-main/services/setupWizard/djangoExport'
import { missingActions } from '../../src-main/services/setupWizard/permissionCheck'
import { makeTestPng } from '../../src-main/services/setupWizard/testImage'

const codes = (name: string) => bucketNameProblems(name).map((p) => p.code)

describe('bucket names', () => {
  it.each([
    ['My_Bucket', ['bucket-uppercase', 'bucket-characters']],
    ['ab', ['bucket-length']],
    ['192.168.0.1', ['bucket-ip']],
    ['xn--a', ['bucket-reserved-prefix']],
    ['-media', ['bucket-start']],
    ['media-', ['bucket-end']],
    ['media..blog', ['bucket-double-dot']],
    ['media-s3alias', ['bucket-reserved-suffix']],
    ['sthree-x', ['bucket-reserved-prefix']],
    ['a'.repeat(64), ['bucket-length']],
    ['mi blog', ['bucket-characters']],
  ])('%s fails with %j', (name, expected) => {
    expect(codes(name)).toEqual(expected)
  })

  it.each(['mi-blog-media', 'abc', 'a'.repeat(63), 'media.blog.example', '123-fotos'])('%s is valid', (name) => {
    expect(bucketNameProblems(name)).toEqual([])
  })

  it('warns about dots, which break HTTPS on virtual-hosted URLs', () => {
    expect(bucketNameWarnings('media.blog').map((w) => w.code)).toEqual(['bucket-dots'])
    expect(bucketNameWarnings('media-blog')).toEqual([])
  })
})

describe('IAM user names', () => {
  it('explains a space, and other characters', () => {
    expect(iamUserNameProblems('django media').map((p) => p.code)).toEqual(['user-space'])
    expect(iamUserNameProblems('django/media').map((p) => p.code)).toEqual(['user-characters'])
    expect(iamUserNameProblems('').map((p) => p.code)).toEqual(['user-length'])
    expect(iamUserNameProblems('x'.repeat(65)).map((p) => p.code)).toEqual(['user-length'])
    expect(iamUserNameProblems('ana+web=1,a.b@c_d-e')).toEqual([])
  })
})

describe('the setup plan schema refuses bad input before anything reaches AWS', () => {
  const plan = { userName: 'django-media', userMode: 'new', policy: 'least-privilege', bucket: 'mi-blog-media', region: 'eu-west-1', cors: false, keepTestObject: false, deleteAccessKeyRef: null }
  const issue = (over: Record<string, unknown>) => {
    const result = callSchemas['setup/run'].safeParse({ sessionId: 's', plan: { ...plan, ...over } })
    return result.success ? null : result.error.issues[0]?.path.join('.')
  }
  it.each([
    [{ bucket: 'My_Bucket' }, 'plan.bucket'],
    [{ bucket: 'ab' }, 'plan.bucket'],
    [{ bucket: '192.168.0.1' }, 'plan.bucket'],
    [{ bucket: 'xn--a' }, 'plan.bucket'],
    [{ userName: 'django media' }, 'plan.userName'],
    [{ region: 'mars-1' }, 'plan.region'],
  ])('%j → %s', (over, path) => {
    expect(issue(over)).toBe(path)
  })
  it('accepts a good plan', () => expect(issue({})).toBeNull())
})

describe('the bucket policy', () => {
  const arn = 'arn:aws:iam::123456789012:user/django-media'
  const djangoObjects = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts']
  it('grants the least-privilege user what Django needs, each action on its own resource, and nothing on the bucket’s settings', () => {
    expect(mergeBucketPolicy(null, cubetaStatements('blog', arn, 'least-privilege'))).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'CubetaPublicReadObjects', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::blog/*' },
        { Sid: 'CubetaUserListBucket', Effect: 'Allow', Principal: { AWS: arn }, Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::blog' },
        { Sid: 'CubetaUserObjects', Effect: 'Allow', Principal: { AWS: arn }, Action: djangoObjects, Resource: 'arn:aws:s3:::blog/*' },
      ],
    })
  })

  it('keeps the tutorial’s s3:* statement for the explicit full-access choice', () => {
    expect(cubetaStatements('blog', arn, 's3-full-access')[1]).toEqual(
      { Sid: 'CubetaUserFullAccess', Effect: 'Allow', Principal: { AWS: arn }, Action: 's3:*', Resource: ['arn:aws:s3:::blog', 'arn:aws:s3:::blog/*'] },
    )
  })

  it('keeps foreign statements and replaces only its own', () => {
    const foreign = { Sid: 'CloudFront', Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::blog/*', Condition: { StringEquals: { 'AWS:SourceArn': 'x' } } }
    const unnamed = { Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::blog/*' }
    const oldOurs = { Sid: 'CubetaPublicReadObjects', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::old/*' }
    const merged = mergeBucketPolicy(JSON.stringify({ Version: '2008-10-17', Id: 'keep-me', Statement: [foreign, unnamed, oldOurs] }), cubetaStatements('blog', arn, 's3-full-access'))
    expect(merged.Id).toBe('keep-me')
    expect(merged.Statement.slice(0, 2)).toEqual([foreign, unnamed])
    expect(merged.Statement.map((s) => s.Sid)).toEqual(['CloudFront', undefined, 'CubetaPublicReadObjects', 'CubetaUserFullAccess'])
    expect(merged.Statement[2]?.Resource).toBe('arn:aws:s3:::blog/*')
  })

  it('drops the s3:* an earlier full-access run wrote when least privilege runs again: nothing wider lingers', () => {
    const earlier = JSON.stringify(mergeBucketPolicy(null, cubetaStatements('blog', arn, 's3-full-access')))
    const merged = mergeBucketPolicy(earlier, cubetaStatements('blog', arn, 'least-privilege'))
    expect(merged.Statement.map((s) => s.Sid)).toEqual(['CubetaPublicReadObjects', 'CubetaUserListBucket', 'CubetaUserObjects'])
    expect(JSON.stringify(merged)).not.toContain('s3:*')
  })

  it('accepts a single statement object, and refuses to replace an unreadable policy', () => {
    const single = { Sid: 'One', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'x' }
    expect(mergeBucketPolicy(JSON.stringify({ Statement: single }), []).Statement).toEqual([single])
    expect(() => mergeBucketPolicy('{oops', [])).toThrow(UnreadablePolicyError)
  })

  it('gives the least-privilege user what django-storages needs on its bucket, and nothing else', () => {
    expect(leastPrivilegeUserPolicy('blog').Statement).toEqual([
      { Sid: 'CubetaListBucket', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::blog' },
      { Sid: 'CubetaObjects', Effect: 'Allow', Action: djangoObjects, Resource: 'arn:aws:s3:::blog/*' },
    ])
  })
})

describe('CreateBucket and LocationConstraint', () => {
  it('sends none for us-east-1 and the region everywhere else', () => {
    expect(createBucketRequest('b-1', 'us-east-1')).toEqual({ Bucket: 'b-1' })
    expect(createBucketRequest('b-1', 'eu-west-1')).toEqual({ Bucket: 'b-1', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } })
  })
})

describe('the dry permission check', () => {
  it('needs an Allow, lets a Deny win, and understands wildcards and NotAction', () => {
    const actions = ['iam:CreateUser', 's3:CreateBucket', 's3:PutBucketPolicy']
    expect(missingActions([{ Effect: 'Allow', Action: '*' }], actions)).toEqual([])
    expect(missingActions([{ Effect: 'Allow', Action: 's3:*' }], actions)).toEqual(['iam:CreateUser'])
    expect(missingActions([{ Effect: 'Allow', Action: '*' }, { Effect: 'Deny', Action: 's3:PutBucket*' }], actions)).toEqual(['s3:PutBucketPolicy'])
    expect(missingActions([{ Effect: 'Allow', NotAction: 'iam:*' }], actions)).toEqual(['iam:CreateUser'])
    expect(missingActions([{ Effect: 'Allow', Action: ['IAM:createuser', 's3:Create?ucket'] }], actions)).toEqual(['s3:PutBucketPolicy'])
  })
})

describe('what the user pastes into Django', () => {
  it('writes .env lines', () => {
    expect(envLines({ accessKeyId: 'AKIA1', secretAccessKey: 's/k+', bucket: 'blog', region: 'eu-west-1' })).toBe(
      'AWS_ACCESS_KEY_ID=AKIA1\nAWS_SECRET_ACCESS_KEY=s/k+\nAWS_STORAGE_BUCKET_NAME=blog\nAWS_S3_REGION_NAME=eu-west-1',
    )
  })
})

describe('the test image', () => {
  it('is a PNG a browser can decode', async () => {
    const png = makeTestPng()
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    expect(png.readUInt32BE(16)).toBe(48)
    const { inflateSync } = await import('node:zlib')
    const idatLength = png.readUInt32BE(33)
    expect(png.subarray(37, 41).toString()).toBe('IDAT')
    expect(inflateSync(png.subarray(41, 41 + idatLength)).length).toBe(48 * (1 + 48 * 3))
  })
})
