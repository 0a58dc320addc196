import { useEffect } from 'react'
import { CloseIcon } from '../../ui/icons'
import { useBrowserTranslation } from './browserI18n'
import { useToastStore, type Toast } from './toastStore'

const successMs = 5000
const errorMs = 9000

/**
 * Confirmations in the bottom corner. Successes go in a polite status region, failures
 * in an alert. The status region is always in the page, because screen readers only
 * announce changes to live regions that already existed (an alert is announced when it
 * appears). The copied text shows on one
 * truncated line, and in full in the tooltip.
 */
export function Toasts() {
  const toasts = useToastStore((s) => s.toasts)
  const errors = toasts.filter((toast) => toast.tone === 'error')
  return (
    <div className="toasts">
      {errors.length > 0 && (
        <div role="alert" className="toasts__region">
          {errors.map((toast) => (
            <ToastView key={toast.id} toast={toast} />
          ))}
        </div>
      )}
      <div role="status" className="toasts__region">
        {toasts.filter((toast) => toast.tone !== 'error').map((toast) => (
          <ToastView key={toast.id} toast={toast} />
        ))}
      </div>
    </div>
  )
}

function ToastView({ toast }: { toast: Toast }) {
  const { t } = useBrowserTranslation()
  const dismiss = useToastStore((s) => s.dismiss)
  useEffect(() => {
    // A toast with a button waits for the user: Undo must not vanish while someone reads it.
    if (toast.action) return
    const timer = setTimeout(() => dismiss(toast.id), toast.tone === 'error' ? errorMs : successMs)
    return () => clearTimeout(timer)
  }, [toast, dismiss])
  return (
    <div className={`toast toast--${toast.tone}`}>
      <div className="toast__text">
        <p className="toast__message">{toast.message}</p>
        {toast.detail && (
          <p className="toast__detail" title={toast.detail}>
            {toast.detail}
          </p>
        )}
      </div>
      {toast.action && (
        <button
          type="button"
          className="button toast__action"
          onClick={() => {
            dismiss(toast.id)
            toast.action?.run()
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast__close" aria-label={t('toast.dismiss')} onClick={() => dismiss(toast.id)}>
        <CloseIcon />
      </button>
    </div>
  )
}
