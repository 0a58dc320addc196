import type { DoctorCheckState, DoctorFinding, DoctorFix } from '../../../contract/calls/urlDoctor'
import { doctorText, type DoctorCode } from '../../../contract/words/urlDoctor'
import type { Read } from './doctorFacts'

/** One check's verdict so far. */
export interface Judged {
  state: DoctorCheckState
  findings: DoctorFinding[]
}

export const waiting: Judged = { state: 'waiting', findings: [] }

export function finding(severity: DoctorFinding['severity'], code: DoctorCode, params: Record<string, string | number> = {}, fix: DoctorFix | null = null): DoctorFinding {
  return { ...doctorText(code, params), severity, fix }
}

export const words = (code: DoctorCode, params: Record<string, string | number> = {}): DoctorFix => ({ kind: 'words', text: doctorText(code, params) })

/** fail with any cause, warn with any warning, else pass. */
export function judged(findings: DoctorFinding[]): Judged {
  const state = findings.some((f) => f.severity === 'cause') ? 'fail' : findings.some((f) => f.severity === 'warning') ? 'warn' : 'pass'
  return { state, findings }
}

/** A setting that could not be read: "not checked: needs …", never a pass. Null when it was read. */
export function unread(read: Read<unknown>, unsupported: DoctorCode): Judged | null {
  switch (read.state) {
    case 'ok':
      return null
    case 'denied':
      return { state: 'not-checked', findings: [finding('info', 'not-checked.permission', { permission: read.permission })] }
    case 'unsupported':
      return { state: 'skipped', findings: [finding('info', unsupported)] }
    case 'failed':
      return { state: 'not-checked', findings: [finding('info', 'not-checked.failed', { reason: read.reason })] }
  }
}
