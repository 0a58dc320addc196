import type { BridgeResult, CallInput, CallName } from '../../src-main/contract/bridge'

/**
 * Many profile changes at once, and what the data must look like afterwards
 *
 * Shared by the in-process test (through the router) and the two-process test (two
 * browser-mode backends on one data folder), so both check the same exact outcome.
 */
export type ChurnOp =
  | { call: 'profiles/add'; input: CallInput<'profiles/add'>; tag: string }
  | { call: 'profiles/update'; input: CallInput<'profiles/update'>; tag: string }
  | { call: 'profiles/delete'; input: CallInput<'profiles/delete'>; tag: string }
  | { call: 'profiles/list'; input: CallInput<'profiles/list'>; tag: string }

export interface ChurnResult {
  tag: string
  ok: boolean
  code: string | null
  id: string | null
}

export const draft = (name: string, secret: string): CallInput<'profiles/add'> => ({
  name,
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: secret,
  region: 'us-east-1',
  endpoint: null,
  forcePathStyle: false,
  secretStorage: 'keychain',
})

export async function runChurn(dispatch: (name: CallName, input: unknown) => Promise<BridgeResult<unknown>>, ops: ChurnOp[]): Promise<ChurnResult[]> {
  return Promise.all(
    ops.map(async (op) => {
      const result = await dispatch(op.call, op.input)
      const value = result.ok ? (result.value as { id?: string } | null) : null
      return { tag: op.tag, ok: result.ok, code: result.ok ? null : result.error.code, id: typeof value?.id === 'string' ? value.id : null }
    }),
  )
}
