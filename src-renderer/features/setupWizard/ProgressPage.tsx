import { FailurePanel } from './FailurePanel'
import { KeyChoice } from './KeyChoice'
import { PageFrame } from './PageFrame'
import { RollbackResult } from './RollbackResult'
import { SetupErrorAlert } from './SetupErrorAlert'
import { StepList } from './StepList'
import { useSetupWizardStore } from './setupWizardStore'
import { doneCount, failedStep, runSteps } from './stepLabels'
import { useSetupTranslation } from './useSetupTranslation'

/** Page 5: the run, step by step, and what to do when it pauses or stops. */
export function ProgressPage({ onCancel }: { onCancel: () => void }) {
  const { t } = useSetupTranslation()
  const store = useSetupWizardStore()
  const { progress, busy, error } = store
  const steps = progress?.steps ?? []
  const status = progress?.status ?? 'running'
  const failed = status === 'failed' ? failedStep(steps) : null
  const stopped = busy === null && (status === 'failed' || status === 'rolled-back' || error !== null)
  const heading =
    status === 'failed'
      ? t('run.headingFailed')
      : status === 'needs-key-choice'
        ? t('run.headingKeyChoice')
        : status === 'rolled-back'
          ? t('run.headingRolledBack')
          : t('run.heading')
  const canRollBack = (progress?.created.length ?? 0) > 0 && status !== 'running'
  const useBucket = (bucket: string) => {
    store.setPlan({ bucket })
    store.goTo('bucket')
  }
  const useRegion = (region: string) => {
    store.setPlan({ region })
    store.goTo('bucket')
  }

  return (
    <PageFrame
      heading={heading}
      onCancel={onCancel}
      status={busy === 'rollback' ? t('cancel.rollingBack') : busy === 'run' ? t('run.progress', { done: doneCount(steps), total: runSteps.length }) : ''}
      actions={
        stopped && (
          <>
            <button type="button" className="button" onClick={() => store.goTo('user')}>
              {t('run.changeAnswers')}
            </button>
            {canRollBack && (
              <button type="button" className="button button--danger-quiet" onClick={() => void store.rollback()}>
                {t('run.rollBack')}
              </button>
            )}
            <button type="button" className="button button--primary" onClick={() => void store.run()}>
              {t('run.tryAgain')}
            </button>
          </>
        )
      }
    >
      {status !== 'rolled-back' && <StepList steps={steps} paused={status === 'needs-key-choice'} />}
      {status === 'needs-key-choice' && progress?.existingKeys && (
        <KeyChoice keys={progress.existingKeys} busy={busy !== null} onConfirm={(ref) => void store.run(ref)} />
      )}
      {failed && progress && <FailurePanel step={failed} progress={progress} onUseBucket={useBucket} onUseRegion={useRegion} />}
      {status === 'rolled-back' && progress?.rollback && <RollbackResult rollback={progress.rollback} />}
      {error && <SetupErrorAlert error={error} />}
    </PageFrame>
  )
}
