import type { SecretStore } from '../keychain/secretStore'

/** What a shell (Electron or browser mode) tells the backend about where it runs. */
export interface BackendOptions {
  /** The app's data folder: profiles.json lives here, never a secret. */
  dataDir: string
  shell: 'electron' | 'browser'
  osLocale: string
  version: string
  /** The user's home, for importing ~/.aws/credentials and ~/.aws/config. */
  homeDir: string
  /** Defaults to the OS keychain through keytar. Tests pass their own. */
  secretStore?: SecretStore
  /**
   * Points every AWS service (S3, IAM, STS) at one local server, as tests do with moto.
   * Profiles with their own custom endpoint are unaffected. Set with CUBETA_AWS_ENDPOINT.
   */
  awsEndpointOverride?: string | null
  log?: (line: string) => void
  /** The OS clipboard, where the shell has one the window can't reach (Electron). */
  writeClipboard?: (text: string) => void
  /** Asks where to save downloads (Electron's folder dialog); null when cancelled. */
  chooseFolder?: () => Promise<string | null>
}
