import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeBackend } from '../support/backendHarness'
import { resetMoto, seedAccount, setIamEnforcement, useMoto, type Moto } from '../support/moto'

let moto: Moto
beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => moto.stop())

describe('import from ~/.aws', () => {
  it('lists usable and unusable profiles, then imports the chosen ones after checking them', async () => {
    await resetMoto(moto.endpoint)
    const keys = await seedAccount(moto.endpoint, [{ name: 'imported-bucket', region: 'sa-east-1' }])
    await setIamEnforcement(moto.endpoint, true)
    const home = await mkdtemp(join(tmpdir(), 'cubeta-home-'))
    await mkdir(join(home, '.aws'))
    await writeFile(
      join(home, '.aws', 'credentials'),
      `[default]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n\n[stale]\naws_access_key_id = AKIAAAAAAAAAAAAAAAAA\naws_secret_access_key = nope\n\n[temp]\naws_access_key_id = ASIAXXXXXXXXXXXXXXXX\naws_secret_access_key = x\naws_session_token = y\n`,
    )
    await writeFile(join(home, '.aws', 'config'), `[default]\nregion = sa-east-1\n\n[profile sso-dev]\nsso_session = corp\nregion = eu-west-1\n`)

    const h = await makeBackend(moto.endpoint, { homeDir: home })
    const scanned = await h.ok('profiles/scanAwsFiles', {})
    const byName = Object.fromEntries(scanned.map((p) => [p.name, p]))
    expect(Object.keys(byName).sort()).toEqual(['default', 'sso-dev', 'stale', 'temp'])
    expect(byName.default).toMatchObject({ region: 'sa-east-1', unsupported: null, alreadyImported: false })
    expect(byName['sso-dev']?.unsupported).toMatch(/SSO/)
    expect(byName.temp?.unsupported).toMatch(/temporary/)
    expect(JSON.stringify(scanned)).not.toContain(keys.secretAccessKey)
    expect(JSON.stringify(scanned)).not.toContain(keys.accessKeyId)

    const result = await h.ok('profiles/importAwsFiles', { names: ['default', 'stale', 'temp'], secretStorage: 'keychain' })
    expect(result.imported.map((p) => [p.name, p.region])).toEqual([['default', 'sa-east-1']])
    expect(Object.fromEntries(result.failed.map((f) => [f.name, f.error.code]))).toEqual({
      stale: 'invalid-access-key-id',
      temp: 'aws-profile-unsupported',
    })
    const profile = result.imported[0]!
    expect((await h.ok('buckets/list', { profileId: profile.id })).map((b) => [b.name, b.region])).toEqual([['imported-bucket', 'sa-east-1']])
    expect((await h.ok('profiles/scanAwsFiles', {})).find((p) => p.name === 'default')?.alreadyImported).toBe(true)
    await h.dispose()
  })

  it('says plainly when there are no AWS files', async () => {
    const h = await makeBackend(moto.endpoint, { homeDir: await mkdtemp(join(tmpdir(), 'cubeta-empty-home-')) })
    expect(await h.call('profiles/scanAwsFiles', {})).toMatchObject({ ok: false, error: { code: 'aws-files-not-found' } })
    await h.dispose()
  })
})
