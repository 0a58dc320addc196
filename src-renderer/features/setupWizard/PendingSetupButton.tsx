import { useEffect } from 'react'
import { AlertIcon } from '../../ui/icons'
import { useSetupWizardStore } from './setupWizardStore'
import { useSetupTranslation } from './useSetupTranslation'

/** In the sidebar, from the first start after a kill: the way back to a half-done setup. */
export function PendingSetupButton({ onOpen }: { onOpen(): void }) {
  const { t } = useSetupTranslation()
  const pending = useSetupWizardStore((s) => s.pending)
  useEffect(() => void useSetupWizardStore.getState().loadPending(), [])
  if (!pending) return null
  return (
    <button type="button" className="button button--sidebar setup-pending-button" onClick={onOpen}>
      <AlertIcon />
      {t('pending.open')}
    </button>
  )
}
