import { create } from 'zustand'
import type { BridgeError, PendingSetup, ProfileView, SetupFinish, SetupStart, SetupState } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import {
  adminProblems,
  emptyAdminAnswers,
  emptyPlanAnswers,
  toSetupAdmin,
  toSetupPlan,
  type AdminAnswers,
  type PlanAnswers,
  type WizardPage,
} from './planValidation'

type Busy = 'start' | 'run' | 'rollback' | 'finish' | 'close' | null

interface SetupWizardState {
  page: WizardPage
  admin: AdminAnswers
  plan: PlanAnswers
  /** Saved profiles that can act as admin: AWS ones only (setup refuses custom endpoints). */
  profiles: ProfileView[]
  start: SetupStart | null
  /** The run as the main process last described it (call results and `setup/progress`). */
  progress: SetupState | null
  finish: SetupFinish | null
  busy: Busy
  /** The last failed call; a failed step's error lives in `progress.steps`. */
  error: BridgeError | null
  /** Set after a check with pasted keys, whose secret was then cleared from memory. */
  secretCleared: boolean
  /** Set when "Set up" found a problem on an earlier page, so that page shows it at once. */
  revealProblems: boolean
  /** A setup a previous run left half-done (kept across reset: it is on disk, not in this wizard). */
  pending: PendingSetup | null
  loadPending(): Promise<void>
  reset(): void
  loadProfiles(): Promise<void>
  setAdmin(patch: Partial<AdminAnswers>): void
  setPlan(patch: Partial<PlanAnswers>): void
  goTo(page: WizardPage, options?: { revealProblems?: boolean }): void
  /** `setup/start` (again, for "Check again"): closes any previous, unused session first. */
  startSession(): Promise<void>
  /** Drops a checked session that has not run yet, to use other admin keys. */
  forgetAdmin(): Promise<void>
  run(deleteAccessKeyRef?: string | null): Promise<void>
  rollback(): Promise<SetupState | null>
  finishSetup(profileName: string): Promise<void>
  /** The real .env lines: returned to the caller, never kept in the store. */
  revealEnv(): Promise<string>
  /** Ends the session in the main process (forgetting the admin keys) and empties the store. */
  close(): Promise<void>
}

const initial = () => ({
  page: 'admin' as WizardPage,
  admin: emptyAdminAnswers(),
  plan: emptyPlanAnswers(),
  profiles: [] as ProfileView[],
  start: null,
  progress: null,
  finish: null,
  busy: null as Busy,
  error: null,
  secretCleared: false,
  revealProblems: false,
})

