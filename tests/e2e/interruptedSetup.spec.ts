import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { GetUserCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam'
import { HeadBucketCommand } from '@aws-sdk/client-s3'
import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations } from '../support/axe'
import { useMotoInSpecs } from '../support/e2eMoto'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { startFaultProxy, type FaultProxy } from '../support/faultProxy'
import { adminS3, motoAdmin } from '../support/moto'

/**
 * The wizard is killed (SIGKILL) after step 3, the access key, while the bucket is being
 * created. The next start says so before anything else, and once the admin keys are
 * checked again the user can continue from there, or roll back what it created.
 */
test.describe.configure({ timeout: 120_000 })
const moto = useMotoInSpecs()
let proxy: FaultProxy
let apps: BrowserModeApp[] = []
const bucket = 'media-a-medias'
const user = 'django-a-medias'
test.beforeEach(async () => {
  proxy = await startFaultProxy(moto.endpoint)
  // CreateBucket hangs, so the kill lands after the first three steps.
  proxy.add({ match: (r) => r.method === 'PUT' && r.url.pathname.replace(/\/$/, '') === `/${bucket}` && [...r.url.searchParams.keys()].every((k) => k.startsWith('x-id')), fault: { kind: 'latency', ms: 60_000 }, times: 1 })
})
test.afterEach(async () => {
  for (const app of apps) await app.stop()
  apps = []
  await proxy.close()
})

const iam = () => new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: motoAdmin })

async function killAfterStepThree(page: Page) {
  const first = await startBrowserMode(proxy.endpoint)
  apps.push(first)
  await page.goto(first.url)
  await page.getByRole('button', { name: 'Guided setup' }).click()
  const wizard = page.getByRole('region', { name: 'Guided setup' })
  await wizard.getByLabel('Access key ID').fill(motoAdmin.accessKeyId)
  await wizard.getByLabel('Secret access key').fill(motoAdmin.secretAccessKey)
  await wizard.getByRole('button', { name: 'Next', exact: true }).click()
  await wizard.getByLabel('IAM user name').fill(user)
  await wizard.getByRole('button', { name: 'Next', exact: true }).click()
  await wizard.getByLabel('Bucket name').fill(bucket)
  await wizard.getByRole('button', { name: 'Next', exact: true }).click()
  await wizard.getByRole('button', { name: 'Set up', exact: true }).click()

  const journal = join(first.dataDir, 'setup-journal.json')
  await expect
    .poll(async () => JSON.parse(await readFile(journal, 'utf8').catch(() => '{"steps":[]}')).steps.find((s: { id: string }) => s.id === 'accessKey')?.status, { timeout: 30_000 })
    .toBe('done')
  const text = await readFile(journal, 'utf8')
  expect(text).not.toContain(motoAdmin.secretAccessKey)
  expect(JSON.parse(text).steps.find((s: { id: string }) => s.id === 'bucket')?.status).not.toBe('done')
  await first.kill()
  expect((await iam().send(new ListAccessKeysCommand({ UserName: user }))).AccessKeyMetadata).toHaveLength(1)

  const second = await startBrowserMode(proxy.endpoint, {}, { dataDir: first.dataDir, home: first.home })
  apps.push(second)
  await page.goto(second.url)
  await page.getByRole('button', { name: 'Continue or roll back the interrupted setup' }).click()
  await expect(wizard.getByRole('region', { name: 'A guided setup stopped before it finished' })).toContainText(user)
  await page.screenshot({ path: 'test-results/interrupted/setup-offered.png', fullPage: true })
  await expectNoAxeViolations(page, 'an interrupted setup offered')
  await wizard.getByLabel('Access key ID').fill(motoAdmin.accessKeyId)
  await wizard.getByLabel('Secret access key').fill(motoAdmin.secretAccessKey)
  await wizard.getByRole('button', { name: 'Next', exact: true }).click()
  await expect(wizard.getByText('Cubeta stopped during this step.')).toBeVisible()
  await page.screenshot({ path: 'test-results/interrupted/setup-adopted.png', fullPage: true })
  return wizard
}

test('killed after step 3: the next start offers to roll back, and rolling back removes the user and its key', async ({ page }) => {
  const wizard = await killAfterStepThree(page)
  await wizard.getByRole('button', { name: 'Roll back' }).click()
  await expect(wizard.getByText(/removed|Removed/).first()).toBeVisible()
  await expect(iam().send(new GetUserCommand({ UserName: user }))).rejects.toMatchObject({ name: 'NoSuchEntityException' })
  await page.screenshot({ path: 'test-results/interrupted/setup-rolled-back.png', fullPage: true })
})

test('killed after step 3: continuing finishes the setup with one fresh key, and the journal is gone', async ({ page }) => {
  const wizard = await killAfterStepThree(page)
  await wizard.getByRole('button', { name: 'Try again' }).click()
  await expect(wizard.getByRole('heading', { name: 'It works' })).toBeVisible({ timeout: 60_000 })
  const keys = (await iam().send(new ListAccessKeysCommand({ UserName: user }))).AccessKeyMetadata ?? []
  expect(keys).toHaveLength(1)
  await adminS3(moto.endpoint).send(new HeadBucketCommand({ Bucket: bucket }))
  await wizard.getByRole('button', { name: 'Finish', exact: true }).click()
  await expect(wizard.getByRole('heading', { name: 'Your bucket is ready' })).toBeVisible()
  await expect.poll(() => readFile(join(apps[1]!.dataDir, 'setup-journal.json'), 'utf8').then(() => 'present', () => 'gone')).toBe('gone')
})
