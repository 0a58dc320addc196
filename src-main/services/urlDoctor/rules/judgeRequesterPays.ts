import type { DoctorFacts } from './doctorFacts'
import { requesterPaysFix, type PlanBook } from './fixPlans'
import { finding, judged, unread, waiting, type Judged } from './verdicts'

/** Requester Pays: S3 refuses every request that does not agree to pay, which a visitor never can. */
export function judgeRequesterPays(facts: DoctorFacts, plans: PlanBook): Judged {
  if (!facts.requestPayment) return waiting
  const problem = unread(facts.requestPayment, 'requester-pays.unsupported')
  if (problem) return problem
  const payer = facts.requestPayment.state === 'ok' ? facts.requestPayment.value : 'BucketOwner'
  return payer === 'Requester' ? judged([finding('cause', 'requester-pays.on', {}, requesterPaysFix(facts, plans))]) : judged([finding('info', 'requester-pays.off')])
}
