import type { S3Client } from '@aws-sdk/client-s3'
import type { S3ControlClient } from '@aws-sdk/client-s3-control'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../src-main/core/appError'
import { ensureBucket } from '../../src-main/services/setupWizard/bucketSteps'
import { newSetupState, type SetupSession } from '../../src-main/services/setupWizard/setupSession'
import { verifyPublicRead } from '../../src-main/services/setupWizard/verifySteps'

// Verdicts moto can't produce (one account, no account-level Block Public Access), from fakes.
const session = (bucket = 'mi-blog-media'): SetupSession => ({
  id: 's',
  admin: null,
  accountId: '123456789012',
  plan: { userName: 'u', userMode: 'new', policy: 'least-privilege', bucket, region: 'eu-west-1', cors: false, keepTestObject: false, deleteAccessKeyRef: null },
  newKey: null,
  keyRefs: new Map(),
  verifiedKey: null,
  orphanKeyId: null,
  journaled: false,
  state: newSetupState('s'),
})
const fake = <T>(send: (command: { constructor: { name: string } }) => unknown) => ({ send: async (c: { constructor: { name: string } }) => send(c) }) as unknown as T

describe('a bucket name another account owns', () => {
  it('is reported as taken, with valid suggestions, and nothing is created', async () => {
    const s = session()
    const s3 = fake<S3Client>((c) => {
      if (c.constructor.name === 'HeadBucketCommand') throw Object.assign(new Error('Forbidden'), { name: '403', $metadata: { httpStatusCode: 403 } })
      throw new Error(`unexpected ${c.constructor.name}`)
    })
    const error = await ensureBucket(s, s3).then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('bucket-taken')
    expect(s.state.bucketSuggestions).toEqual(['mi-blog-media-9012', 'mi-blog-media-media', `mi-blog-media-${new Date().getFullYear()}`])
    expect(s.state.created).toEqual([])
  })
})

describe('anonymous reads still refused after the policy', () => {
  const run = (accountBlock: boolean) => {
    const s = session()
    const s3 = fake<S3Client>(() => ({}))
    const s3control = fake<S3ControlClient>(() => ({ PublicAccessBlockConfiguration: { BlockPublicPolicy: accountBlock, RestrictPublicBuckets: accountBlock } }))
    let now = 0
    const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) }
    const forbidden = (async () => new Response('denied', { status: 403 })) as typeof fetch
    return verifyPublicRead(s, { s3AsNewUser: s3, s3control, publicEndpoint: null, fetch: forbidden, onWait: () => undefined, clock }).then(
      () => null,
      (e: unknown) => (e as AppError).code,
    )
  }
  it('names the account-level Block Public Access setting when that is the cause', async () => {
    expect(await run(true)).toBe('account-blocks-public')
  })
  it('says so plainly when the account setting is not the cause', async () => {
    expect(await run(false)).toBe('public-read-refused')
  })
})
