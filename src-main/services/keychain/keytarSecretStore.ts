import { AppError } from '../../router/appError'
import type { SecretStore } from './secretStore'
import { describeKeychainFailure } from './keychainProblem'

type Keytar = typeof import('keytar')

/** The OS keychain service name under which Cubeta's secrets are filed. */
export const keychainService = 'Cubeta'

/**
 * The OS keychain, through keytar
 *
 * keytar is loaded on first use rather than at start-up: a missing native build or a
 * missing Secret Service must become a clear message, not a crash. Every failure turns
 * into `keychain-unavailable`; there is deliberately no plaintext fallback.
 */
export function createKeytarSecretStore(service = keychainService): SecretStore {
  let loaded: Promise<Keytar> | null = null
  const keytar = () => (loaded ??= import('keytar').then((m) => (m.default ?? m) as Keytar))

  const guarded = async <T>(run: (k: Keytar) => Promise<T>): Promise<T> => {
    try {
      return await run(await keytar())
    } catch (error) {
      if (error instanceof AppError) throw error
      throw describeKeychainFailure(error)
    }
  }

  return {
    get: (account) => guarded((k) => k.getPassword(service, account)),
    set: (account, secret) => guarded((k) => k.setPassword(service, account, secret)),
    delete: (account) => guarded((k) => k.deletePassword(service, account)),
    list: () => guarded(async (k) => (await k.findCredentials(service)).map((c) => c.account)),
  }
}
