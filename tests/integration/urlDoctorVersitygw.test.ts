import { CreateBucketCommand, PutBucketPolicyCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeBackend } from '../support/backendHarness'
import { resetMoto, useMoto, type Moto } from '../support/moto'
import { causes, doctorOf, fetchAnonymously, findingsOf, firstFix, stateOf } from '../support/urlDoctorHarness'
import { startVersitygw, type Versitygw } from '../support/versitygw'

/**
 * The URL doctor against versitygw, for what moto does not do for anonymous requests
 *
 * moto grants a visitor whatever any Allow grants anyone (it ignores named principals)
 * and sends Access-Control-Allow-Origin for every origin. versitygw evaluates bucket
 * policy principals and matches CORS rules, so the 403 before and the 200 (and the CORS
 * header) after are the server's own. A profile with a custom endpoint, as for MinIO:
 * the settings versitygw lacks (Block Public Access, Requester Pays) show as skipped.
 */
let moto: Moto
let vgw: Versitygw
let h: Awaited<ReturnType<typeof makeBackend>>
let doctor: ReturnType<typeof doctorOf>
let admin: S3Client
const bucket = 'doctor-vgw'
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082', 'hex')
const origin = 'https://blog.example'

beforeAll(async () => {
  moto = await useMoto()
  await resetMoto(moto.endpoint)
  vgw = await startVersitygw()
  admin = new S3Client({ region: 'us-east-1', endpoint: vgw.endpoint, forcePathStyle: true, credentials: { accessKeyId: vgw.accessKeyId, secretAccessKey: vgw.secretAccessKey } })
  await admin.send(new CreateBucketCommand({ Bucket: bucket }))
  h = await makeBackend(moto.endpoint)
  const profile = await h.ok('profiles/add', { name: 'Gateway', accessKeyId: vgw.accessKeyId, secretAccessKey: vgw.secretAccessKey, region: 'us-east-1', endpoint: vgw.endpoint, forcePathStyle: true, secretStorage: 'session' })
  doctor = doctorOf(h, profile.id, bucket)
})
afterAll(async () => {
  await h?.dispose()
  await vgw?.stop()
  await moto?.stop()
})

describe('on a server that evaluates policies and CORS', () => {
  it('names a policy that grants only a named account, and the merged public statement serves it', async () => {
    await admin.send(new PutObjectCommand({ Bucket: bucket, Key: 'fotos/gato.png', Body: png, ContentType: 'image/png' }))
    const owner = { Sid: 'OwnerOnly', Effect: 'Allow', Principal: { AWS: vgw.accessKeyId }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }
    await admin.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [owner] }) }))
    const before = await doctor.diagnose('fotos/gato.png')
    expect(causes(before)).toEqual(['policy.no-public-statement'])
    expect((await fetchAnonymously(before.url!)).status).toBe(403)
    expect(['account-block', 'requester-pays'].map((id) => stateOf(before, id as never))).toEqual(['skipped', 'skipped'])

    const after = await doctor.apply(before, 'public-policy')
    expect(causes(after)).toEqual([])
    const served = await fetchAnonymously(after.url!)
    expect(served.status).toBe(200)
    expect(served.bytes.equals(png)).toBe(true)
  })

  it('names missing CORS for a font read from the site, and the rule for that origin makes the server allow it', async () => {
    await admin.send(new PutObjectCommand({ Bucket: bucket, Key: 'static/fuente.woff2', Body: 'wOF2', ContentType: 'font/woff2' }))
    const before = await doctor.diagnose('static/fuente.woff2', { origin, usage: 'font' })
    expect(causes(before)).toEqual(['cors.none'])
    expect(findingsOf(before, 'cors').find((f) => f.code === 'cors.answer')?.params).toEqual({ origin, allowed: 'none' })
    const fix = firstFix(before)
    expect(fix).toMatchObject({ kind: 'apply', id: 'cors', changes: [{ before: null }] })

    const after = await doctor.apply(before, 'cors')
    expect(causes(after)).toEqual([])
    expect(findingsOf(after, 'cors')[0]).toMatchObject({ code: 'cors.allowed', params: { origin } })
    const served = await fetchAnonymously(after.url!, { Origin: origin })
    expect(served.status).toBe(200)
    expect(served.headers.get('access-control-allow-origin')).toBe(origin)
    expect(served.bytes.toString()).toBe('wOF2')
    // Another site is still refused: the rule names exactly one origin.
    expect((await fetchAnonymously(after.url!, { Origin: 'https://otro.example' })).headers.get('access-control-allow-origin')).toBeNull()
  })
})
