import type { KeychainStatus } from '../../contract/bridge'
import { AppError } from '../../core/appError'
import type { SecretStore } from './secretStore'

const backendName = (platform: string) =>
  platform === 'darwin' ? 'macOS Keychain' : platform === 'win32' ? 'Windows Credential Manager' : 'Secret Service'

/** Probes the keychain with a harmless listing; the answer drives the UI's storage choice. */
export async function probeKeychain(store: SecretStore, platform = process.platform): Promise<KeychainStatus> {
  try {
    await store.list()
    return { available: true, backend: backendName(platform), problem: null }
  } catch (error) {
    const problem = error instanceof AppError ? error.toBridge() : null
    return {
      available: false,
      backend: backendName(platform),
      problem: problem ?? {
        code: 'keychain-unavailable',
        message: 'Cubeta cannot use the OS keychain.',
        hint: 'Choose "Keep for this session only", or unlock your keychain and restart Cubeta.',
      },
    }
  }
}
