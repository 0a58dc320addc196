import { useSetupTranslation } from './useSetupTranslation'

/** Back to the previous page, and the page's submit (Next, or Set up on the last question). */
export function BackNextActions({ onBack, nextLabel, disabled = false }: { onBack(): void; nextLabel?: string; disabled?: boolean }) {
  const { t } = useSetupTranslation()
  return (
    <>
      <button type="button" className="button" onClick={onBack}>
        {t('nav.back')}
      </button>
      <button type="submit" className="button button--primary" disabled={disabled}>
        {nextLabel ?? t('nav.next')}
      </button>
    </>
  )
}
