import type { DoctorCheckState } from '../../../src-main/contract/bridge'

const base = { width: 18, height: 18, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, 'aria-hidden': true, focusable: false } as const

/** Decorative: each check's state is also written out beside it. */
export function CheckStateIcon({ state }: { state: DoctorCheckState }) {
  if (state === 'running') return <span className="spinner doctor-check__spinner" aria-hidden="true" />
  return (
    <svg {...base} className={`doctor-check__icon doctor-check__icon--${state}`} strokeLinecap="round" strokeLinejoin="round">
      <circle cx="8" cy="8" r="6.25" strokeDasharray={state === 'waiting' || state === 'skipped' ? '2 2' : undefined} />
      {state === 'pass' && <path d="m5.25 8.25 1.9 1.9 3.6-3.9" />}
      {state === 'fail' && <path d="m5.75 5.75 4.5 4.5M10.25 5.75l-4.5 4.5" />}
      {state === 'warn' && <path d="M8 4.75v4M8 11.25v.01" />}
      {state === 'not-checked' && <path d="M6.4 6.3a1.7 1.7 0 1 1 2.4 1.6c-.5.3-.8.6-.8 1.2M8 11.25v.01" />}
      {state === 'skipped' && <path d="M5.5 8h5" />}
    </svg>
  )
}
