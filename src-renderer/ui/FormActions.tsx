import { useTranslation } from 'react-i18next'

/** A dialog form's footer: what is happening, Cancel, and the submit button (disabled while busy). */
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
      <button type="submit" className="button button--primary" disabled={busy}>
        {submitText}
      </button>
    </div>
  )
}
