import { inspect } from 'node:util'
import { DetachUserPolicyCommand, IAMClient } from '@aws-sdk/client-iam'
import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createRouter } from '../../src-main/router/router'
import { createAwsClientFactory } from '../../src-main/services/aws/awsClients'
import { addSessionProfile, makeBackend } from '../support/backendHarness'
import { motoAdmin, resetMoto, seedAccount, setIamEnforcement, useMoto, type Moto } from '../support/moto'

/**
 * Error replies and log lines never carry a key
 *
 * Real keys that moto's IAM issued (40-character secrets with "/" and "+", AKIA ids), in
 * the real AWS clients, against moto with IAM enforcement on, so the calls fail the way
 * AWS fails them. What reaches the window (the BridgeResult) and what reaches the log
 * must hold neither the secret nor the full access key id: at most the id's last 4.
 */
let moto: Moto
beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => {
  await setIamEnforcement(moto.endpoint, false)
  await moto.stop()
})
beforeEach(async () => resetMoto(moto.endpoint))

const bucket = 'redact-media'

function expectNoKey(text: string, keys: { accessKeyId: string; secretAccessKey: string }, what: string) {
  expect(text, what).not.toContain(keys.secretAccessKey)
  expect(text, what).not.toContain(encodeURIComponent(keys.secretAccessKey))
  expect(text, what).not.toContain(keys.accessKeyId)
}

describe('secrets in errors and logs, with real keys against moto', () => {
  it('a call refused by AWS says which key in masked form, and carries no secret', async () => {
    const keys = await seedAccount(moto.endpoint, [{ name: bucket, region: 'us-east-1' }])
    const h = await makeBackend(moto.endpoint)
    const profile = await addSessionProfile(h, keys)
    // The user loses its S3 rights: the next calls fail with AccessDenied, signed with the real secret.
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: motoAdmin })
    await iam.send(new DetachUserPolicyCommand({ UserName: keys.userName, PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' }))
    await setIamEnforcement(moto.endpoint, true)

    const results = [
      await h.call('objects/listPage', { profileId: profile.id, bucket, prefix: '', token: null }),
      await h.call('buckets/list', { profileId: profile.id }),
      await h.call('urls/build', { profileId: profile.id, bucket, keys: ['a.png'], form: 'public', expiresInSeconds: null }),
    ]
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'access-denied' } })
    expect(results[1]).toMatchObject({ ok: false })
    for (const result of results) expectNoKey(JSON.stringify(result), keys, JSON.stringify(result))
    expectNoKey(h.logs.join('\n'), keys, 'log')
    await h.dispose()
  })

  it('a wrong secret is refused with the key id masked, and neither secret is echoed back', async () => {
    const keys = await seedAccount(moto.endpoint, [])
    const h = await makeBackend(moto.endpoint)
    await setIamEnforcement(moto.endpoint, true)
    const typed = `${keys.secretAccessKey.slice(0, -4)}Zz9+`
    const result = await h.call('profiles/add', { name: 'Blog', accessKeyId: keys.accessKeyId, secretAccessKey: typed, region: 'us-east-1', endpoint: null, forcePathStyle: false, secretStorage: 'session' })
    expect(result).toMatchObject({ ok: false, error: { code: 'signature-mismatch' } })
    const text = JSON.stringify(result)
    expect(text).toContain(keys.accessKeyId.slice(-4))
    expectNoKey(text, keys, text)
    expect(text).not.toContain(typed)
    expectNoKey(h.logs.join('\n'), keys, 'log')
    await h.dispose()
  })

  it('a handler that dumps its client and the AWS error into an exception is answered generically and logged redacted', async () => {
    const keys = await seedAccount(moto.endpoint, [])
    await setIamEnforcement(moto.endpoint, true)
    // The app's own client factory, with the real secret in its config; the bucket does not exist.
    const s3 = createAwsClientFactory(moto.endpoint).s3({ ...keys, region: 'us-east-1', endpoint: null, forcePathStyle: false } as never)
    const logs: string[] = []
    const router = createRouter(
      new Proxy({} as never, {
        get: () => async () => {
          try {
            await s3.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket-here' }))
          } catch (error) {
            // The worst bug: everything the client knows, inspected into the message.
            // eslint-disable-next-line preserve-caught-error -- the message itself is what the test inspects
            throw new Error(`ListObjectsV2 failed with ${inspect(await s3.config.credentials())} and ${inspect(error, { depth: 6 })}; env AWS_SECRET_ACCESS_KEY=${keys.secretAccessKey}`)
          }
          return []
        },
      }),
      (line) => logs.push(line),
    )
    const result = await router.dispatch('profiles/list', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'unexpected' } })
    expectNoKey(JSON.stringify(result), keys, 'reply')
    expect(logs).toHaveLength(1)
    expect(logs[0]).toContain('ListObjectsV2 failed')
    expect(logs[0]).toContain(keys.accessKeyId.slice(-4))
    expectNoKey(logs[0] ?? '', keys, logs[0] ?? '')
  })
})
