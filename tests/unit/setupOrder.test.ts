import { describe, expect, it } from 'vitest'
import type { S3Client } from '@aws-sdk/client-s3'
import { applyPublicRead, hasStatements } from '../../src-main/services/setupWizard/bucketSteps'
import { cubetaStatements } from '../../src-main/contract/rules/bucketPolicy'
import { newSetupState, type SetupSession } from '../../src-main/services/setupWizard/setupSession'
import { retryWithBackoff } from '../../src-main/core/async/retryWithBackoff'

/** A fake S3 that records the command names in order; moto doesn't enforce this order, real S3 does. */
function recordingS3(failFirstPolicy = 0) {
  const calls: string[] = []
  let policyFailures = failFirstPolicy
  const client = {
    async send(command: { constructor: { name: string } }) {
      const name = command.constructor.name.replace(/Command$/, '')
      calls.push(name)
      if (name === 'GetBucketPolicy') throw Object.assign(new Error('none'), { name: 'NoSuchBucketPolicy' })
      if (name === 'GetPublicAccessBlock') throw Object.assign(new Error('none'), { name: 'NoSuchPublicAccessBlockConfiguration' })
      if (name === 'PutBucketPolicy' && policyFailures-- > 0) throw Object.assign(new Error('Invalid principal in policy'), { name: 'MalformedPolicy' })
      if (name === 'GetBucketCors') throw Object.assign(new Error('none'), { name: 'NoSuchCORSConfiguration' })
      return {}
    },
  }
  return { calls, client: client as unknown as S3Client }
}

const session = (): SetupSession => ({
  id: 's',
  admin: null,
  accountId: '123456789012',
  plan: { userName: 'u', userMode: 'new', policy: 'least-privilege', bucket: 'blog', region: 'eu-west-1', cors: true, keepTestObject: false, deleteAccessKeyRef: null },
  newKey: null,
  keyRefs: new Map(),
  verifiedKey: null,
  orphanKeyId: null,
  journaled: false,
  state: newSetupState('s'),
})

describe('public read order', () => {
  it('relaxes Block Public Access before writing the bucket policy', async () => {
    const { calls, client } = recordingS3()
    await applyPublicRead(session(), client, 'arn:aws:iam::1:user/u', () => undefined)
    expect(calls.filter((c) => c.startsWith('Put'))).toEqual(['PutPublicAccessBlock', 'PutBucketPolicy', 'PutBucketCors'])
  })

  it('retries "Invalid principal" while IAM propagates the new user', async () => {
    const { calls, client } = recordingS3(2)
    const waits: string[] = []
    const s = session()
    await applyPublicRead(s, client, 'arn:aws:iam::1:user/u', (detail) => waits.push(detail))
    expect(calls.filter((c) => c === 'PutBucketPolicy')).toHaveLength(3)
    expect(waits).toHaveLength(2)
    expect(s.state.created.map((r) => r.kind)).toEqual(['public-access-block', 'bucket-policy', 'cors'])
  }, 15_000)
})

describe('retry with backoff', () => {
  it('doubles the delay up to the cap and gives up at the deadline', async () => {
    let clock = 0
    const delays: number[] = []
    const attempt = retryWithBackoff(async () => { throw new Error('not yet') }, {
      isRetryable: () => true,
      maxWaitMs: 30_000,
      sleep: async (ms) => { delays.push(ms); clock += ms },
      now: () => clock,
    })
    await expect(attempt).rejects.toThrow('not yet')
    expect(delays).toEqual([1000, 2000, 4000, 8000, 10000])
  })

  it('does not retry errors that are not about propagation', async () => {
    let runs = 0
    await expect(retryWithBackoff(async () => { runs++; throw new Error('AccessDenied') }, { isRetryable: () => false, sleep: async () => undefined })).rejects.toThrow()
    expect(runs).toBe(1)
  })
})

describe('recognising our own statements in an existing policy', () => {
  const ours = cubetaStatements('media', null, 'least-privilege')
  it('accepts Statement as a single object, as AWS allows', () => {
    expect(hasStatements(JSON.stringify({ Version: '2012-10-17', Statement: ours[0] }), ours.slice(0, 1))).toBe(true)
  })
  it('compares nested keys too: a different Principal is a different statement', () => {
    const other = { ...ours[0]!, Principal: { AWS: 'arn:aws:iam::123456789012:root' } }
    expect(hasStatements(JSON.stringify({ Statement: [other] }), ours.slice(0, 1))).toBe(false)
    const reordered = Object.fromEntries(Object.entries(ours[0]!).reverse())
    expect(hasStatements(JSON.stringify({ Statement: [reordered] }), ours.slice(0, 1))).toBe(true)
  })
})