export const useSetupWizardStore = create<SetupWizardState>()((set, get) => {
  let unsubscribe: (() => void) | null = null
  const stopFollowing = () => {
    unsubscribe?.()
    unsubscribe = null
  }
  /**
   * Progress events matter only while a run or rollback is in flight: their call's own
   * result is the final word, and an event that arrives after it would only be older.
   */
  const follow = () => {
    stopFollowing()
    unsubscribe = bridge.on('setup/progress', (state) => {
      const { start, busy } = get()
      if (state.sessionId === start?.sessionId && (busy === 'run' || busy === 'rollback')) set({ progress: state })
    })
  }
  /** Bumped whenever the wizard is emptied, so a `setup/start` answering late is closed, not adopted. */
  let generation = 0
  /** Results that arrive after the wizard moved on to another session are dropped. */
  const current = (sessionId: string) => get().start?.sessionId === sessionId
  /** The half-done setup becomes this session's run, stopped where it was: Try again or Roll back. */
  const adopt = async (sessionId: string, mine: number) => {
    const { state, plan } = unwrap(await bridge['setup/adoptPending']({ sessionId }))
    if (mine !== generation) return
    const { deleteAccessKeyRef: _unused, ...answers } = plan
    set({ plan: answers, progress: state, page: 'progress' })
  }
  const closeQuietly = async (sessionId: string) => {
    await bridge['setup/close']({ sessionId }).catch(() => undefined)
  }

  return {
    ...initial(),

    pending: null,
    async loadPending() {
      const result = await bridge['setup/pending']({})
      if (result.ok) set({ pending: result.value.pending })
    },

    reset() {
      generation += 1
      stopFollowing()
      set(initial())
    },

    async loadProfiles() {
      const result = await bridge['profiles/list']({})
      if (result.ok) set({ profiles: result.value.filter((p) => p.endpoint === null) })
    },

    setAdmin(patch) {
      set((s) => ({ admin: { ...s.admin, ...patch }, ...('secretAccessKey' in patch ? { secretCleared: false } : {}) }))
    },

    setPlan(patch) {
      set((s) => ({ plan: { ...s.plan, ...patch } }))
    },

    goTo(page, options) {
      set({ page, error: null, revealProblems: options?.revealProblems ?? false })
    },

    async startSession() {
      const { admin, start, busy } = get()
      if (busy || Object.keys(adminProblems(admin)).length > 0) return
      set({ busy: 'start', error: null })
      if (start) {
        stopFollowing()
        await closeQuietly(start.sessionId)
        set({ start: null, progress: null })
      }
      const mine = generation
      try {
        const started = unwrap(await bridge['setup/start']({ admin: toSetupAdmin(admin) }))
        if (mine !== generation) return void closeQuietly(started.sessionId)
        // The keys now live in the main process only; a second check reuses the saved profile.
        const saved = admin.source === 'keys' && admin.saveAsProfile ? await savedProfileNamed(admin.saveName.trim()) : null
        const nextAdmin: AdminAnswers = saved
          ? { ...emptyAdminAnswers(), source: 'profile', profileId: saved.id }
          : { ...admin, secretAccessKey: '' }
        set({
          start: started,
          admin: nextAdmin,
          secretCleared: admin.source === 'keys' && !saved,
          busy: null,
          page: started.missingPermissions.length === 0 ? 'user' : 'admin',
        })
        follow()
        if (saved) void get().loadProfiles()
        if (started.pendingInAccount && started.missingPermissions.length === 0) await adopt(started.sessionId, mine)
      } catch (caught) {
        if (mine === generation) set({ busy: null, error: asBridgeError(caught) })
      }
    },

    async forgetAdmin() {
      const { start, progress } = get()
      if (!start || (progress && progress.status !== 'ready')) return
      stopFollowing()
      set({ start: null, progress: null, secretCleared: false, error: null })
      await closeQuietly(start.sessionId)
    },

    async run(deleteAccessKeyRef = null) {
      const { start, plan, busy } = get()
      if (!start || busy) return
      set({ busy: 'run', error: null, page: 'progress' })
      try {
        const state = unwrap(await bridge['setup/run']({ sessionId: start.sessionId, plan: toSetupPlan(plan, deleteAccessKeyRef) }))
        if (!current(start.sessionId)) return
        set({ progress: state, busy: null, page: state.status === 'verified' ? 'verified' : 'progress' })
      } catch (caught) {
        if (current(start.sessionId)) set({ busy: null, error: asBridgeError(caught) })
      }
    },

    async rollback() {
      const { start, busy } = get()
      if (!start || busy) return null
      set({ busy: 'rollback', error: null })
      try {
        const state = unwrap(await bridge['setup/rollback']({ sessionId: start.sessionId }))
        void get().loadPending()
        if (current(start.sessionId)) set({ progress: state, busy: null, page: 'progress' })
        return state
      } catch (caught) {
        if (current(start.sessionId)) set({ busy: null, error: asBridgeError(caught) })
        return null
      }
    },

    async finishSetup(profileName) {
      const { start, busy } = get()
      if (!start || busy) return
      set({ busy: 'finish', error: null })
      try {
        const finish = unwrap(await bridge['setup/finish']({ sessionId: start.sessionId, profileName: profileName.trim() }))
        void get().loadPending()
        if (current(start.sessionId)) set({ finish, busy: null, page: 'export' })
      } catch (caught) {
        if (current(start.sessionId)) set({ busy: null, error: asBridgeError(caught) })
      }
    },

    async revealEnv() {
      const start = get().start
      if (!start) throw new Error('No setup session')
      return unwrap(await bridge['setup/revealEnv']({ sessionId: start.sessionId })).env
    },

    async close() {
      const start = get().start
      generation += 1
      stopFollowing()
      set({ busy: 'close' })
      if (start) await closeQuietly(start.sessionId)
      set(initial())
    },
  }
})

/** The profile `setup/start` just saved, found by its (unique) name. */
async function savedProfileNamed(name: string): Promise<ProfileView | null> {
  const result = await bridge['profiles/list']({})
  return result.ok ? (result.value.find((p) => p.name === name) ?? null) : null
}
