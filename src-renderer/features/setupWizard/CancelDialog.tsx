import { useState } from 'react'
import type { SetupState } from '../../../src-main/contract/bridge'
import { Dialog } from '../../ui/Dialog'
import { CreatedList } from './CreatedList'
import { RollbackResult } from './RollbackResult'
import { SetupErrorAlert } from './SetupErrorAlert'
import { useSetupWizardStore } from './setupWizardStore'
import { useSetupTranslation } from './useSetupTranslation'

interface Props {
  /** Back to the wizard, nothing changed. */
  onStay: () => void
  /** Close the session and leave the wizard. */
  onLeave: () => void
}

/**
 * Leaving with things created: undo them, or keep them? Stay has the focus, so a
 * stray Enter changes nothing. A rollback that had to keep something says what and
 * why before the wizard closes.
 */
export function CancelDialog({ onStay, onLeave }: Props) {
  const { t } = useSetupTranslation()
  const { progress, busy, error, rollback } = useSetupWizardStore()
  const [result, setResult] = useState<NonNullable<SetupState['rollback']> | null>(null)
  // Only this dialog's own rollback error belongs here, not one the page already shows.
  const [failed, setFailed] = useState(false)
  const running = progress?.status === 'running' || busy === 'run'
  const locked = running || busy !== null

  const rollBackAndLeave = async () => {
    const state = await rollback()
    setFailed(state === null)
    if (!state) return
    if (state.rollback && state.rollback.kept.length > 0) setResult(state.rollback)
    else onLeave()
  }

  if (result) {
    return (
      <Dialog title={t('cancel.keptTitle')} onClose={onLeave} size="small">
        <div className="setup-dialog__body">
          <RollbackResult rollback={result} withNextSteps={false} />
        </div>
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={onLeave}>
            {t('cancel.close')}
          </button>
        </div>
      </Dialog>
    )
  }

  return (
    <Dialog title={t('cancel.title')} onClose={onStay} size="small">
      <div className="setup-dialog__body">
        {running && <p className="setup-note">{t('cancel.stillRunning')}</p>}
        <CreatedList resources={progress?.created ?? []} />
        {failed && error && <SetupErrorAlert error={error} />}
      </div>
      <div className="form__actions">
        <p role="status" className="form__status">
          {busy === 'rollback' ? t('cancel.rollingBack') : ''}
        </p>
        <button type="button" className="button" onClick={onStay} data-autofocus>
          {t('cancel.stay')}
        </button>
        <button type="button" className="button" disabled={locked} onClick={onLeave}>
          {t('cancel.keepIt')}
        </button>
        <button type="button" className="button button--danger" disabled={locked} onClick={() => void rollBackAndLeave()}>
          {t('cancel.rollBack')}
        </button>
      </div>
    </Dialog>
  )
}
