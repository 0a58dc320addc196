import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKeytarSecretStore, keychainService } from '../../src-main/services/keychain/keytarSecretStore'
import { makeBackend } from '../support/backendHarness'
import { resetMoto, seedAccount, setIamEnforcement, useMoto, type Moto } from '../support/moto'

let moto: Moto
beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => moto.stop())

const secretToolSearch = () => execFileSync('secret-tool', ['search', '--all', 'service', keychainService], { encoding: 'utf8' })

describe('a profile saved from the app, in the real keyring', () => {
  it('puts the secret in the keyring only, and removes it with the profile', async () => {
    await resetMoto(moto.endpoint)
    const keys = await seedAccount(moto.endpoint, [{ name: 'keyring-bucket', region: 'us-east-1' }])
    await setIamEnforcement(moto.endpoint, true)
    const h = await makeBackend(moto.endpoint, { secretStore: createKeytarSecretStore() })

    const profile = await h.ok('profiles/add', {
      name: 'Keyring',
      accessKeyId: keys.accessKeyId,
      secretAccessKey: keys.secretAccessKey,
      region: 'us-east-1',
      endpoint: null,
      forcePathStyle: false,
      secretStorage: 'keychain',
    })
    expect(await h.ok('keychain/status', {})).toMatchObject({ available: true })
    expect(secretToolSearch()).toContain(`secret = ${keys.secretAccessKey}`)
    expect(await h.dataFolderText()).not.toContain(keys.secretAccessKey)
    expect((await h.ok('buckets/list', { profileId: profile.id })).map((b) => b.name)).toEqual(['keyring-bucket'])

    await h.ok('profiles/delete', { id: profile.id })
    expect(secretToolSearch()).not.toContain(keys.secretAccessKey)
    await h.dispose()
  })
})
