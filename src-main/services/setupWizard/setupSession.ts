import type { CreatedResource, SetupPlan, SetupState, SetupStep, SetupStepId } from '../../contract/bridge'
import type { ProfileConnection } from '../aws/profileConnection'

export const stepOrder: SetupStepId[] = ['user', 'userPolicy', 'accessKey', 'bucket', 'publicRead', 'propagation', 'verify']

/**
 * One wizard run, held in main-process memory only
 *
 * The admin's keys and the new user's secret live here and nowhere else; `publicState`
 * is what crosses the bridge, and it has neither. Closing the session drops both.
 */
export interface SetupSession {
  id: string
  admin: ProfileConnection | null
  accountId: string
  plan: SetupPlan | null
  newKey: { accessKeyId: string; secretAccessKey: string } | null
  /** Existing keys when the user has 2, by opaque ref. */
  keyRefs: Map<string, string>
  verifiedKey: string | null
  /** A key an interrupted run created; its secret died with that process. */
  orphanKeyId: string | null
  /** This session writes the journal: it adopted the pending setup, or there was none. */
  journaled: boolean
  state: SetupState
}

export function newSetupState(sessionId: string): SetupState {
  return {
    sessionId,
    status: 'ready',
    steps: stepOrder.map((id): SetupStep => ({ id, status: 'pending', detail: null, error: null })),
    created: [],
    existingKeys: null,
    bucketPolicyJson: null,
    verified: null,
    bucketSuggestions: [],
    rollback: null,
  }
}

export function recordCreated(session: SetupSession, resource: CreatedResource) {
  const same = (r: CreatedResource) => JSON.stringify(r) === JSON.stringify(resource)
  if (!session.state.created.some(same)) session.state.created.push(resource)
}

export function setStep(session: SetupSession, id: SetupStepId, patch: Partial<Omit<SetupStep, 'id'>>) {
  session.state.steps = session.state.steps.map((step) => (step.id === id ? { ...step, ...patch } : step))
}

/** A deep copy, so later mutation of the session can't change what was already sent. */
export const publicState = (session: SetupSession): SetupState => structuredClone(session.state)
