import type { DoctorQuestion, DoctorReport } from '../../contract/calls/urlDoctor'
import { AppError } from '../../core/appError'
import type { EventHub } from '../../core/eventHub'
import type { AwsClientFactory } from '../aws/awsClients'
import type { ScopeFor } from '../objects/bucketScope'
import type { CopyOptions } from '../objects/copyObject'
import { runDoctor } from './doctorRun'
import { applyPlan } from './io/applyFix'
import type { PlanBook } from './rules/fixPlans'

/** Enough for a few dialogs and their re-runs; older fixes must be looked at again. */
const keptRuns = 20

/**
 * The URL doctor: runs, and the fixes each run offered
 *
 * A fix is applied only by the run that showed it (its plan stays here, in the main
 * process, never trusted from the window), and the doctor then runs again, so the user
 * sees at once whether the URL works now.
 */
export function createUrlDoctor(deps: { scopeFor: ScopeFor; clients: AwsClientFactory; events: EventHub; fetch?: typeof fetch; copy?: CopyOptions }) {
  const fetchImpl = deps.fetch ?? globalThis.fetch
  const runs = new Map<string, { question: DoctorQuestion; plans: PlanBook }>()

  async function run(question: DoctorQuestion, runId: string): Promise<DoctorReport> {
    if (runs.has(runId)) throw new AppError('doctor-run-exists', 'That doctor run has already started.', 'Start a new run.')
    const scope = await deps.scopeFor(question.profileId, question.bucket)
    const { report, plans } = await runDoctor(scope, question, runId, {
      clients: deps.clients,
      fetch: fetchImpl,
      onProgress: (progress) => deps.events.emit('urlDoctor/progress', progress),
    })
    runs.set(runId, { question, plans })
    while (runs.size > keptRuns) runs.delete(runs.keys().next().value!)
    return report
  }

  return {
    run,
    async applyFix(runId: string, fixId: string, nextRunId: string): Promise<DoctorReport> {
      const kept = runs.get(runId)
      const plan = kept?.plans.get(fixId)
      if (!kept || !plan) {
        throw new AppError('doctor-fix-gone', 'Cubeta no longer has that fix ready.', 'Run the doctor again, then apply the fix it shows.')
      }
      const scope = await deps.scopeFor(kept.question.profileId, kept.question.bucket)
      await applyPlan(scope, plan, deps.copy)
      // Applied once: a second click must not apply a stale plan again.
      kept.plans.delete(fixId)
      return run(kept.question, nextRunId)
    },
  }
}

export type UrlDoctor = ReturnType<typeof createUrlDoctor>
