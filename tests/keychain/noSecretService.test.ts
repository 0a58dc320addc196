import { describe, expect, it } from 'vitest'
import { createKeytarSecretStore } from '../../src-main/services/keychain/keytarSecretStore'
import { probeKeychain } from '../../src-main/services/keychain/keychainStatus'
import { AppError } from '../../src-main/core/appError'

// This file runs in its own worker process. Before keytar is first loaded, point D-Bus at
// nothing and drop the display: that is what an SSH session without a desktop looks like.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/cubeta-test-bus'
process.env.DISPLAY = ''

describe('no Secret Service', () => {
  it('says so plainly, with the fix, and never falls back to a file', async () => {
    const store = createKeytarSecretStore('Cubeta-test-absent')
    const failure = await store.set('profile:x', 'secret').then(() => null, (e: unknown) => e)
    expect(failure).toBeInstanceOf(AppError)
    const error = failure as AppError
    expect(error.code).toBe('keychain-unavailable')
    expect(error.message).toMatch(/never written to disk/)
    expect(error.hint).toMatch(/gnome-keyring/)
    expect(error.hint).toMatch(/Keep for this session only/)
  })

  it('reports the keychain as unavailable, so the UI offers session-only storage', async () => {
    const status = await probeKeychain(createKeytarSecretStore('Cubeta-test-absent'), 'linux')
    expect(status.available).toBe(false)
    expect(status.problem?.code).toBe('keychain-unavailable')
  })
})
