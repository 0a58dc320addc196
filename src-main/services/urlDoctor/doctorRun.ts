import { unreachableSegment } from '../../contract/rules/publicUrl'
import type { DoctorCheckId, DoctorQuestion, DoctorReport } from '../../contract/calls/urlDoctor'
import type { AwsClientFactory } from '../aws/awsClients'
import type { BucketScope } from '../objects/bucketScope'
import { objectErrors } from '../objects/objectErrors'
import { anonymousUrl } from '../objects/urlBuilder'
import type { DoctorFacts } from './rules/doctorFacts'
import { firstFileUnder, keysNear } from './io/keyLookups'
import { readAccountBlock, readBucketBlock, readCors, readHead, readOwnership, readPolicy, readPublicAcl, readRequestPayment } from './io/settingReads'
import { askAsVisitor } from '../objects/visitorRequest'
import type { PlanBook } from './rules/fixPlans'
import { judgeAll } from './rules/judgeReport'

export interface DoctorRunDeps {
  clients: AwsClientFactory
  fetch: typeof fetch
  /** Every intermediate report, as each check lands. */
  onProgress: (report: DoctorReport) => void
}

/**
 * One run of the doctor: each check's facts fetched in order, the whole report judged
 * again and sent after each one, so verdicts show as they land. The facts of one check
 * never wait for a slow later one, and a failing read is a verdict, not a crash.
 */
export async function runDoctor(scope: BucketScope, question: DoctorQuestion, runId: string, deps: DoctorRunDeps): Promise<{ report: DoctorReport; plans: PlanBook }> {
  const endpoint = scope.connection.endpoint ?? deps.clients.publicEndpoint
  const urlFor = (key: string, form: DoctorQuestion['form']) => anonymousUrl(scope, endpoint, key, form)
  if (question.form === 'custom-base' && !scope.connection.publicBaseUrl) throw objectErrors.noBaseUrl()
  const checkedKey = question.key.endsWith('/') ? await firstFileUnder(scope, question.key) : question.key
  const facts: DoctorFacts = {
    question,
    bucketRegion: scope.region,
    isAws: scope.connection.endpoint === null,
    checkedKey,
    url: checkedKey === null ? null : urlFor(checkedKey, question.form),
  }
  const publish = (running: DoctorCheckId | null, finished: boolean) => {
    const judged = judgeAll(facts, finished)
    const report: DoctorReport = {
      runId,
      question,
      checkedKey,
      url: facts.url,
      checks: judged.checks.map((check) => (check.id === running ? { ...check, state: 'running' } : check)),
      finished,
      conclusion: judged.conclusion,
    }
    deps.onProgress(report)
    return { report, plans: judged.plans }
  }
  const final = () => publish(null, true)
  // No URL can reach this key (or the folder is empty): nothing to ask anyone.
  if (checkedKey === null || unreachableSegment(checkedKey) !== null) return final()

  const key = checkedKey
  const usesCors = question.usage !== 'page' && question.origin !== null
  const steps: [DoctorCheckId, () => Promise<void>][] = [
    ['request', async () => { facts.request = await askAsVisitor(facts.url!, deps.fetch, { origin: question.origin, cors: usesCors }) }],
    ['account-block', async () => { if (facts.isAws) facts.accountBlock = await readAccountBlock(scope, deps.clients) }],
    ['bucket-block', async () => { facts.bucketBlock = await readBucketBlock(scope) }],
    ['policy', async () => { facts.policy = await readPolicy(scope) }],
    ['ownership', async () => {
      facts.ownership = await readOwnership(scope)
      if (!(facts.ownership.state === 'ok' && facts.ownership.value === 'BucketOwnerEnforced')) facts.acl = await readPublicAcl(scope, key)
    }],
    ['object', async () => {
      facts.head = await readHead(scope, key)
      if (facts.head.state === 'ok' && facts.head.value === null) facts.nearKeys = await keysNear(scope, key)
    }],
    ['cors', async () => { if (usesCors) facts.cors = await readCors(scope) }],
    ['requester-pays', async () => { facts.requestPayment = await readRequestPayment(scope) }],
    ['base-url', async () => {
      if (question.form === 'custom-base') facts.direct = await askAsVisitor(urlFor(key, 'public'), deps.fetch, { origin: question.origin, cors: usesCors })
    }],
  ]
  for (const [id, step] of steps) {
    publish(id, false)
    await step()
  }
  return final()
}
