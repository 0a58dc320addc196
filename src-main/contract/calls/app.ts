import { z } from 'zod'
import type { BridgeError } from '../shared/bridgeError'
import { call } from '../shared/callSpec'
import { empty } from '../shared/schemaParts'

export interface AppInfo {
  version: string
  /** 'electron' or 'browser': the renderer adapts a few affordances to it. */
  shell: 'electron' | 'browser'
  /** The OS language, for the first choice of UI language. */
  osLocale: string
  platform: string
  /**
   * Set when profiles.json was damaged at start: Cubeta went back to the last good copy
   * (or to none) and kept the damaged file here. Keychain secrets are never touched.
   */
  profilesRecovered: { damagedCopy: string | null; restoredFromBackup: boolean } | null
  /** Every data file found damaged or partly unreadable, and what Cubeta did about it. */
  dataFiles: DataFileReport[]
  /**
   * Cubeta secrets in the keychain that no profile uses (left by an older version, or by
   * profiles lost with a damaged file). Offered for removal with profiles/removeOrphanedSecrets.
   */
  orphanedSecrets: number
}

export type DataFileKind = 'profiles' | 'transfers' | 'setup' | 'syncPairs'
/** What was wrong with a file as a whole. */
export type DataFileDamage = 'not-json' | 'wrong-shape' | 'not-a-file' | 'too-large' | 'unreadable'

/** A data file that was damaged or held entries Cubeta could not read. */
export interface DataFileReport {
  file: DataFileKind
  path: string
  /** Null when the file as a whole was fine and only some entries were not. */
  damage: DataFileDamage | null
  /**
   * - restored-backup: the last good copy was put back;
   * - started-empty: there was no good copy, so the file starts empty;
   * - kept-good-entries: the readable entries are in use, the others are listed below;
   * - left-alone: the file could not be set aside, so Cubeta writes nothing over it.
   */
  outcome: 'restored-backup' | 'started-empty' | 'kept-good-entries' | 'left-alone'
  /** The exact damaged bytes, kept under a dated name. */
  damagedCopy: string | null
  /** Entries kept in the file, unchanged, because they did not validate. */
  unreadableEntries: UnreadableEntry[]
}

export interface UnreadableEntry {
  /** 1-based place in the file's list. */
  position: number
  /** The entry's own name, when it has one. */
  name: string | null
  /** Each wrong field and what it should hold: "boolean", "string", "present" (missing), "one-of"... */
  problems: { field: string; expected: string }[]
}

export interface KeychainStatus {
  available: boolean
  /** Which backend answered, e.g. "Secret Service", "macOS Keychain". */
  backend: string
  /** When unavailable: why, in plain words, and what to do about it. */
  problem: BridgeError | null
}

export const appCalls = {
  'app/info': call<AppInfo>()(empty),
  'keychain/status': call<KeychainStatus>()(empty),
  /** Electron only: the main process writes the clipboard (the window has no permission to). */
  'clipboard/writeText': call<{ written: true }>()(z.object({ text: z.string().max(1_000_000) }).strict()),
}
