import type { Handlers } from '../../core/handlers'
import type { EventHub } from '../../core/eventHub'
import type { AwsClientFactory } from '../aws/awsClients'
import type { ScopeFor } from '../objects/bucketScope'
import { createUrlDoctor } from './doctorService'

/** The doctor's two bridge calls. */
export function createUrlDoctorHandlers(deps: { scopeFor: ScopeFor; clients: AwsClientFactory; events: EventHub; fetch?: typeof fetch }): Pick<Handlers, 'urlDoctor/run' | 'urlDoctor/applyFix'> {
  const doctor = createUrlDoctor(deps)
  return {
    'urlDoctor/run': ({ runId, ...question }) => doctor.run(question, runId),
    'urlDoctor/applyFix': ({ runId, fixId, nextRunId }) => doctor.applyFix(runId, fixId, nextRunId),
  }
}
