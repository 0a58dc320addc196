import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { createKeytarSecretStore } from '../../src-main/services/keychain/keytarSecretStore'
import { probeKeychain } from '../../src-main/services/keychain/keychainStatus'

// Runs inside the private D-Bus session and throwaway gnome-keyring that `npm test` starts.
const service = `Cubeta-test-${randomUUID().slice(0, 8)}`
const store = createKeytarSecretStore(service)
afterAll(async () => {
  for (const account of await store.list()) await store.delete(account)
})

describe('the OS keychain through keytar (gnome-keyring)', () => {
  it('stores, lists, reads and deletes a secret', async () => {
    await store.set('profile:a', 's3cr3t/with+chars=')
    expect(await store.get('profile:a')).toBe('s3cr3t/with+chars=')
    expect(await store.list()).toEqual(['profile:a'])
    expect(await store.delete('profile:a')).toBe(true)
    expect(await store.get('profile:a')).toBeNull()
  })

  it('puts the secret where other Secret Service tools find it', async () => {
    await store.set('profile:b', 'visible-to-secret-tool')
    const found = execFileSync('secret-tool', ['lookup', 'service', service, 'account', 'profile:b'], { encoding: 'utf8' })
    expect(found.trim()).toBe('visible-to-secret-tool')
  })

  it('reports the keychain as available', async () => {
    expect(await probeKeychain(store, 'linux')).toEqual({ available: true, backend: 'Secret Service', problem: null })
  })
})
