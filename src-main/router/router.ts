import type { z } from 'zod'
import type { BridgeResult, CallInput, CallName, CallOutput } from '../contract/bridge'
import { AppError, unexpectedError } from './appError'
import { callSchemas } from './schemas'
import { describeInvalidInput } from './invalidInput'
import { redactSecrets } from '../services/security/redact'

/** One function per call; each receives input that has already passed its schema. */
export type Handlers = { [K in CallName]: (input: CallInput<K>) => Promise<CallOutput<K>> }

export interface Router {
  /** Validate, then run. Never throws; every outcome is a BridgeResult. */
  dispatch(name: string, rawInput: unknown): Promise<BridgeResult<unknown>>
}

/**
 * The single router that Electron IPC and browser mode both dispatch to
 *
 * The order is fixed: known call, then schema, then handler. Unknown errors are logged
 * (redacted) and replaced by a generic message, so no stack ever reaches the renderer.
 */
export function createRouter(handlers: Handlers, log: (line: string) => void = console.error): Router {
  return {
    async dispatch(name, rawInput) {
      if (!Object.hasOwn(callSchemas, name)) {
        return {
          ok: false,
          error: {
            code: 'unknown-call',
            message: 'Cubeta does not know that request.',
            hint: 'The window and the app are out of step: restart Cubeta.',
          },
        }
      }
      const callName = name as CallName
      const schema = callSchemas[callName] as z.ZodType
      const parsed = schema.safeParse(rawInput ?? {})
      if (!parsed.success) return { ok: false, error: describeInvalidInput(parsed.error) }
      try {
        const handler = handlers[callName] as (input: unknown) => Promise<unknown>
        return { ok: true, value: await handler(parsed.data) }
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toBridge() }
        log(`[cubeta] ${callName} failed: ${redactSecrets(String((error as Error)?.stack ?? error))}`)
        return { ok: false, error: unexpectedError() }
      }
    },
  }
}
