import { useEffect, useRef, useState } from 'react'
import type { BridgeError } from '../../../src-main/contract/bridge'
import { asBridgeError } from '../../errors/asBridgeError'

/**
 * An editor that opens under its card: open, close with focus back on the button that
 * opened it (keyboard users stay where they were), and one write at a time with its error.
 */
export function useSettingEditor() {
  const [editing, setEditing] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const wasEditing = useRef(false)
  // Once the editor has closed and the button is back in the page, not before.
  useEffect(() => {
    if (wasEditing.current && !editing) opener.current?.focus()
    wasEditing.current = editing
  }, [editing])
  return { editing, open: () => setEditing(true), done: () => setEditing(false), opener }
}

export function useSettingWrite(onWritten: () => void) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<BridgeError | null>(null)
  const run = async (write: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await write()
      onWritten()
    } catch (caught) {
      setError(asBridgeError(caught))
      setBusy(false)
    }
  }
  return { busy, error, run }
}
