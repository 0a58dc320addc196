import { PutBucketPolicyCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { addSessionProfile, makeBackend } from '../support/backendHarness'
import { adminS3, resetMoto, seedAccount, useMoto, type Moto } from '../support/moto'
import { oddKeys } from '../support/oddKeys'

let moto: Moto
beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => moto.stop())

const bucket = 'cubeta-urls'
const euBucket = 'cubeta-eu'
const bodyOf = (key: string) => `bytes of ${key} ✓`

/** What a visitor's browser gets: no credentials at all. */
async function anonymous(url: string) {
  const response = await fetch(url, { redirect: 'manual' })
  return { status: response.status, text: await response.text() }
}

async function makePublic(s3: S3Client, name: string) {
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${name}/*` }] }
  await s3.send(new PutBucketPolicyCommand({ Bucket: name, Policy: JSON.stringify(policy) }))
}

describe('URLs and public checks against moto (IAM enforcement off)', () => {
  let h: Awaited<ReturnType<typeof makeBackend>>
  let keys: Awaited<ReturnType<typeof seedAccount>>
  let profileId: string
  let s3: S3Client
  beforeEach(async () => {
    await resetMoto(moto.endpoint)
    keys = await seedAccount(moto.endpoint, [
      { name: bucket, region: 'us-east-1' },
      { name: euBucket, region: 'eu-west-1' },
    ])
    s3 = adminS3(moto.endpoint)
    for (const key of oddKeys) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bodyOf(key) }))
    h = await makeBackend(moto.endpoint)
    profileId = (
      await addSessionProfile(h, keys)
    ).id
  })
  afterEach(async () => h.dispose())
  const build = (form: 'public' | 'path-style' | 'custom-base' | 'presigned' | 'html' | 'markdown', over: { keys?: string[]; bucket?: string; expiresInSeconds?: number | null; profileId?: string } = {}) =>
    h.call('urls/build', { profileId: over.profileId ?? profileId, bucket: over.bucket ?? bucket, keys: over.keys ?? oddKeys, form, expiresInSeconds: over.expiresInSeconds ?? null })
  const built = async (...args: Parameters<typeof build>) => {
    const result = await build(...args)
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
    return result.value
  }

  it('public and path-style URLs serve every weird key anonymously once the bucket policy allows it, and checkPublic agrees', async () => {
    const pub = await built('public')
    const path = await built('path-style')
    expect(pub.text).toBe(pub.urls.join('\n'))
    expect(pub.urls[0]).toBe(`${moto.endpoint}/${bucket}/a%C3%B1o%202024/foto%20ni%C3%B1o%2B1%20%232.png`)
    expect(pub.urls[1]).toBe(`${moto.endpoint}/${bucket}/a%20b%2Bc%25d%3F.txt`)
    expect(pub.urls[2]).toBe(`${moto.endpoint}/${bucket}/%F0%9F%93%B7/gato%20%F0%9F%90%B1.jpg`)

    for (const url of [...pub.urls, ...path.urls]) expect((await anonymous(url)).status).toBe(403)
    for (const key of oddKeys) {
      expect(await h.ok('objects/checkPublic', { profileId, bucket, key })).toEqual({ isPublic: false, status: 403, url: pub.urls[oddKeys.indexOf(key)] })
    }

    await makePublic(s3, bucket)
    for (const [i, key] of oddKeys.entries()) {
      for (const url of [pub.urls[i]!, path.urls[i]!]) expect(await anonymous(url)).toEqual({ status: 200, text: bodyOf(key) })
      const check = await h.ok('objects/checkPublic', { profileId, bucket, key })
      expect(check.isPublic).toBe(true)
      expect([200, 206]).toContain(check.status)
    }
  })

  it('presigned URLs open a private object with plain fetch, signed for the bucket’s own region', async () => {
    const signed = await built('presigned')
    for (const [i, key] of oddKeys.entries()) {
      const url = new URL(signed.urls[i]!)
      expect(url.searchParams.get('X-Amz-Expires')).toBe('3600')
      expect(url.searchParams.get('X-Amz-Credential')).toContain('/us-east-1/s3/aws4_request')
      expect(await anonymous(signed.urls[i]!)).toEqual({ status: 200, text: bodyOf(key) })
    }
    // The profile says us-east-1, the bucket lives in eu-west-1: the URL must say eu-west-1.
    await s3.send(new PutObjectCommand({ Bucket: euBucket, Key: 'a b+c%d?.txt', Body: 'eu!' }))
    const eu = await built('presigned', { bucket: euBucket, keys: ['a b+c%d?.txt'], expiresInSeconds: 604_800 })
    const euUrl = new URL(eu.urls[0]!)
    expect(euUrl.searchParams.get('X-Amz-Credential')).toContain('/eu-west-1/s3/aws4_request')
    expect(euUrl.searchParams.get('X-Amz-Expires')).toBe('604800')
    expect(await anonymous(eu.urls[0]!)).toEqual({ status: 200, text: 'eu!' })
    // Longer than SigV4 allows is refused before anything is signed.
    expect(await build('presigned', { expiresInSeconds: 604_801 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('custom-base needs a base URL, then builds under it; HTML and Markdown use it too', async () => {
    const none = await build('custom-base')
    expect(none).toMatchObject({ ok: false, error: { code: 'no-base-url' } })
    if (!none.ok) expect(none.error.hint).toMatch(/Edit profile/)

    await h.ok('profiles/update', { id: profileId, publicBaseUrl: 'https://cdn.example.com/media/' })
    const base = await built('custom-base', { keys: oddKeys.slice(0, 2) })
    expect(base.text).toBe(
      'https://cdn.example.com/media/a%C3%B1o%202024/foto%20ni%C3%B1o%2B1%20%232.png\nhttps://cdn.example.com/media/a%20b%2Bc%25d%3F.txt',
    )
    const html = await built('html', { keys: ['año 2024/foto niño+1 #2.png', 'docs/"informe" <final>.pdf'] })
    expect(html.text).toBe(
      '<img src="https://cdn.example.com/media/a%C3%B1o%202024/foto%20ni%C3%B1o%2B1%20%232.png" alt="foto niño+1 #2.png">\n' +
        '<a href="https://cdn.example.com/media/docs/%22informe%22%20%3Cfinal%3E.pdf">&quot;informe&quot; &lt;final&gt;.pdf</a>',
    )
    const md = await built('markdown', { keys: ['fotos/gato (1).png', 'docs/informe (final).pdf'] })
    expect(md.text).toBe('![gato (1).png](https://cdn.example.com/media/fotos/gato%20%281%29.png)\n[informe (final).pdf](https://cdn.example.com/media/docs/informe%20%28final%29.pdf)')
    expect(md.urls[0]).toBe('https://cdn.example.com/media/fotos/gato%20(1).png')
  })

  it('HTML and Markdown without a base URL point at the public URL, which serves the bytes', async () => {
    await makePublic(s3, bucket)
    const md = await built('markdown', { keys: ['año 2024/foto niño+1 #2.png'] })
    expect(md.text).toBe(`![foto niño+1 #2.png](${moto.endpoint}/${bucket}/a%C3%B1o%202024/foto%20ni%C3%B1o%2B1%20%232.png)`)
    expect(await anonymous(md.urls[0]!)).toEqual({ status: 200, text: bodyOf('año 2024/foto niño+1 #2.png') })
  })

  it('says so in words when the public URL cannot be reached at all', async () => {
    await h.ok('profiles/update', { id: profileId, publicBaseUrl: 'http://127.0.0.1:9' })
    const result = await h.call('objects/checkPublic', { profileId, bucket, key: 'a b+c%d?.txt' })
    expect(result).toMatchObject({ ok: false, error: { code: 'public-check-failed', params: { url: 'http://127.0.0.1:9/a%20b%2Bc%25d%3F.txt' } } })
  })

  it('a custom-endpoint profile gets path-style URLs on its endpoint, signed with its own region', async () => {
    const local = await h.ok('profiles/add', {
      name: 'Local S3',
      accessKeyId: keys.accessKeyId,
      secretAccessKey: keys.secretAccessKey,
      region: 'auto',
      endpoint: moto.endpoint,
      forcePathStyle: true,
      secretStorage: 'session',
    })
    const page = await h.ok('objects/listPage', { profileId: local.id, bucket, prefix: '', token: null })
    expect(page.entries.map((e) => e.key).sort()).toEqual(['a b+c%d?.txt', 'año 2024/', 'd/', '📷/'])
    const pub = await built('public', { profileId: local.id, keys: ['a b+c%d?.txt'] })
    expect(pub.text).toBe(`${moto.endpoint}/${bucket}/a%20b%2Bc%25d%3F.txt`)
    const signed = await built('presigned', { profileId: local.id, keys: ['a b+c%d?.txt'] })
    expect(new URL(signed.urls[0]!).searchParams.get('X-Amz-Credential')).toContain('/auto/s3/aws4_request')
    expect(await anonymous(signed.urls[0]!)).toEqual({ status: 200, text: bodyOf('a b+c%d?.txt') })
  })
})
