import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { CreatedResource, SetupPlan, SetupStep } from '../../contract/bridge'
import { readJsonWithFallback, writeJsonAtomic } from '../dataFiles/atomicJsonFile'

/**
 * What an unfinished guided setup has created, on disk
 *
 * Written after every step, so that if Cubeta is killed half-way the next start can say
 * what exists (user, policy, key, bucket...) and offer to continue or roll it back. It
 * holds names and the new key's id, never a secret: the admin keys are asked for again,
 * and a key whose secret was lost with the process is deleted and made anew.
 */
export interface SetupRecord {
  version: 1
  accountId: string
  plan: SetupPlan
  created: CreatedResource[]
  steps: SetupStep[]
  /** The access key this setup created, whose secret only the killed process knew. */
  newAccessKeyId: string | null
  updatedAt: string
}

export interface SetupJournal {
  load(): Promise<SetupRecord | null>
  save(record: SetupRecord): Promise<void>
  clear(): Promise<void>
  /** Resolves once every write asked for so far is on disk (before quitting). */
  idle(): Promise<void>
}

export function createSetupJournal(dataDir: string): SetupJournal {
  const path = join(dataDir, 'setup-journal.json')
  let writing: Promise<unknown> = Promise.resolve()
  const chain = (work: () => Promise<unknown>) => {
    const next = writing.then(work)
    writing = next.catch(() => undefined)
    return next.then(() => undefined)
  }
  return {
    async load() {
      await writing
      const file = await readJsonWithFallback(path, null)
      const record = file?.value as SetupRecord | null | undefined
      return record && record.version === 1 && Array.isArray(record.created) && record.plan ? record : null
    },
    save: (record) => chain(() => writeJsonAtomic(path, record)),
    clear: () => chain(async () => Promise.all([rm(path, { force: true }), rm(`${path}.bak`, { force: true })])),
    idle: () => writing.then(() => undefined),
  }
}

export function createMemorySetupJournal(): SetupJournal {
  let record: SetupRecord | null = null
  return {
    load: async () => record,
    save: async (next) => void (record = next),
    clear: async () => void (record = null),
    idle: async () => undefined,
  }
}
