import type { SetupState } from '../../../src-main/contract/bridge'
import { say } from './phraseText'
import { keptLine, labelPhrase } from './rollbackWords'
import { useSetupTranslation } from './useSetupTranslation'

interface Props {
  rollback: NonNullable<SetupState['rollback']>
  /** The "change your answers or try again" line, for when the wizard stays open. */
  withNextSteps?: boolean
}

/** What a rollback removed and, with the reason, what it kept. */
export function RollbackResult({ rollback, withNextSteps = true }: Props) {
  const { t } = useSetupTranslation()
  return (
    <div className="setup-panel" role="status">
      {withNextSteps && <p className="setup-lead">{t('rollback.lead')}</p>}
      <p className="setup-created__title">{t('rollback.removedTitle')}</p>
      {rollback.removed.length === 0 ? (
        <p className="quiet">{t('rollback.removedNothing')}</p>
      ) : (
        <ul className="setup-list">
          {rollback.removed.map((line, index) => (
            <li key={index}>{say(t, labelPhrase(line), line)}</li>
          ))}
        </ul>
      )}
      {rollback.kept.length > 0 && (
        <>
          <p className="setup-created__title">{t('rollback.keptTitle')}</p>
          <ul className="setup-list setup-list--kept">
            {rollback.kept.map((line, index) => {
              const kept = keptLine(line)
              const label = say(t, kept.label)
              const reason = say(t, kept.reason)
              return <li key={index}>{reason ? t('rollback.keptLine', { label, reason }) : label}</li>
            })}
          </ul>
        </>
      )}
    </div>
  )
}
