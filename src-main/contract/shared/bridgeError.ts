/** Errors cross the bridge as data, in words a user can act on. */
export interface BridgeError {
  /** Stable, machine-readable; the renderer translates by it. */
  code: string
  /** English fallback sentence. */
  message: string
  /** What to do about it. */
  hint: string
  /** Values the translated message may interpolate. */
  params?: Record<string, string | number>
}

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError }
