import type { DoctorFinding } from '../../../contract/calls/urlDoctor'
import { doctorText } from '../../../contract/words/urlDoctor'
import type { DoctorFacts } from './doctorFacts'
import { contentTypeProblem, inlineDisposition, isAttachment } from './browserBehaviour'
import { headerFix, type PlanBook } from './fixPlans'
import { finding, judged, unread, waiting, words, type Judged } from './verdicts'

/**
 * The object itself, as the profile's key sees it (HeadObject)
 *
 * Missing: S3 tells a visitor who may not list the bucket 403, not 404, so say it
 * plainly and offer the nearest key that does exist. SSE-KMS: never readable
 * anonymously. A Content-Type or Content-Disposition that makes a browser download it.
 * Where HeadObject is not allowed, the anonymous answer's headers are judged instead.
 */
export function judgeObject(facts: DoctorFacts, plans: PlanBook): Judged {
  const read = facts.head
  if (!read) return waiting
  const key = facts.checkedKey ?? ''
  if (read.state !== 'ok') {
    const problem = unread(read, 'ownership.unsupported')!
    const answer = facts.request
    if (!answer || answer.status === null || answer.status >= 300) return problem
    const seen = headerFindings(facts, plans, key, answer.etag, answer.contentType, answer.contentDisposition)
    return seen.length > 0 ? { state: 'fail', findings: [...seen, ...problem.findings] } : problem
  }
  const head = read.value
  if (head === null) {
    const near = facts.nearKeys?.[0]
    const fix = near ? { kind: 'use-key' as const, key: near, text: doctorText('fix.use-key', { key: near }) } : words('fix.missing')
    return judged([finding('cause', 'object.missing', { key, bucket: facts.question.bucket }, fix)])
  }
  const findings: DoctorFinding[] = []
  if (head.encryption === 'aws:kms' || head.encryption === 'aws:kms:dsse') findings.push(finding('cause', 'object.kms', {}, words('fix.kms')))
  findings.push(...headerFindings(facts, plans, key, head.etag, head.contentType, head.contentDisposition))
  if (findings.length === 0) findings.push(finding('info', 'object.ok', { size: head.size, contentType: head.contentType ?? 'no Content-Type' }))
  return judged(findings)
}

function headerFindings(facts: DoctorFacts, plans: PlanBook, key: string, etag: string | null, contentType: string | null, disposition: string | null): DoctorFinding[] {
  const findings: DoctorFinding[] = []
  const typeProblem = contentTypeProblem(key, contentType)
  if (typeProblem) {
    const params = { actual: contentType ?? 'none', expected: typeProblem.expected }
    findings.push(finding('cause', typeProblem.kind === 'download' ? 'object.content-type' : 'object.text-type', params, headerFix(facts, plans, key, etag, 'ContentType', contentType, typeProblem.expected)))
  }
  if (disposition && isAttachment(disposition)) {
    findings.push(finding('cause', 'object.attachment', { disposition }, headerFix(facts, plans, key, etag, 'ContentDisposition', disposition, inlineDisposition(disposition))))
  }
  return findings
}
