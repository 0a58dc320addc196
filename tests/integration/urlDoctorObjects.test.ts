import { createServer, type Server } from 'node:http'
import { CopyObjectCommand, CreateBucketCommand, HeadObjectCommand, PutBucketPolicyCommand, PutObjectCommand, type PutObjectCommandInput } from '@aws-sdk/client-s3'
import { beforeEach, describe, expect, it } from 'vitest'
import { doctorCheckIds } from '../../src-main/contract/calls/urlDoctor'
import { useSeededBackend } from '../support/backendHarness'
import { adminS3 } from '../support/moto'
import { freePort } from '../support/motoProcess.mjs'
import { causes, doctorOf, fetchAnonymously, findingsOf, firstFix } from '../support/urlDoctorHarness'

/**
 * The URL doctor against moto: the object, its URL and the host in front of it
 *
 * As in urlDoctorAccess.test.ts: each cause staged for real, the doctor names it and no
 * other, and its fix (or doing what its words say) gives an anonymous 200 with the bytes.
 */
let doctor: ReturnType<typeof doctorOf>
let bucket = ''
let buckets = 0
const region = 'eu-west-1'
// One account for the file, a new bucket per test.
const world = useSeededBackend({ region })
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082', 'hex')
const s3 = () => adminS3(world.moto.endpoint, region)
const put = (key: string, body: Buffer | string, extra: Partial<PutObjectCommandInput> = {}) => s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ...extra }))
const makePublic = (name = bucket) =>
  s3().send(new PutBucketPolicyCommand({ Bucket: name, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${name}/*` }] }) }))
const newBucket = async (name: string) => {
  await s3().send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: region } }))
  return name
}
const setBaseUrl = (publicBaseUrl: string | null) => world.h.ok('profiles/update', { id: world.profileId, publicBaseUrl })

async function expectServed(url: string, bytes: Buffer | string = png) {
  const served = await fetchAnonymously(url)
  expect(served.status).toBe(200)
  expect(served.bytes.equals(Buffer.from(bytes))).toBe(true)
  return served
}

beforeEach(async () => {
  bucket = await newBucket(`doctor-objects-${++buckets}`)
  await makePublic()
  await setBaseUrl(null)
  doctor = doctorOf(world.h, world.profileId, bucket)
})

describe('the object', () => {
  it('names a missing key (403 for visitors on AWS, said plainly) and offers the key that exists', async () => {
    await put('static/css/site.css', 'body{}', { ContentType: 'text/css' })
    await put('media/fotos/Gato feliz.png', png, { ContentType: 'image/png' })
    const before = await doctor.diagnose('media/fotos/gato+feliz.png')
    expect(causes(before)).toEqual(['object.missing'])
    expect(findingsOf(before, 'object')[0]!.message).toContain('403 Access Denied rather than 404')
    const fix = firstFix(before)
    expect(fix).toEqual({ kind: 'use-key', key: 'media/fotos/Gato feliz.png', text: expect.objectContaining({ code: 'fix.use-key' }) })
    const after = await doctor.diagnose('media/fotos/Gato feliz.png')
    expect(causes(after)).toEqual([])
    await expectServed(after.url!)
  })

  it('names SSE-KMS, which no visitor can decrypt, and uploading it again with SSE-S3 works', async () => {
    await put('privado.png', png, { ContentType: 'image/png', ServerSideEncryption: 'aws:kms' })
    // moto serves it anyway; AWS refuses every anonymous read of a KMS object.
    const before = await doctor.diagnose('privado.png')
    expect(causes(before)).toEqual(['object.kms'])
    expect(firstFix(before)).toMatchObject({ kind: 'words', text: { code: 'fix.kms' } })
    // What the words say: the same object again, with SSE-S3.
    await s3().send(new CopyObjectCommand({ Bucket: bucket, Key: 'privado.png', CopySource: `${bucket}/privado.png`, ServerSideEncryption: 'AES256', MetadataDirective: 'COPY' }))
    const after = await doctor.diagnose('privado.png')
    expect(causes(after)).toEqual([])
    await expectServed(after.url!)
  })

  it('names binary/octet-stream on a PNG, and sets image/png from the name, keeping its metadata', async () => {
    await put('fotos/playa.png', png, { ContentType: 'binary/octet-stream', CacheControl: 'max-age=60', Metadata: { autor: 'ana' } })
    const before = await doctor.diagnose('fotos/playa.png')
    expect(causes(before)).toEqual(['object.content-type'])
    expect(findingsOf(before, 'request')[0]!.code).toBe('request.downloads')
    const fix = firstFix(before)
    expect(fix).toMatchObject({ kind: 'apply', id: 'content-type', changes: [{ before: 'binary/octet-stream', after: 'image/png' }] })
    const after = await doctor.apply(before, 'content-type')
    expect(causes(after)).toEqual([])
    expect(after.conclusion?.code).toBe('conclusion.works')
    const served = await expectServed(after.url!)
    expect(served.headers.get('content-type')).toBe('image/png')
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: 'fotos/playa.png' }))
    expect([head.CacheControl, head.Metadata]).toEqual(['max-age=60', { autor: 'ana' }])
  })

  it('names text/plain on a stylesheet, and sets text/css', async () => {
    await put('static/site.css', 'body{color:red}', { ContentType: 'text/plain' })
    const before = await doctor.diagnose('static/site.css')
    expect(causes(before)).toEqual(['object.text-type'])
    const after = await doctor.apply(before, 'content-type')
    expect(causes(after)).toEqual([])
    const served = await expectServed(after.url!, 'body{color:red}')
    expect(served.headers.get('content-type')).toMatch(/^text\/css/)
  })

  it('names Content-Disposition: attachment, and makes it inline, keeping the file name', async () => {
    await put('docs/menu.png', png, { ContentType: 'image/png', ContentDisposition: 'attachment; filename="menu.png"' })
    const before = await doctor.diagnose('docs/menu.png')
    expect(causes(before)).toEqual(['object.attachment'])
    const after = await doctor.apply(before, 'inline')
    expect(causes(after)).toEqual([])
    const served = await expectServed(after.url!)
    expect(served.headers.get('content-disposition')).toBe('inline; filename="menu.png"')
  })

  it('refuses to apply a fix when the object changed since it was shown', async () => {
    await put('fotos/playa.png', png, { ContentType: 'binary/octet-stream' })
    const before = await doctor.diagnose('fotos/playa.png')
    await put('fotos/playa.png', 'otra cosa', { ContentType: 'binary/octet-stream' })
    const refused = await world.h.call('urlDoctor/applyFix', { runId: before.runId, fixId: 'content-type', nextRunId: 'after-stale' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'doctor-stale' } })
    expect((await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: 'fotos/playa.png' }))).ContentType).toBe('binary/octet-stream')
  })
})

describe('keys and folders', () => {
  it('names a key no URL can reach, Copy URL refuses it, and the suggested rename is served', async () => {
    await put('dots/./x.txt', 'punto', { ContentType: 'text/plain' })
    await put('dots/x.txt', 'otro')
    const before = await doctor.diagnose('dots/./x.txt')
    expect(causes(before)).toEqual(['request.key-unreachable'])
    expect(before.checks.filter((c) => c.id !== 'request').every((c) => c.state === 'skipped')).toBe(true)
    expect(firstFix(before)).toMatchObject({ kind: 'rename', key: 'dots/./x.txt', suggestion: 'dots/x.txt' })
    // Today's URL would fetch the other object: that is why it is refused.
    for (const form of ['public', 'path-style', 'html', 'markdown', 'presigned'] as const) {
      const copy = await world.h.call('urls/build', { profileId: world.profileId, bucket, keys: ['dots/./x.txt'], form, expiresInSeconds: form === 'presigned' ? 3600 : null })
      expect(copy, form).toMatchObject({ ok: false, error: { code: 'key-unreachable', params: { suggestion: 'dots/x.txt' } } })
    }
    // dots/x.txt is taken, so the user picks another name in Rename.
    await world.h.ok('objects/rename', { profileId: world.profileId, bucket, from: 'dots/./x.txt', to: 'dots/x-punto.txt', operationId: 'rename-dots' })
    const after = await doctor.diagnose('dots/x-punto.txt')
    expect(causes(after)).toEqual([])
    await expectServed(after.url!, 'punto')
  })

  it('checks a folder through its first file, and says when it has none', async () => {
    await put('fotos/', '')
    await put('fotos/a.png', png, { ContentType: 'image/png' })
    const folder = await doctor.diagnose('fotos/')
    expect(folder.checkedKey).toBe('fotos/a.png')
    expect(causes(folder)).toEqual([])
    expect(findingsOf(folder, 'request')[0]).toMatchObject({ code: 'request.checked-first', params: { key: 'fotos/a.png' } })
    await expectServed(folder.url!)
    const empty = await doctor.diagnose('vacio/')
    expect(causes(empty)).toEqual(['request.folder-empty'])
  })

  it('shows each verdict as it lands, in the order the checks run', async () => {
    await put('a.png', png, { ContentType: 'image/png' })
    const report = await doctor.diagnose('a.png')
    const mine = doctor.progress.filter((p) => p.runId === report.runId)
    const running = mine.map((p) => p.checks.find((c) => c.state === 'running')?.id).filter(Boolean)
    expect(running).toEqual([...doctorCheckIds])
    // Each check is judged by the time the next one runs, and the last report is the answer.
    mine.forEach((p, i) => expect(p.checks.slice(0, Math.max(0, i - 1)).every((c) => !['waiting', 'running'].includes(c.state))).toBe(true))
    expect(mine.at(-1)).toEqual(report)
    expect(report.finished).toBe(true)
  })
})

describe('the custom base URL', () => {
  it('names a base URL whose host does not answer, and fixing the base URL works', async () => {
    await put('a.png', png, { ContentType: 'image/png' })
    const closed = await freePort()
    await setBaseUrl(`http://127.0.0.1:${closed}/media`)
    const before = await doctor.diagnose('a.png', { form: 'custom-base' })
    expect(causes(before)).toEqual(['base.unreachable'])
    expect(findingsOf(before, 'base-url')[0]!.params).toEqual({ host: `127.0.0.1:${closed}`, reason: 'connection refused' })
    expect(firstFix(before)).toMatchObject({ kind: 'words', text: { code: 'fix.base-unreachable' } })
    await setBaseUrl(`${world.moto.endpoint}/${bucket}`)
    const after = await doctor.diagnose('a.png', { form: 'custom-base' })
    expect(causes(after)).toEqual([])
    expect(findingsOf(after, 'base-url')[0]!.code).toBe('base.ok')
    await expectServed(after.url!)
  })

  it('names a base URL that serves another bucket: other bytes, or a bucket that is not there', async () => {
    await put('a.png', png, { ContentType: 'image/png' })
    const other = await newBucket(`doctor-other-${buckets}`)
    await makePublic(other)
    await s3().send(new PutObjectCommand({ Bucket: other, Key: 'a.png', Body: 'not the same image', ContentType: 'image/png' }))
    await setBaseUrl(`${world.moto.endpoint}/${other}`)
    const otherBytes = await doctor.diagnose('a.png', { form: 'custom-base' })
    expect(causes(otherBytes)).toEqual(['base.other-object'])
    await setBaseUrl(`${world.moto.endpoint}/no-such-bucket-here`)
    const gone = await doctor.diagnose('a.png', { form: 'custom-base' })
    expect(causes(gone)).toEqual(['base.other-bucket'])
    expect(findingsOf(gone, 'base-url')[0]!.params).toMatchObject({ other: 'no-such-bucket-here', bucket })
  })

  it('names a URL that goes to another region’s endpoint (S3’s 301 PermanentRedirect)', async () => {
    await put('a.png', png, { ContentType: 'image/png' })
    // No peer answers like AWS's regional endpoints do, so a few lines stand in for
    // s3.us-east-1.amazonaws.com asked for an eu-west-1 bucket, with S3's exact answer.
    const wrongRegion: Server = createServer((_request, response) => {
      response.writeHead(301, { 'Content-Type': 'application/xml', 'x-amz-bucket-region': region })
      response.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.</Message><Endpoint>${bucket}.s3.${region}.amazonaws.com</Endpoint><Bucket>${bucket}</Bucket></Error>`)
    })
    const port = await freePort()
    await new Promise<void>((resolve) => wrongRegion.listen(port, '127.0.0.1', resolve))
    try {
      await setBaseUrl(`http://127.0.0.1:${port}/${bucket}`)
      const report = await doctor.diagnose('a.png', { form: 'custom-base' })
      expect(causes(report)).toEqual(['request.wrong-region'])
      expect(firstFix(report)).toMatchObject({ kind: 'words', text: { code: 'fix.wrong-region', params: { region, url: `https://${bucket}.s3.${region}.amazonaws.com/a.png` } } })
      // The bucket's own URL, in its region, serves the image.
      await expectServed((await doctor.diagnose('a.png')).url!)
    } finally {
      await new Promise((resolve) => wrongRegion.close(resolve))
    }
  })
})
