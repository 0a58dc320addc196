import type { SetupStep, SetupStepId, SetupStepStatus } from '../../../src-main/contract/bridge'
import type { WizardPage } from './planValidation'

/** The seven steps of a run, in the order the main side runs them. */
export const runSteps: readonly SetupStepId[] = ['user', 'userPolicy', 'accessKey', 'bucket', 'publicRead', 'propagation', 'verify']

/** Catalog keys (namespace "setup") for a step's human label and a status's words. */
export const stepLabelKey = (id: SetupStepId): string => `run.steps.${id}`
export const stepStatusKey = (status: SetupStepStatus): string => `run.status.${status}`

/** The steps in run order, whatever order they arrived in; a missing one counts as pending. */
export function orderedSteps(steps: SetupStep[]): SetupStep[] {
  return runSteps.map((id) => steps.find((s) => s.id === id) ?? { id, status: 'pending', detail: null, error: null })
}

export const failedStep = (steps: SetupStep[]): SetupStep | null => orderedSteps(steps).find((s) => s.status === 'failed') ?? null

export const doneCount = (steps: SetupStep[]): number => steps.filter((s) => s.status === 'done').length

/** The wizard's six stages for the step indicator; the run and its result share the last two. */
export const indicatorStages = ['admin', 'user', 'bucket', 'publicRead', 'run', 'finish'] as const
export type IndicatorStage = (typeof indicatorStages)[number]

export function stageOf(page: WizardPage): IndicatorStage {
  switch (page) {
    case 'progress':
      return 'run'
    case 'verified':
    case 'export':
      return 'finish'
    default:
      return page
  }
}

export const stageIndex = (page: WizardPage): number => indicatorStages.indexOf(stageOf(page))
