import type { SecretStore } from '../services/keychain/secretStore'

/** What a shell (Electron or browser mode) tells the backend about where it runs. */
export interface BackendOptions {
  /** The app's data folder: profiles.json lives here, never a secret. */
  dataDir: string
  shell: 'electron' | 'browser'
  osLocale: string
  version: string
  /**
   * This is the data folder the desktop app and browser mode share by default, so Cubeta
   * secrets in the keychain that no profile here uses are offered for removal. Off for a
   * custom folder (CUBETA_DATA_DIR, --data-dir, tests): others may share the keychain.
   */
  claimUnknownSecrets?: boolean
  /** The user's home, for importing ~/.aws/credentials and ~/.aws/config. */
  homeDir: string
  /** Defaults to the OS keychain through keytar. Tests pass their own. */
  secretStore?: SecretStore
  /**
   * Points every AWS service (S3, IAM, STS) at one local server, as tests do with moto.
   * Profiles with their own custom endpoint are unaffected. Set with CUBETA_AWS_ENDPOINT.
   */
  awsEndpointOverride?: string | null
  /** How long a silent server is waited for before the request is retried (default 60 s). */
  idleTimeoutMs?: number
  log?: (line: string) => void
  /** The OS clipboard, where the shell has one the window can't reach (Electron). */
  writeClipboard?: (text: string) => void
  /** Asks where to save downloads (Electron's folder dialog); null when cancelled. */
  chooseFolder?: () => Promise<string | null>
}
