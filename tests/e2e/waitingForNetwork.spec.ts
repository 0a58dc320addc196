import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GetObjectCommand } from '@aws-sdk/client-s3'
import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from '../support/axe'
import { useAppBehindProxy } from '../support/e2eMoto'
import { addProfileThroughUi, uploadThroughPicker } from '../support/e2eSteps'
import { uploadPart } from '../support/faultProxy'
import { adminS3, seedAccount } from '../support/moto'

/** The S3 server vanishes in the middle of an upload: the queue says so, then finishes by itself. */
const world = useAppBehindProxy()

test('the server disappears mid-upload: “Waiting for network”, then done by itself, byte-exact', async ({ page }) => {
  const keys = await seedAccount(world.endpoint, [{ name: 'sin-red', region: 'us-east-1' }])
  const path = join(await mkdtemp(join(tmpdir(), 'cubeta-net-')), 'clase grabada.mp4')
  const content = randomBytes(20 * 1024 * 1024)
  await writeFile(path, content)
  world.proxy.add({ match: uploadPart(), fault: { kind: 'latency', ms: 1_500 }, times: 2 })

  await page.goto(world.app.url)
  await addProfileThroughUi(page, keys)
  await page.getByRole('table', { name: 'Buckets' }).getByRole('row').filter({ hasText: 'sin-red' }).click()
  await uploadThroughPicker(page, path)
  await expect.poll(() => world.proxy.seen.some((r) => r.query.has('partNumber'))).toBe(true)
  await world.proxy.down()

  const panel = page.getByRole('region', { name: 'Transfers' })
  await expect(panel.getByText('Waiting for network', { exact: true })).toBeVisible({ timeout: 30_000 })
  await expect(panel.getByRole('status').filter({ hasText: 'Uploads will continue by themselves' })).toBeVisible()
  await page.screenshot({ path: 'test-results/interrupted/waiting-for-network.png' })
  await expectNoAxeViolations(page, 'the transfer panel waiting for the network')
  await world.proxy.up()
  await expect(panel.getByText('1 file · 1 done')).toBeVisible({ timeout: 30_000 })
  const stored = Buffer.from(await (await adminS3(world.endpoint).send(new GetObjectCommand({ Bucket: 'sin-red', Key: 'clase grabada.mp4' }))).Body!.transformToByteArray())
  expect(createHash('sha256').update(stored).digest('hex')).toBe(createHash('sha256').update(content).digest('hex'))
})
