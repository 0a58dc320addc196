import { useEffect, useId, useRef, type ReactNode } from 'react'
import { focusFirstOf, initialFocusIn, type FocusTarget } from './dialogFocus'

interface DialogProps {
  title: string
  onClose: () => void
  children: ReactNode
  /** Short dialogs (confirmations) are narrower than forms; reports (the URL doctor) wider. */
  size?: 'small' | 'medium' | 'large'
  /**
   * Where focus goes when the dialog closes, before the control that opened it: for
   * an action that removes its opener (a deleted row, a deleted profile). Return null to
   * fall through to the opener.
   */
  focusAfterClose?: () => FocusTarget
  /** Where focus goes when neither that nor the opener can take it any more. */
  focusFallback?: () => FocusTarget
}

/**
 * A modal dialog on the native <dialog>: the browser makes the page behind it inert and
 * keeps focus inside. Escape closes it through `onClose`, so React state stays the one
 * source of truth for what is open.
 *
 * Focus, in one place for every dialog: it opens on the element marked data-autofocus
 * (the safe choice of a confirmation) or else the first field; while open, focus that
 * falls out (a button that became busy) comes back to the error shown or the first
 * field; and however it closes (Escape, Cancel, Save, after a failed save) focus returns
 * to the control that opened it, or to what `focusAfterClose`/`focusFallback` name,
 * unless something outside took it meanwhile (a dialog that opened the next one).
 */
export function Dialog({ title, onClose, children, size = 'medium', focusAfterClose, focusFallback }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const latest = useRef({ onClose, focusAfterClose, focusFallback })
  useEffect(() => {
    latest.current = { onClose, focusAfterClose, focusFallback }
  })

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const active = document.activeElement
    const opener = active instanceof HTMLElement && active !== document.body && !dialog.contains(active) ? active : null
    if (!dialog.open) dialog.showModal()
    initialFocusIn(dialog)?.focus()
    // The browser may close the dialog on its own (a repeated Escape); follow it. A close
    // event queued before a reopen (React's development double effects) is ignored.
    const onNativeClose = () => {
      if (!dialog.open) latest.current.onClose()
    }
    let frame = 0
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget) return
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        if (!dialog.open || (document.activeElement && document.activeElement !== document.body)) return
        focusFirstOf([dialog.querySelector<HTMLElement>('[role="alert"]'), initialFocusIn(dialog)])
      })
    }
    dialog.addEventListener('close', onNativeClose)
    dialog.addEventListener('focusout', onFocusOut)
    return () => {
      cancelAnimationFrame(frame)
      dialog.removeEventListener('close', onNativeClose)
      dialog.removeEventListener('focusout', onFocusOut)
      if (dialog.open) dialog.close()
      // React has already removed the dialog, and a removed dialog gives the focus back to
      // no one: return it here, unless something else took it.
      const now = document.activeElement
      if (now !== null && now !== document.body && now.isConnected) return
      const { focusAfterClose: after, focusFallback: fallback } = latest.current
      focusFirstOf([after?.(), opener, fallback?.()])
    }
  }, [])

  return (
    <dialog
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      className={`dialog dialog--${size}`}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  )
}
