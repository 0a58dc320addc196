import type { BridgeResult, CubetaApi } from '../../src-main/contract/bridge'
import { createHttpBridge } from './httpBridge'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    cubeta?: CubetaApi
  }
}

/** The one way the renderer reaches the main process, whichever shell it runs in. */
export const bridge: CubetaApi = window.cubeta ?? createHttpBridge()

/** Thrown by `unwrap` so that stores can catch one error type and show its code/message/hint. */
export class BridgeCallError extends Error {
  constructor(readonly error: import('../../src-main/contract/bridge').BridgeError) {
    super(error.message)
  }
}

export function unwrap<T>(result: BridgeResult<T>): T {
  if (result.ok) return result.value
  throw new BridgeCallError(result.error)
}
