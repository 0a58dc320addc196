import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * When a field's problem shows: as soon as the user has typed in it, or after they tried
 * to go on. An untouched empty field is not scolded before the user had a chance.
 */
export function useFieldProblems(revealAll = false) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set())
  const [attempts, setAttempts] = useState(revealAll ? 1 : 0)
  const containerRef = useRef<HTMLFormElement>(null)

  // After a refused Next, take the user to the first field that needs them.
  useEffect(() => {
    if (attempts > 0) containerRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [attempts])

  const touch = useCallback((field: string) => setTouched((current) => (current.has(field) ? current : new Set(current).add(field))), [])
  const attempt = useCallback(() => setAttempts((n) => n + 1), [])
  /** Back to "nothing shown yet", e.g. after a check emptied the secret on purpose. */
  const reset = useCallback(() => {
    setTouched(new Set())
    setAttempts(0)
  }, [])

  return {
    containerRef,
    touch,
    attempt,
    reset,
    shown: <T>(field: string, problem: T | undefined): T | undefined => (attempts > 0 || touched.has(field) ? problem : undefined),
  }
}
