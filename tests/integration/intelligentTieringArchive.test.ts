import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addSessionProfile, makeBackend, type Harness } from '../support/backendHarness'
import { startFaultProxy, type FaultProxy } from '../support/faultProxy'
import { adminS3, resetMoto, seedAccount, useMoto, type Moto } from '../support/moto'

/**
 * Intelligent-Tiering's archive tiers, against moto through a proxy
 *
 * S3 moves an Intelligent-Tiering object into its Archive Access or Deep Archive Access
 * tier after months unread (when the bucket opts in); HeadObject then says so in
 * x-amz-archive-status, and a restore brings it back to Frequent Access for good, with a
 * RestoreObject that must not name days. moto keeps the class but has no archive tiers:
 * the proxy adds the header moto can't say and answers the restore as S3 does (202), so
 * what Cubeta reads and sends is checked while every other request reaches moto.
 */
const bucket = 'escalonado'
let moto: Moto
let proxy: FaultProxy
let h: Harness
let profileId: string

beforeAll(async () => {
  moto = await useMoto()
  await resetMoto(moto.endpoint)
  const keys = await seedAccount(moto.endpoint, [{ name: bucket, region: 'us-east-1' }])
  proxy = await startFaultProxy(moto.endpoint)
  h = await makeBackend(proxy.endpoint)
  profileId = (await addSessionProfile(h, keys)).id
  const s3 = adminS3(moto.endpoint)
  for (const Key of ['it/hondo.csv', 'it/dormido.csv', 'it/activo.csv']) await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: `bytes of ${Key}`, StorageClass: 'INTELLIGENT_TIERING' }))
})
afterAll(async () => {
  await h?.dispose()
  await proxy?.close()
  await moto?.stop()
})

const heads = (key: string) => (r: { method: string; url: URL }) => r.method === 'HEAD' && r.url.pathname.endsWith(`/${key}`)
const restores = (r: { method: string; url: URL }) => r.method === 'POST' && r.url.searchParams.has('restore')
const inTier = (key: string, tier: string, extra: Record<string, string> = {}) => proxy.add({ match: heads(key), fault: { kind: 'extra-headers', headers: { 'x-amz-archive-status': tier, ...extra } }, times: Number.POSITIVE_INFINITY })

describe('an object in an Intelligent-Tiering archive tier', () => {
  it('is shown as offline, and restored without days at a speed its tier allows', async () => {
    inTier('it/hondo.csv', 'DEEP_ARCHIVE_ACCESS')
    inTier('it/dormido.csv', 'ARCHIVE_ACCESS')
    const properties = await h.ok('objects/properties', { profileId, bucket, key: 'it/hondo.csv' })
    expect(properties).toMatchObject({ storageClass: 'INTELLIGENT_TIERING', archiveTier: 'DEEP_ARCHIVE_ACCESS', restore: null })
    expect((await h.ok('objects/properties', { profileId, bucket, key: 'it/activo.csv' })).archiveTier).toBeNull()

    // Its bytes are offline: a class change is refused before any copy is tried.
    const copy = await h.ok('objects/setStorageClass', { profileId, bucket, keys: ['it/hondo.csv'], storageClass: 'STANDARD', operationId: 'it-sc' })
    expect(copy.results[0]).toMatchObject({ outcome: 'failed', error: { code: 'object-archived' } })
    expect(proxy.seen.some((r) => r.method === 'PUT' && r.path.endsWith('/it/hondo.csv'))).toBe(false)

    const bodies: string[] = []
    proxy.add({ match: restores, fault: { kind: 'reply', status: 202, onBody: (body) => bodies.push(body) }, times: 2 })
    const fast = await h.ok('objects/restore', { profileId, bucket, keys: ['it/'], days: 3, tier: 'Expedited', operationId: 'it-rs-1' })
    expect(fast.results.map((r) => [r.key, r.outcome, r.error?.code ?? null])).toEqual([
      ['it/activo.csv', 'not-archived', null],
      ['it/dormido.csv', 'requested', null],
      // Deep Archive Access has no Expedited tier: refused before sending.
      ['it/hondo.csv', 'failed', 'restore-tier-not-allowed'],
    ])
    const slow = await h.ok('objects/restore', { profileId, bucket, keys: ['it/hondo.csv'], days: 3, tier: 'Bulk', operationId: 'it-rs-2' })
    expect(slow.results[0]?.outcome).toBe('requested')
    expect(bodies).toHaveLength(2)
    for (const body of bodies) expect(body).not.toMatch(/<Days>/)
    expect(bodies[0]).toMatch(/<Tier>Expedited<\/Tier>/)
    expect(bodies[1]).toMatch(/<Tier>Bulk<\/Tier>/)
  })

  it('reads a restore in progress, and a restored object as online again', async () => {
    inTier('it/lento.csv', 'ARCHIVE_ACCESS', { 'x-amz-restore': 'ongoing-request="true"' })
    await adminS3(moto.endpoint).send(new PutObjectCommand({ Bucket: bucket, Key: 'it/lento.csv', Body: 'x', StorageClass: 'INTELLIGENT_TIERING' }))
    expect(await h.ok('objects/properties', { profileId, bucket, key: 'it/lento.csv' })).toMatchObject({ archiveTier: 'ARCHIVE_ACCESS', restore: { state: 'in-progress' } })
    const again = await h.ok('objects/restore', { profileId, bucket, keys: ['it/lento.csv'], days: 1, tier: 'Standard', operationId: 'it-rs-3' })
    expect(again.results[0]?.outcome).toBe('already-restoring')

    // Back in Frequent Access: no archive status, and a restore that never expires.
    proxy.add({ match: heads('it/vuelto.csv'), fault: { kind: 'extra-headers', headers: { 'x-amz-restore': 'ongoing-request="false"' } }, times: Number.POSITIVE_INFINITY })
    await adminS3(moto.endpoint).send(new PutObjectCommand({ Bucket: bucket, Key: 'it/vuelto.csv', Body: 'x', StorageClass: 'INTELLIGENT_TIERING' }))
    expect(await h.ok('objects/properties', { profileId, bucket, key: 'it/vuelto.csv' })).toMatchObject({ archiveTier: null, restore: { state: 'ready', until: null } })
  })
})
