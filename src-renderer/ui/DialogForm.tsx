import type { ReactNode, Ref } from 'react'

/**
 * A dialog's form: the app's own checks instead of the browser's bubbles, Enter submits as
 * the primary button does, and a submit while busy (or not ready) is ignored, so a double
 * press never sends twice.
 */
export function DialogForm({ busy, ready = true, onSubmit, formRef, children }: { busy: boolean; ready?: boolean; onSubmit: () => void; formRef?: Ref<HTMLFormElement>; children: ReactNode }) {
  return (
    <form
      ref={formRef}
      className="form"
      noValidate
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault()
        if (!busy && ready) onSubmit()
      }}
    >
      {children}
    </form>
  )
}
