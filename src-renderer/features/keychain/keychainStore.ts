import { create } from 'zustand'
import type { BridgeError, KeychainStatus } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'

interface KeychainState {
  status: KeychainStatus | null
  error: BridgeError | null
  /** For this run only: the warning returns at the next launch while the problem lasts. */
  bannerDismissed: boolean
  load(): Promise<void>
  dismissBanner(): void
}

export const useKeychainStore = create<KeychainState>()((set) => ({
  status: null,
  error: null,
  bannerDismissed: false,
  dismissBanner: () => set({ bannerDismissed: true }),
  async load() {
    try {
      set({ status: unwrap(await bridge['keychain/status']({})), error: null })
    } catch (caught) {
      set({ error: asBridgeError(caught) })
    }
  },
}))

/**
 * Whether a secret may go to the keychain. Unknown (still checking, or the check itself
 * failed) counts as no: offering a choice that then fails is worse than a session key.
 */
export const useKeychainAvailable = (): boolean => useKeychainStore((s) => s.status?.available ?? false)
