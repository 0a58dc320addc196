import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserServer } from '../../src-main/browserMode/browserServer'
import { addSessionProfile, makeBackend } from '../support/backendHarness'
import { adminS3, resetMoto, seedAccount, useMoto, type Moto } from '../support/moto'
import { oddKeys } from '../support/oddKeys'

let moto: Moto
beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => moto.stop())

const bodyOf = (key: string) => Buffer.concat([Buffer.from(key), randomBytes(4096)])

async function world() {
  await resetMoto(moto.endpoint)
  const keys = await seedAccount(moto.endpoint, [])
  const s3 = adminS3(moto.endpoint, 'eu-west-1')
  await s3.send(new CreateBucketCommand({ Bucket: 'downloads', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }))
  const bodies = new Map(oddKeys.map((key) => [key, bodyOf(key)]))
  for (const [key, body] of bodies) await s3.send(new PutObjectCommand({ Bucket: 'downloads', Key: key, Body: body, ContentType: 'image/png' }))
  return { keys, bodies }
}

describe('downloads', () => {
  it('streams objects into the chosen folder, byte-exact, never over an existing file', async () => {
    const { keys, bodies } = await world()
    const folder = await mkdtemp(join(tmpdir(), 'cubeta-dl-'))
    await mkdir(join(folder, 'año 2024'))
    await writeFile(join(folder, 'año 2024', 'foto niño+1 #2.png'), 'mine, keep it')
    const h = await makeBackend(moto.endpoint, { chooseFolder: async () => folder })
    const profile = await addSessionProfile(h, keys)
    const result = await h.ok('objects/download', { profileId: profile.id, bucket: 'downloads', keys: oddKeys })
    expect(result.folder).toBe(folder)
    expect(result.written).toHaveLength(oddKeys.length)
    expect(await readFile(join(folder, 'año 2024', 'foto niño+1 #2.png'), 'utf8')).toBe('mine, keep it')
    expect((await readFile(join(folder, 'año 2024', 'foto niño+1 #2 (1).png'))).equals(bodies.get(oddKeys[0]!)!)).toBe(true)
    for (const key of oddKeys.slice(1)) expect((await readFile(join(folder, ...key.split('/')))).equals(bodies.get(key)!)).toBe(true)
    await h.dispose()
  })

  it('does nothing when the folder dialog is cancelled, and says so plainly in browser mode', async () => {
    const { keys } = await world()
    const cancelled = await makeBackend(moto.endpoint, { chooseFolder: async () => null })
    const profile = await addSessionProfile(cancelled, keys)
    expect(await cancelled.ok('objects/download', { profileId: profile.id, bucket: 'downloads', keys: [oddKeys[1]!] })).toEqual({ folder: null, written: [] })
    const browser = await makeBackend(moto.endpoint)
    const other = await addSessionProfile(browser, keys)
    expect(await browser.call('objects/download', { profileId: other.id, bucket: 'downloads', keys: [oddKeys[1]!] })).toMatchObject({ ok: false, error: { code: 'download-in-browser' } })
  })

  it('serves a one-time link in browser mode, as an attachment with the exact bytes', async () => {
    const { keys, bodies } = await world()
    const h = await makeBackend(moto.endpoint)
    const profile = await addSessionProfile(h, keys)
    const rendererDir = await mkdtemp(join(tmpdir(), 'cubeta-renderer-'))
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html>')
    const server = await startBrowserServer({ backend: h.backend, rendererDir, token: 'dl-token-123456', port: 0 })
    // Signed in as the page is: the link's token is traded for a session cookie.
    const signIn = await fetch(server.url, { redirect: 'manual' })
    const cookie = String(signIn.headers.get('set-cookie')).split(';')[0]!
    const key = oddKeys[2]!
    const { url } = await h.ok('objects/downloadLink', { profileId: profile.id, bucket: 'downloads', key })
    const first = await fetch(`http://127.0.0.1:${server.port}${url}`, { headers: { cookie } })
    expect(first.status).toBe(200)
    expect(first.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('gato 🐱.jpg')}`)
    expect(Buffer.from(await first.arrayBuffer()).equals(bodies.get(key)!)).toBe(true)
    expect((await fetch(`http://127.0.0.1:${server.port}${url}`, { headers: { cookie } })).status).toBe(404)
    expect((await fetch(`http://127.0.0.1:${server.port}${(await h.ok('objects/downloadLink', { profileId: profile.id, bucket: 'downloads', key })).url}`)).status).toBe(401)
    await server.close()
  })
})
