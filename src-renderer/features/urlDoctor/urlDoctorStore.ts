import { create } from 'zustand'
import type { BridgeError, DoctorQuestion, DoctorReport } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'

/**
 * One doctor dialog's state: the question, the report as it lands, the fix on show
 *
 * Progress events are matched by run id, so a late event of an earlier run (the user
 * pressed Check again) never overwrites the current one.
 */
export interface UrlDoctorState {
  question: DoctorQuestion | null
  runId: string | null
  report: DoctorReport | null
  busy: 'running' | 'applying' | null
  error: BridgeError | null
  /** The fix whose exact changes are on show, waiting for "Apply". */
  preview: string | null
  /** Set after a fix: the report below is the check run again. */
  applied: boolean
  run(question: DoctorQuestion): Promise<void>
  showFix(fixId: string | null): void
  applyFix(fixId: string): Promise<void>
  reset(): void
}

const newRunId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `run-${Date.now()}-${Math.random().toString(36).slice(2)}`)
const idle = { question: null, runId: null, report: null, busy: null, error: null, preview: null, applied: false } as const

export const useUrlDoctorStore = create<UrlDoctorState>()((set, get) => {
  let stopListening: (() => void) | null = null
  const listen = () => {
    stopListening ??= bridge.on('urlDoctor/progress', (report) => {
      if (report.runId === get().runId) set({ report })
    })
  }
  const finish = (runId: string, work: Promise<DoctorReport>, extra: Partial<UrlDoctorState> = {}) =>
    work.then(
      (report) => {
        if (get().runId === runId) set({ report, busy: null, ...extra })
      },
      (caught: unknown) => {
        if (get().runId === runId) set({ error: asBridgeError(caught), busy: null })
      },
    )

  return {
    ...idle,
    async run(question) {
      listen()
      const runId = newRunId()
      set({ question, runId, report: null, busy: 'running', error: null, preview: null, applied: false })
      await finish(runId, bridge['urlDoctor/run']({ ...question, runId }).then(unwrap))
    },
    showFix(preview) {
      set({ preview, error: null })
    },
    async applyFix(fixId) {
      const { runId, question } = get()
      if (!runId || !question) return
      const nextRunId = newRunId()
      set({ busy: 'applying', error: null })
      const work = bridge['urlDoctor/applyFix']({ runId, fixId, nextRunId }).then(unwrap)
      // The re-run's progress belongs to the new id from the moment it starts.
      set({ runId: nextRunId })
      await finish(nextRunId, work, { preview: null, applied: true })
      // A refused fix (changed bucket) leaves the shown report and its id in place.
      if (get().error && get().runId === nextRunId) set({ runId })
    },
    reset() {
      stopListening?.()
      stopListening = null
      set(idle)
    },
  }
})
