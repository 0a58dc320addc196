import { rememberSecret } from '../../core/redact'

/**
 * The secret store port
 *
 * Four functions, so that moving from keytar to @napi-rs/keyring or Electron's
 * safeStorage later touches one adapter file. Accounts are opaque strings chosen by the
 * caller (profile ids); the service name groups Cubeta's entries in the OS keychain.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>
  set(account: string, secret: string): Promise<void>
  delete(account: string): Promise<boolean>
  list(): Promise<string[]>
}

/** Keeps secrets for this process only: the "this session only" choice, and tests. */
export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>()
  return {
    async get(account) {
      return secrets.get(account) ?? null
    },
    async set(account, secret) {
      secrets.set(account, secret)
    },
    async delete(account) {
      return secrets.delete(account)
    },
    async list() {
      return [...secrets.keys()]
    },
  }
}

/** Every secret read from or written to the store is masked in logs and errors from then on. */
export function rememberingSecrets(store: SecretStore): SecretStore {
  return {
    ...store,
    async get(account) {
      const secret = await store.get(account)
      rememberSecret(secret)
      return secret
    },
    async set(account, secret) {
      rememberSecret(secret)
      return store.set(account, secret)
    },
  }
}
