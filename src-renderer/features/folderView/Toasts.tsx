import { useToastStore } from './toastStore'

/** Confirmations, announced politely; the full text (a long URL) is in the title. */
export function Toasts() {
  const toasts = useToastStore((s) => s.toasts)
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" title={toast.detail ?? toast.text}>
          <strong>{toast.text}</strong>
          {toast.detail && <span className="toast__detail mono">{toast.detail}</span>}
        </div>
      ))}
    </div>
  )
}
