import type { SetupStep } from '../../../src-main/contract/bridge'
import { say } from './phraseText'
import { stepDetailPhrase } from './stepDetails'
import { orderedSteps, stepLabelKey, stepStatusKey } from './stepLabels'
import { StepStatusIcon } from './StepStatusIcon'
import { useSetupTranslation } from './useSetupTranslation'

/** The seven steps with their status and what each did; changes are announced politely. */
export function StepList({ steps, paused = false }: { steps: SetupStep[]; paused?: boolean }) {
  const { t } = useSetupTranslation()
  return (
    <ol className="setup-run" aria-live="polite" aria-label={t('run.stepsLabel')}>
      {orderedSteps(steps).map((step) => (
        <li key={step.id} className={`setup-run__step setup-run__step--${step.status}`}>
          <StepStatusIcon status={step.status} paused={paused} />
          <div className="setup-run__text">
            <span className="setup-run__label">{t(stepLabelKey(step.id))}</span>
            <span className="setup-run__status">{t(stepStatusKey(step.status))}</span>
            {step.detail && <span className="setup-run__detail">{say(t, stepDetailPhrase(step.detail), step.detail)}</span>}
          </div>
        </li>
      ))}
    </ol>
  )
}
