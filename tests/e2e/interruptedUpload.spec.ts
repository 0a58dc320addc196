import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GetObjectCommand, ListMultipartUploadsCommand, ListPartsCommand } from '@aws-sdk/client-s3'
import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations } from '../support/axe'
import { useMotoInSpecs } from '../support/e2eMoto'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { addProfileThroughUi, uploadThroughPicker } from '../support/e2eSteps'
import { startFaultProxy, uploadPart, type FaultProxy } from '../support/faultProxy'
import { adminS3, seedAccount } from '../support/moto'

/**
 * Cubeta is killed (SIGKILL, no shutdown) in the middle of a multipart upload. The next
 * start shows it as interrupted; Resume asks for the file again (browser mode) and sends
 * only the parts the server lacks; Discard aborts it on the server.
 */
test.describe.configure({ timeout: 120_000 })
const moto = useMotoInSpecs()
let proxy: FaultProxy
let apps: BrowserModeApp[] = []
const bucket = 'long-trip'
const size = 40 * 1024 * 1024 + 4321
test.beforeEach(async () => {
  proxy = await startFaultProxy(moto.endpoint)
  // Parts 1 and 2 arrive; the rest hang, so the kill lands in the middle of the upload.
  for (const n of [3, 4, 5]) proxy.add({ match: uploadPart(n), fault: { kind: 'latency', ms: 20_000 }, times: 1 })
})
test.afterEach(async () => {
  for (const app of apps) await app.stop()
  apps = []
  await proxy.close()
})

const s3 = () => adminS3(moto.endpoint)
const uploads = async () => (await s3().send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []
async function partsOf(key: string) {
  const [upload] = (await uploads()).filter((u) => u.Key === key)
  if (!upload) return 0
  return (await s3().send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: upload.UploadId }))).Parts?.length ?? 0
}

async function startKillAndRestart(page: Page) {
  const keys = await seedAccount(moto.endpoint, [{ name: bucket, region: 'us-east-1' }])
  const dir = await mkdtemp(join(tmpdir(), 'cubeta-video-'))
  const path = join(dir, 'vacaciones 2024.mp4')
  const content = randomBytes(size)
  await writeFile(path, content)

  const first = await startBrowserMode(proxy.endpoint)
  apps.push(first)
  await page.goto(first.url)
  await addProfileThroughUi(page, keys)
  await page.getByRole('table', { name: 'Buckets' }).getByRole('row').filter({ hasText: bucket }).click()
  await uploadThroughPicker(page, path)
  await expect.poll(() => partsOf('vacaciones 2024.mp4'), { timeout: 30_000 }).toBeGreaterThanOrEqual(2)
  await first.kill()
  const partsAtKill = await partsOf('vacaciones 2024.mp4')

  const second = await startBrowserMode(proxy.endpoint, {}, { dataDir: first.dataDir, home: first.home })
  apps.push(second)
  await page.goto(second.url)
  return { path, content, partsAtKill }
}

test('killed mid-upload: the next start offers to resume, and only the missing parts are sent', async ({ page }) => {
  const { path, content, partsAtKill } = await startKillAndRestart(page)
  const panel = page.getByRole('region', { name: 'Transfers' })
  await expect(panel.getByText('An upload was interrupted when Cubeta stopped.', { exact: false })).toBeVisible()
  await expect(panel.getByText('Interrupted', { exact: true })).toBeVisible()
  await page.screenshot({ path: 'test-results/interrupted/offered.png' })
  await expectNoAxeViolations(page, 'an interrupted upload offered for resuming')

  const sentBefore = proxy.seen.filter((r) => r.method === 'PUT' && r.query.has('partNumber')).length
  const chooser = page.waitForEvent('filechooser')
  await panel.getByRole('button', { name: 'Resume vacaciones 2024.mp4' }).click()
  await (await chooser).setFiles(path)
  await expect(panel.getByText('1 file · 1 done')).toBeVisible({ timeout: 60_000 })
  await page.screenshot({ path: 'test-results/interrupted/resumed.png' })

  const stored = Buffer.from(await (await s3().send(new GetObjectCommand({ Bucket: bucket, Key: 'vacaciones 2024.mp4' }))).Body!.transformToByteArray())
  expect(createHash('sha256').update(stored).digest('hex')).toBe(createHash('sha256').update(content).digest('hex'))
  const partsTotal = Math.ceil(size / (8 * 1024 * 1024))
  const sentAfter = proxy.seen.filter((r) => r.method === 'PUT' && r.query.has('partNumber')).length - sentBefore
  expect(sentAfter).toBeLessThanOrEqual(partsTotal - partsAtKill)
  expect(await uploads()).toEqual([])
})

test('killed mid-upload: Discard aborts the multipart upload on the server', async ({ page }) => {
  await startKillAndRestart(page)
  const panel = page.getByRole('region', { name: 'Transfers' })
  expect((await uploads()).length).toBe(1)
  await panel.getByRole('button', { name: 'Discard vacaciones 2024.mp4' }).click()
  await expect(panel.getByText('Cancelled', { exact: true })).toBeVisible()
  expect(await uploads()).toEqual([])
})

test('resuming with a different file is refused in words, and nothing is sent', async ({ page }) => {
  await startKillAndRestart(page)
  const other = join(await mkdtemp(join(tmpdir(), 'cubeta-other-')), 'otro.mp4')
  await writeFile(other, randomBytes(1000))
  const panel = page.getByRole('region', { name: 'Transfers' })
  const chooser = page.waitForEvent('filechooser')
  await panel.getByRole('button', { name: 'Resume vacaciones 2024.mp4' }).click()
  await (await chooser).setFiles(other)
  await expect(panel.getByRole('alert')).toContainText('That file is not the one that was being uploaded')
  await expect(panel.getByText('Interrupted', { exact: true })).toBeVisible()
  expect((await uploads()).length).toBe(1)
})
