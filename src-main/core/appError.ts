import type { BridgeError } from '../contract/bridge'

/**
 * An error a user can act on
 *
 * Services throw this with a stable code, a sentence and a remedy. Anything else that
 * escapes a service is a bug: the router logs it and sends a generic message, never a
 * stack or a credential.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message)
    this.name = 'AppError'
  }

  toBridge(): BridgeError {
    return {
      code: this.code,
      message: this.message,
      hint: this.hint,
      ...(this.params ? { params: this.params } : {}),
    }
  }
}

export const unexpectedError = (): BridgeError => ({
  code: 'unexpected',
  message: 'Something went wrong inside Cubeta.',
  hint: 'Try again. If it keeps happening, restart Cubeta and report the steps that led here.',
})
