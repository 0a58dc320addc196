import { objectUrl, reachableName, unreachableSegment } from '../../../contract/rules/publicUrl'
import type { DoctorFinding } from '../../../contract/calls/urlDoctor'
import { doctorText } from '../../../contract/words/urlDoctor'
import type { DoctorFacts } from './doctorFacts'
import { browserAction, isAttachment } from './browserBehaviour'
import { finding, waiting, words, type Judged } from './verdicts'

const regionErrors = new Set(['PermanentRedirect', 'AuthorizationHeaderMalformed', 'IllegalLocationConstraintException'])

/**
 * The first step, "Is this public?": the anonymous request, as a visitor's browser sends it
 *
 * Its own causes are the ones only the answer shows: a key no URL can reach, a wrong
 * region (301 PermanentRedirect with the bucket's region), no answer at all. A 403 or
 * 404 is shown as seen; the checks after it say why.
 */
export function judgeRequest(facts: DoctorFacts): Judged {
  const { question } = facts
  const key = facts.checkedKey
  if (key === null) return { state: 'fail', findings: [finding('cause', 'request.folder-empty', { key: question.key })] }
  const segment = unreachableSegment(key)
  if (segment) {
    const suggestion = reachableName(key)
    return { state: 'fail', findings: [finding('cause', 'request.key-unreachable', { key, segment }, { kind: 'rename', key, suggestion, text: doctorText('fix.rename', { suggestion }) })] }
  }
  const answer = facts.request
  if (!answer) return waiting
  const findings: DoctorFinding[] = []
  if (question.key !== key) findings.push(finding('info', 'request.checked-first', { key }))
  if (question.origin) findings.push(finding('info', 'request.as-site', { origin: question.origin, referer: `${question.origin}/` }))
  const { status } = answer
  const host = hostOf(answer.url)

  if (status === null) {
    // Through a base URL, "nothing answered" is the base URL check's cause.
    findings.push(finding(question.form === 'custom-base' ? 'info' : 'cause', 'request.no-answer', { host, reason: answer.failure ?? 'no answer' }))
    return { state: 'fail', findings }
  }
  const regional = (region: string) => objectUrl({ bucket: question.bucket, key, region, endpoint: null }, question.form === 'path-style' ? 'path' : undefined)
  const trueRegion = answer.bucketRegion ?? answer.errorRegion
  if ((status === 301 || status === 400) && (regionErrors.has(answer.errorCode ?? '') || (trueRegion !== null && status === 301))) {
    const region = trueRegion ?? facts.bucketRegion
    findings.push(finding('cause', 'request.wrong-region', { region, status, errorCode: answer.errorCode ?? 'PermanentRedirect' }, words('fix.wrong-region', { region, url: regional(region) })))
    return { state: 'fail', findings }
  }
  if (status === 307) {
    findings.push(finding('warning', 'request.temporary-redirect', {}, words('fix.temporary-redirect', { url: regional(trueRegion ?? facts.bucketRegion) })))
    return { state: 'warn', findings }
  }
  if (status >= 300 && status < 400) {
    findings.push(finding('warning', 'request.redirect', { status, location: answer.location ?? '?' }))
    return { state: 'warn', findings }
  }
  if (status >= 400) {
    findings.push(answer.errorCode ? finding('info', 'request.refused', { status, errorCode: answer.errorCode }) : finding('info', 'request.refused-bare', { status }))
    return { state: 'fail', findings }
  }
  const action = browserAction(status, answer.contentType, answer.contentDisposition)
  const contentType = answer.contentType ?? 'no Content-Type'
  // Cubeta asks for one byte (206); a visitor asks for all of it and gets 200.
  const seen = status === 206 ? 200 : status
  if (action === 'show') findings.push(finding('info', 'request.shows', { status: seen, contentType }))
  else if (isAttachment(answer.contentDisposition)) findings.push(finding('info', 'request.downloads-attachment', { status: seen, disposition: answer.contentDisposition ?? '' }))
  else findings.push(finding('info', 'request.downloads', { status: seen, contentType }))
  return { state: action === 'show' ? 'pass' : 'warn', findings }
}

export function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url
}
