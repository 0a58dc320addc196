import { join } from 'node:path'
import { z } from 'zod'
import type { CreatedResource, DataFileReport, SetupPlan, SetupStep } from '../../contract/bridge'
import { createJsonStore } from '../dataFiles/jsonStore'

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

const bridgeError = z.object({ code: z.string(), message: z.string(), hint: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })
const createdResource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), name: z.string() }),
  z.object({ kind: z.literal('inline-policy'), user: z.string(), policyName: z.string() }),
  z.object({ kind: z.literal('managed-policy'), user: z.string(), policyArn: z.string() }),
  z.object({ kind: z.literal('access-key'), user: z.string(), keyIdMasked: z.string() }),
  z.object({ kind: z.literal('bucket'), name: z.string(), region: z.string() }),
  z.object({ kind: z.literal('public-access-block'), bucket: z.string() }),
  z.object({ kind: z.literal('bucket-policy'), bucket: z.string() }),
  z.object({ kind: z.literal('cors'), bucket: z.string() }),
  z.object({ kind: z.literal('test-object'), bucket: z.string(), key: z.string() }),
]) satisfies z.ZodType<CreatedResource>
export const setupRecordSchema = z.object({
  version: z.literal(1),
  accountId: z.string(),
  plan: z.object({
    userName: z.string(),
    userMode: z.enum(['new', 'existing']),
    policy: z.enum(['least-privilege', 's3-full-access']),
    bucket: z.string(),
    region: z.string(),
    cors: z.boolean(),
    keepTestObject: z.boolean(),
    deleteAccessKeyRef: z.string().nullable(),
  }),
  created: z.array(createdResource),
  steps: z.array(
    z.object({
      id: z.enum(['user', 'userPolicy', 'accessKey', 'bucket', 'publicRead', 'propagation', 'verify']),
      status: z.enum(['pending', 'running', 'waiting', 'done', 'failed']),
      detail: z.string().nullable(),
      error: bridgeError.nullable(),
    }),
  ),
  newAccessKeyId: z.string().nullable(),
  updatedAt: z.string(),
}) satisfies z.ZodType<SetupRecord>

export interface SetupJournal {
  load(): Promise<SetupRecord | null>
  save(record: SetupRecord): Promise<void>
  clear(): Promise<void>
  /** Resolves once every write asked for so far is on disk (before quitting). */
  idle(): Promise<void>
  report?(): DataFileReport | null
}

export function createSetupJournal(dataDir: string): SetupJournal {
  const store = createJsonStore<SetupRecord | null>(join(dataDir, 'setup-journal.json'), setupRecordSchema.nullable(), { kind: 'setup', empty: () => null })
  return {
    async load() {
      await store.idle()
      return store.read()
    },
    save: (record) => store.update((file) => file.write(record)),
    clear: () => store.remove(),
    idle: () => store.idle(),
    report: () => store.report(),
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
