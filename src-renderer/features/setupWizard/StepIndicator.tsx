import type { WizardPage } from './planValidation'
import { indicatorStages, stageIndex } from './stepLabels'
import { useSetupTranslation } from './useSetupTranslation'

/** Where the user is among the six stages; the current one is marked for assistive technology too. */
export function StepIndicator({ page }: { page: WizardPage }) {
  const { t } = useSetupTranslation()
  const current = stageIndex(page)
  return (
    <ol className="setup-stages" aria-label={t('stages.label')}>
      {indicatorStages.map((stage, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'next'
        return (
          <li key={stage} className={`setup-stages__item setup-stages__item--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="setup-stages__number" aria-hidden="true">
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span className="setup-stages__label">{t(`stages.${stage}`)}</span>
          </li>
        )
      })}
    </ol>
  )
}
