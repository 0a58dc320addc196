import type { SetupState, SetupStep } from '../../../src-main/contract/bridge'
import { CreatedList } from './CreatedList'
import { SetupErrorAlert } from './SetupErrorAlert'
import { useSetupTranslation } from './useSetupTranslation'

interface Props {
  step: SetupStep
  progress: SetupState
  onUseBucket: (name: string) => void
  onUseRegion: (region: string) => void
}

/** Why the run stopped, the one-click fixes the error allows, and what the run left behind. */
export function FailurePanel({ step, progress, onUseBucket, onUseRegion }: Props) {
  const { t } = useSetupTranslation()
  const error = step.error
  const region = error?.code === 'bucket-other-region' ? error.params?.region : undefined
  const suggestions = error?.code === 'bucket-taken' ? progress.bucketSuggestions : []
  return (
    <div className="setup-panel">
      {error && <SetupErrorAlert error={error} />}
      {suggestions.length > 0 && (
        <div className="setup-suggestions">
          <p className="setup-created__title">{t('run.suggestionsTitle')}</p>
          <ul className="setup-suggestions__list">
            {suggestions.map((name) => (
              <li key={name}>
                <button type="button" className="button mono" onClick={() => onUseBucket(name)}>
                  {name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {typeof region === 'string' && (
        <div>
          <button type="button" className="button" onClick={() => onUseRegion(region)}>
            {t('run.useRegion', { region })}
          </button>
        </div>
      )}
      <CreatedList resources={progress.created} />
      <p className="field__help">{t('run.tryAgainHelp')}</p>
    </div>
  )
}
