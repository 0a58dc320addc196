import type { DoctorFacts } from './doctorFacts'
import { hostOf } from './judgeRequest'
import { finding, judged, waiting, words, type Judged } from './verdicts'

const plainEtag = (etag: string | null | undefined) => (etag ?? '').replace(/^W\//, '').replace(/"/g, '').toLowerCase()

/**
 * The custom base URL (a CDN or your own domain) against the bucket's own URL
 *
 * Its host may not answer at all, answer for another bucket (an S3 error naming it, or
 * other bytes: another ETag), or refuse what the bucket itself serves (the CDN's origin
 * points elsewhere). Asked the same way as the bucket's URL, so the two can be compared.
 */
export function judgeBaseUrl(facts: DoctorFacts): Judged {
  const { question } = facts
  if (question.form !== 'custom-base') return { state: 'skipped', findings: [finding('info', 'base.not-used')] }
  const answer = facts.request
  if (!answer) return waiting
  const host = hostOf(answer.url)
  if (answer.status === null) return judged([finding('cause', 'base.unreachable', { host, reason: answer.failure ?? 'no answer' }, words('fix.base-unreachable'))])
  // A redirect (S3's wrong-region 301) is the request check's to explain.
  if (answer.status >= 300 && answer.status < 400) return { state: 'skipped', findings: [] }
  const direct = facts.direct
  if (!direct) return waiting
  const origin = hostOf(direct.url)
  const head = facts.head?.state === 'ok' ? facts.head.value : null
  const expected = head?.etag ?? (direct.status !== null && direct.status < 300 ? direct.etag : null)
  if (answer.status < 300) {
    if (expected && answer.etag && plainEtag(expected) !== plainEtag(answer.etag)) {
      return judged([finding('cause', 'base.other-object', { host, served: plainEtag(answer.etag), expected: plainEtag(expected) }, words('fix.base-origin', { origin }))])
    }
    return judged([finding('info', 'base.ok', { host })])
  }
  if (answer.errorBucket && answer.errorBucket !== question.bucket) {
    return judged([finding('cause', 'base.other-bucket', { host, other: answer.errorBucket, bucket: question.bucket }, words('fix.base-origin', { origin }))])
  }
  if (direct.status !== null && direct.status < 300) return judged([finding('cause', 'base.not-serving', { host, status: answer.status }, words('fix.base-origin', { origin }))])
  return { state: 'skipped', findings: [finding('info', 'base.bucket-refuses')] }
}
