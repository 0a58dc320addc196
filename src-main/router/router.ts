import type { z } from 'zod'
import { callSchemas, type BridgeError, type BridgeResult, type CallName } from '../contract/bridge'
import type { Handlers } from '../core/handlers'
import { AppError, unexpectedError } from '../core/appError'
import { describeInvalidInput, describeNotPlainData } from './invalidInput'
import { firstNotPlainData } from './plainData'
import { redactKnownSecrets, redactSecrets, rememberSecret } from '../core/redact'

export interface Router {
  /** Validate, then run. Never throws; every outcome is a BridgeResult. */
  dispatch(name: string, rawInput: unknown): Promise<BridgeResult<unknown>>
}

/**
 * The single router that Electron IPC and browser mode both dispatch to
 *
 * The order is fixed: known call, then plain data, then schema, then handler. Unknown errors are logged
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
      const notPlain = firstNotPlainData(rawInput)
      if (notPlain) return { ok: false, error: describeNotPlainData(notPlain) }
      const parsed = schema.safeParse(rawInput ?? {})
      if (!parsed.success) return { ok: false, error: describeInvalidInput(parsed.error) }
      rememberSecretsIn(parsed.data)
      try {
        const handler = handlers[callName] as (input: unknown) => Promise<unknown>
        return { ok: true, value: await handler(parsed.data) }
      } catch (error) {
        const logBug = (bug: unknown) => log(`[cubeta] ${callName} failed: ${redactSecrets(String((bug as Error)?.stack ?? bug))}`)
        if (!(error instanceof AppError)) {
          logBug(error)
          return { ok: false, error: unexpectedError() }
        }
        // A service that met a bug mid-way (awsErrors' programming errors) says "unexpected" and carries it.
        if (error.code === unexpectedError().code && error.cause !== undefined) logBug(error.cause)
        return { ok: false, error: withoutKnownSecrets(error.toBridge()) }
      }
    },
  }
}

/** Secrets typed into the window (a profile's, the admin's) are masked from then on, whatever their shape. */
function rememberSecretsIn(value: unknown, depth = 0): void {
  if (depth > 4 || value === null || typeof value !== 'object') return
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' && /secret/i.test(key)) rememberSecret(item)
    else rememberSecretsIn(item, depth + 1)
  }
}

/** A service's sentence may quote what a server said, and a server may echo a secret. */
function withoutKnownSecrets(error: BridgeError): BridgeError {
  const params = error.params ? Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, typeof v === 'string' ? redactKnownSecrets(v) : v])) : undefined
  return { ...error, message: redactKnownSecrets(error.message), hint: redactKnownSecrets(error.hint), ...(params ? { params } : {}) }
}
