import { useState } from 'react'
import type { BridgeError, OperationProgress } from '../../../../src-main/contract/bridge'
import { bridge } from '../../../bridge/bridgeClient'
import { asBridgeError } from '../../../errors/asBridgeError'
import { newOperationId } from '../browserActions'

/**
 * A dialog's long call (delete, rename) with its `objects/progress` events
 *
 * The events are matched by a fresh operation id; the listener is removed when the
 * call returns, whatever it returned.
 */
export function useOperation() {
  const [busy, setBusy] = useState(false)
  const [progress, setProgress] = useState<OperationProgress | null>(null)
  const [error, setError] = useState<BridgeError | null>(null)

  const run = async <T,>(start: (operationId: string) => Promise<T>): Promise<T | null> => {
    const operationId = newOperationId()
    setBusy(true)
    setError(null)
    setProgress(null)
    const stop = bridge.on('objects/progress', (event) => {
      if (event.operationId === operationId) setProgress(event)
    })
    try {
      return await start(operationId)
    } catch (caught) {
      setError(asBridgeError(caught))
      return null
    } finally {
      stop()
      setBusy(false)
    }
  }

  return { busy, progress, error, setError, run }
}
