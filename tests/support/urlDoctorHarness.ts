import type { DoctorCheckId, DoctorQuestion, DoctorReport } from '../../src-main/contract/calls/urlDoctor'
import type { makeBackend } from './backendHarness'

type Harness = Awaited<ReturnType<typeof makeBackend>>
let runs = 0

/**
 * The URL doctor driven through the bridge, as the window drives it: `urlDoctor/run`
 * with the progress events it sends, and `urlDoctor/applyFix`, which runs it again.
 */
export function doctorOf(h: Harness, profileId: string, bucket: string) {
  const progress: DoctorReport[] = []
  h.backend.events.subscribe((event, payload) => {
    if (event === 'urlDoctor/progress') progress.push(payload as DoctorReport)
  })
  const nextRun = () => `run-${++runs}`
  return {
    progress,
    async diagnose(key: string, options: Partial<Pick<DoctorQuestion, 'form' | 'origin' | 'usage'>> = {}): Promise<DoctorReport> {
      return h.ok('urlDoctor/run', { runId: nextRun(), profileId, bucket, key, form: options.form ?? 'public', origin: options.origin ?? null, usage: options.usage ?? 'page' })
    },
    async apply(report: DoctorReport, fixId: string): Promise<DoctorReport> {
      return h.ok('urlDoctor/applyFix', { runId: report.runId, fixId, nextRunId: nextRun() })
    },
  }
}

/** Every cause the report names, in check order, by code. */
export const causes = (report: DoctorReport) => report.checks.flatMap((c) => c.findings.filter((f) => f.severity === 'cause').map((f) => f.code))
export const findingsOf = (report: DoctorReport, id: DoctorCheckId) => report.checks.find((c) => c.id === id)!.findings
export const stateOf = (report: DoctorReport, id: DoctorCheckId) => report.checks.find((c) => c.id === id)!.state
/** The fix the report offers for its first cause. */
export const firstFix = (report: DoctorReport) => report.checks.flatMap((c) => c.findings).find((f) => f.severity === 'cause')?.fix ?? null

/** A whole anonymous GET, as a browser opening the URL: status, bytes and headers. */
export async function fetchAnonymously(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers, redirect: 'manual' })
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers }
}
