import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../../core/appError'
import { withDataFileLock } from '../dataFiles/dataFileLock'
import type { SecretStore } from './secretStore'
import { describeKeychainFailure } from './keychainProblem'

/**
 * The part of keytar this store uses, written out rather than taken from keytar's types:
 * keytar is an optional dependency (a machine without libsecret's headers can't build it),
 * and the type-check must not depend on whether it built.
 */
interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>
}

/** The OS keychain service name under which Cubeta's secrets are filed. */
export const keychainService = 'Cubeta'

/**
 * The OS keychain, through keytar
 *
 * keytar is loaded on first use rather than at start-up: a missing native build or a
 * missing Secret Service must become a clear message, not a crash. Every failure turns
 * into `keychain-unavailable`; there is deliberately no plaintext fallback.
 *
 * It is loaded with a plain CommonJS require, not import(): in the packaged app keytar
 * lives inside the asar archive, which Electron reads through its patches of Node's
 * CommonJS loader. The ESM loader's asar support has regressed before, and a regression
 * there would show up as "the keychain library is not built for this system".
 */
export function createKeytarSecretStore(service = keychainService): SecretStore {
  let loaded: Promise<Keytar> | null = null
  const keytar = () => (loaded ??= Promise.resolve().then(() => createRequire(__filename)('keytar') as Keytar))

  const guarded = async <T>(run: (k: Keytar) => Promise<T>): Promise<T> => {
    try {
      return await run(await keytar())
    } catch (error) {
      if (error instanceof AppError) throw error
      throw describeKeychainFailure(error)
    }
  }

  // libsecret's search fails, or crashes the process (strdup of a NULL secret), when an
  // item it found is deleted before it reads it. So listing and every change of Cubeta's
  // entries take turns: in this process, and with other Cubeta processes of this user.
  const turn = join(tmpdir(), `cubeta-keychain-${process.getuid?.() ?? 'user'}-${encodeURIComponent(service)}`)
  const inTurn = <T>(run: (k: Keytar) => Promise<T>) => guarded((k) => withDataFileLock(turn, () => run(k)))

  return {
    get: (account) => guarded((k) => k.getPassword(service, account)),
    set: (account, secret) => inTurn((k) => k.setPassword(service, account, secret)),
    delete: (account) => inTurn((k) => k.deletePassword(service, account)),
    list: () => inTurn(async (k) => (await k.findCredentials(service)).map((c) => c.account)),
  }
}
