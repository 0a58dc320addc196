import { CreateBucketCommand, GetBucketPolicyCommand, PutBucketPolicyCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { objectUrl } from '../../src-main/contract/rules/publicUrl'
import { makeBackend } from '../support/backendHarness'
import { adminS3, resetMoto, useMoto, type Moto } from '../support/moto'
import { anonymousMayList } from '../support/policyEvaluator'
import { adminKeys, plan } from '../support/setupHarness'
import { startVersitygw, type Versitygw } from '../support/versitygw'

/**
 * The wizard makes objects readable by URL, never the bucket listable
 *
 * moto answers an anonymous ListObjects with 200 whatever the policy (it does not
 * evaluate it; checked with moto 5.2.5), so it can't prove this. versitygw does evaluate
 * bucket policies for anonymous requests. So: a real wizard run against moto writes its
 * policy; that exact document goes onto a versitygw bucket; then an anonymous visitor
 * gets the object (200) and is refused every kind of listing (403). The only change to
 * the document is the user statement's principal: versitygw names accounts by access key
 * id, not by IAM ARN, and refuses an ARN as "Invalid principal". A control grant of
 * s3:ListBucket to "*" turns the listing to 200, proving the 403s come from the policy.
 */
let moto: Moto
let vgw: Versitygw
let wizardPolicy: string
let h: Awaited<ReturnType<typeof makeBackend>> | undefined
const bucket = 'mi-blog-media'

beforeAll(async () => {
  moto = await useMoto()
  vgw = await startVersitygw()
  await resetMoto(moto.endpoint)
  // A bucket with someone else's statements already in its policy: the wizard merges.
  await adminS3(moto.endpoint, 'eu-west-1').send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }))
  // (Not a Deny on aws:SecureTransport: moto evaluates it, and the wizard's check fetches over http.)
  const foreign = { Sid: 'PartnerRead', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }
  await adminS3(moto.endpoint, 'eu-west-1').send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [foreign] }) }))

  h = await makeBackend(moto.endpoint)
  const start = await h.ok('setup/start', { admin: adminKeys })
  const state = await h.ok('setup/run', { sessionId: start.sessionId, plan: plan({ bucket, cors: true, keepTestObject: true }) })
  expect(state.status, JSON.stringify(state.steps.filter((step) => step.error))).toBe('verified')
  wizardPolicy = (await adminS3(moto.endpoint, 'eu-west-1').send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy ?? ''
  expect(JSON.parse(wizardPolicy)).toEqual(JSON.parse(state.bucketPolicyJson ?? ''))
})
afterAll(async () => {
  await h?.dispose()
  await vgw?.stop()
  await moto?.stop()
})

/** The wizard's document for versitygw: IAM ARN principals become the gateway's account key, nothing else changes. */
function forVersitygw(policyJson: string): string {
  const document = JSON.parse(policyJson) as { Statement: { Principal?: unknown }[] }
  for (const statement of document.Statement) {
    const aws = (statement.Principal as { AWS?: unknown } | undefined)?.AWS
    if (typeof aws === 'string' && aws.startsWith('arn:aws:iam::')) statement.Principal = { AWS: vgw.accessKeyId }
  }
  return JSON.stringify(document)
}

/** What an anonymous visitor gets: plain fetch, no credentials, no signature. */
async function anonymous(path: string, method = 'GET') {
  const response = await fetch(`${vgw.endpoint}${path}`, { method })
  const body = method === 'HEAD' ? '' : await response.text()
  return { status: response.status, body }
}

const listings = [
  ['ListObjectsV2', `/${bucket}?list-type=2`, 'GET'],
  ['ListObjectsV2 under a prefix', `/${bucket}?list-type=2&prefix=fotos/&delimiter=/`, 'GET'],
  ['ListObjects (v1)', `/${bucket}`, 'GET'],
  ['ListObjectVersions', `/${bucket}?versions`, 'GET'],
  ['ListMultipartUploads', `/${bucket}?uploads`, 'GET'],
  ['HeadBucket', `/${bucket}`, 'HEAD'],
] as const

describe('public exposure after the guided setup', () => {
  it('writes a policy that grants anonymous visitors nothing on the bucket itself', () => {
    expect(anonymousMayList(JSON.parse(wizardPolicy), bucket)).toBe(false)
  })

  it('on a server that evaluates it: anonymous GetObject 200, every anonymous listing 403', async () => {
    const s3 = new S3Client({ region: 'us-east-1', endpoint: vgw.endpoint, forcePathStyle: true, credentials: { accessKeyId: vgw.accessKeyId, secretAccessKey: vgw.secretAccessKey } })
    await s3.send(new CreateBucketCommand({ Bucket: bucket }))
    const key = 'fotos/año 2024/niño+1.png'
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'png!', ContentType: 'image/png' }))
    const objectPath = new URL(objectUrl({ bucket, key, region: 'us-east-1', endpoint: vgw.endpoint })).pathname

    // Private before: the gateway refuses anonymous reads by default.
    expect((await anonymous(objectPath)).status).toBe(403)

    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: forVersitygw(wizardPolicy) }))
    const read = await anonymous(objectPath)
    expect(read.status).toBe(200)
    expect(read.body).toBe('png!')
    for (const [name, path, method] of listings) {
      const answer = await anonymous(path, method)
      expect(answer.status, name).toBe(403)
      expect(answer.body, name).not.toContain('niño')
    }

    // The control: grant listing to "*" and the same requests list the keys.
    const listable = JSON.parse(forVersitygw(wizardPolicy)) as { Statement: unknown[] }
    listable.Statement.push({ Sid: 'ControlPublicList', Effect: 'Allow', Principal: '*', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${bucket}` })
    expect(anonymousMayList(listable, bucket)).toBe(true)
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(listable) }))
    const listed = await anonymous(listings[0][1])
    expect(listed.status).toBe(200)
    expect(listed.body).toContain('fotos/')
  })
})
