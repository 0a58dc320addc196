import Module from 'node:module'
import { afterEach, describe, expect, it } from 'vitest'
import { createKeytarSecretStore } from '../../src-main/services/keychain/keytarSecretStore'

/**
 * How keytar is loaded
 *
 * In the packaged app keytar sits inside the asar archive (its .node file unpacked next
 * to it). Node's CommonJS loader is the one Electron patches to read asar; the ESM
 * loader's asar support has regressed before, and a regression there would surface as
 * "the keychain is not built for this system". So the store must load keytar with a
 * plain require: here Node's CommonJS loader is intercepted, as Electron's asar patch
 * sits there, and the store must reach keytar through it.
 */
type Loader = { _load(request: string, parent: unknown, isMain: boolean): unknown }
const loader = Module as unknown as Loader
const original = loader._load
afterEach(() => {
  loader._load = original
})

function interceptKeytar(fake: unknown): string[] {
  const seen: string[] = []
  loader._load = function (request, parent, isMain) {
    if (request === 'keytar') {
      seen.push(request)
      return fake
    }
    return original.call(this, request, parent, isMain)
  }
  return seen
}

describe('keytar', () => {
  it("is loaded through Node's CommonJS loader, where Electron reads the asar", async () => {
    const seen = interceptKeytar({ getPassword: async () => 'from-the-commonjs-loader', setPassword: async () => undefined, deletePassword: async () => true, findCredentials: async () => [] })
    const store = createKeytarSecretStore('Cubeta-loading-test')
    expect(await store.get('profile:a')).toBe('from-the-commonjs-loader')
    expect(seen).toEqual(['keytar'])
  })

  it('that fails to load becomes keychain-unavailable, never a crash', async () => {
    loader._load = function (request, parent, isMain) {
      if (request === 'keytar') throw new Error("Cannot find module '../build/Release/keytar.node'")
      return original.call(this, request, parent, isMain)
    }
    const store = createKeytarSecretStore('Cubeta-loading-test')
    await expect(store.get('profile:a')).rejects.toMatchObject({ code: 'keychain-unavailable' })
  })
})
