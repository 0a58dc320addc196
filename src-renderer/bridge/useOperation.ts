import { useCallback, useEffect, useRef, useState } from 'react'
import type { BridgeError, OperationProgress } from '../../src-main/contract/bridge'
import { asBridgeError } from '../errors/asBridgeError'
import { bridge } from './bridgeClient'

/** A new operation's id, to match its progress events. */
const newOperationId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `op-${Date.now()}-${Math.random().toString(36).slice(2)}`)

/**
 * A long call (count or empty a bucket, delete or rename objects) with its
 * `objects/progress` events, matched by a fresh operation id, and a Stop
 *
 * Stop asks the main process to end the operation after the request in flight; the
 * call then returns what it did so far. With `stopOnLeave`, leaving the screen stops it
 * too, so nothing keeps running unseen; a dialog that stays open while it works needs not.
 */
export function useOperation({ stopOnLeave = false }: { stopOnLeave?: boolean } = {}) {
  const [busy, setBusy] = useState(false)
  const [stopping, setStopping] = useState(false)
  const [progress, setProgress] = useState<OperationProgress | null>(null)
  const [error, setError] = useState<BridgeError | null>(null)
  const current = useRef<string | null>(null)

  const cancel = useCallback(() => {
    const operationId = current.current
    if (!operationId) return
    setStopping(true)
    void bridge['operations/cancel']({ operationId })
  }, [])

  useEffect(() => (stopOnLeave ? () => cancel() : undefined), [cancel, stopOnLeave])

  const run = useCallback(async <T,>(start: (operationId: string) => Promise<T>): Promise<T | null> => {
    const operationId = newOperationId()
    current.current = operationId
    setBusy(true)
    setStopping(false)
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
      if (current.current === operationId) current.current = null
      setBusy(false)
      setStopping(false)
    }
  }, [])

  return { busy, stopping, progress, error, setError, run, cancel }
}
