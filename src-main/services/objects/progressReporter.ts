import type { OperationProgress } from '../../contract/bridge'

/**
 * objects/progress events for one operation, at most every `intervalMs`
 *
 * A folder of 50,000 keys would otherwise send 50,000 events to the window. The first
 * report, a change of total and the finish always go out.
 */
export function createProgressReporter(
  emit: (progress: OperationProgress) => void,
  base: Pick<OperationProgress, 'operationId' | 'kind'>,
  options: { intervalMs?: number; now?: () => number } = {},
) {
  const intervalMs = options.intervalMs ?? 100
  const now = options.now ?? Date.now
  let lastAt = -Infinity
  let lastTotal: number | null | undefined
  let finished = false
  return {
    report(done: number, total: number | null, extra: Pick<OperationProgress, 'bytes'> = {}) {
      if (finished) return
      const t = now()
      if (total === lastTotal && t - lastAt < intervalMs) return
      lastAt = t
      lastTotal = total
      emit({ ...base, done, total, finished: false, ...extra })
    },
    finish(done: number, total: number | null, extra: Pick<OperationProgress, 'bytes'> = {}) {
      if (finished) return
      finished = true
      emit({ ...base, done, total, finished: true, ...extra })
    },
  }
}

export type ProgressReporter = ReturnType<typeof createProgressReporter>
