import { useTranslation } from 'react-i18next'

/**
 * A dialog form's footer: what is happening, Cancel, and the submit button. While busy
 * the button says so with aria-disabled rather than `disabled`, so the focus stays on it
 * instead of falling out of the dialog; the forms ignore a submit while busy.
 */
export function FormActions({ busy, busyText, submitText, onCancel }: { busy: boolean; busyText: string; submitText: string; onCancel(): void }) {
  const { t } = useTranslation()
  return (
    <div className="form__actions">
      <p role="status" className="form__status">
        {busy ? busyText : ''}
      </p>
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
        {submitText}
      </button>
    </div>
  )
}
