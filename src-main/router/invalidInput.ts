import type { z } from 'zod'
import type { BridgeError } from '../contract/bridge'
import type { NotPlainData } from './plainData'

/** Turns a schema failure into one plain sentence naming the first bad field. */
export function describeInvalidInput(error: z.ZodError): BridgeError {
  const first = error.issues[0]
  return invalidField(first?.path ?? [], first?.message ?? 'is not valid')
}

/** A value JSON can't hold (a BigInt, a Map, a loop) is named with where it was. */
export function describeNotPlainData(found: NotPlainData): BridgeError {
  return invalidField(found.path, `holds ${found.kind}, which is not plain data`)
}

function invalidField(path: readonly PropertyKey[], detail: string): BridgeError {
  const field = path.length > 0 ? path.map(String).join('.') : 'request'
  return {
    code: 'invalid-input',
    message: `The field “${field}” is not valid: ${detail}.`,
    hint: 'Correct that field and try again.',
    params: { field, detail },
  }
}
