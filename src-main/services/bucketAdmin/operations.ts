import { AppError } from '../../core/appError'

/**
 * Long operations the user can stop: counting a bucket, emptying it
 *
 * Each runs under the operation id the window chose (the same id its progress events
 * carry), so `operations/cancel` can reach it. Stopping is cooperative: the work checks
 * the signal between requests, so the request in flight finishes and is counted.
 */
export interface Operations {
  start(operationId: string): AbortSignal
  cancel(operationId: string): boolean
  finish(operationId: string): void
}

export function createOperations(): Operations {
  const running = new Map<string, AbortController>()
  return {
    start(operationId) {
      if (running.has(operationId)) throw new AppError('operation-running', 'That operation is already running.', 'Wait for it to finish, or stop it first.')
      const controller = new AbortController()
      running.set(operationId, controller)
      return controller.signal
    },
    cancel(operationId) {
      const controller = running.get(operationId)
      if (!controller) return false
      controller.abort(new AppError('cancelled', 'Stopped.', 'Start it again when you are ready.'))
      return true
    },
    finish(operationId) {
      running.delete(operationId)
    },
  }
}
