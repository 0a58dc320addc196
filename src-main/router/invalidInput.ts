import type { z } from 'zod'
import type { BridgeError } from '../contract/bridge'

/** Turns a schema failure into one plain sentence naming the first bad field. */
export function describeInvalidInput(error: z.ZodError): BridgeError {
  const first = error.issues[0]
  const field = first && first.path.length > 0 ? first.path.join('.') : 'request'
  const detail = first?.message ?? 'is not valid'
  return {
    code: 'invalid-input',
    message: `The field “${field}” is not valid: ${detail}.`,
    hint: 'Correct that field and try again.',
    params: { field, detail },
  }
}
