import type { BridgeError } from '../../src-main/contract/bridge'
import { BridgeCallError } from '../bridge/bridgeClient'

/**
 * Any caught value as an error a user can read. A non-bridge error is a renderer bug:
 * its text could be anything, so the user sees the generic sentence instead.
 */
export function asBridgeError(caught: unknown): BridgeError {
  if (caught instanceof BridgeCallError) return caught.error
  return {
    code: 'unexpected',
    message: 'Something went wrong inside Cubeta.',
    hint: 'Try again. If it keeps happening, restart Cubeta and report the steps that led here.',
  }
}
