import type { SetupStepStatus } from '../../../src-main/contract/bridge'

const base = { width: 18, height: 18, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, 'aria-hidden': true, focusable: false } as const

/** Decorative: the status is also written out next to it. */
export function StepStatusIcon({ status, paused = false }: { status: SetupStepStatus; paused?: boolean }) {
  // Paused for the user's answer: nothing is happening, so nothing spins.
  if (paused && status === 'waiting') {
    return (
      <svg {...base} className="setup-run__icon setup-run__icon--paused" strokeLinecap="round">
        <circle cx="8" cy="8" r="6.25" />
        <path d="M6.5 5.75v4.5M9.5 5.75v4.5" />
      </svg>
    )
  }
  if (status === 'running' || status === 'waiting') return <span className="spinner setup-run__spinner" aria-hidden="true" />
  return (
    <svg {...base} className={`setup-run__icon setup-run__icon--${status}`} strokeLinecap="round" strokeLinejoin="round">
      <circle cx="8" cy="8" r="6.25" />
      {status === 'done' && <path d="m5.25 8.25 1.9 1.9 3.6-3.9" />}
      {status === 'failed' && <path d="m5.75 5.75 4.5 4.5M10.25 5.75l-4.5 4.5" />}
    </svg>
  )
}
