import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from '../support/axe'
import { useMotoInSpecs } from '../support/e2eMoto'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { addProfileThroughUi } from '../support/e2eSteps'
import { seedAccount } from '../support/moto'

/**
 * profiles.json truncated between two runs (a full disk, a crash in another program):
 * Cubeta still starts, says what happened, goes back to the last good copy, keeps the
 * damaged file, and the keychain secret of a restored profile still works.
 */
const moto = useMotoInSpecs()
let apps: BrowserModeApp[] = []
test.afterEach(async () => {
  for (const app of apps) await app.stop()
  apps = []
})

test('a truncated profiles file: the app starts, says so, and the earlier profile still lists its buckets', async ({ page }) => {
  const keys = await seedAccount(moto.endpoint, [{ name: 'fotos-del-blog', region: 'us-east-1' }])
  const first = await startBrowserMode(moto.endpoint)
  apps.push(first)
  await page.goto(first.url)
  await addProfileThroughUi(page, keys, { name: 'Blog' })
  await expect(page.getByRole('heading', { name: 'Blog' })).toBeVisible()
  // A second save, so that the file has an earlier good copy to go back to.
  await page.getByRole('button', { name: 'Add profile' }).click()
  await page.getByLabel('Profile name').fill('Tienda')
  await page.getByLabel('Access key ID').fill(keys.accessKeyId)
  await page.getByLabel('Secret access key').fill(keys.secretAccessKey)
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('heading', { name: 'Tienda' })).toBeVisible()
  await first.kill()

  const file = join(first.dataDir, 'profiles.json')
  const whole = await readFile(file, 'utf8')
  await writeFile(file, whole.slice(0, whole.length / 2))

  const second = await startBrowserMode(moto.endpoint, {}, { dataDir: first.dataDir, home: first.home })
  apps.push(second)
  await page.goto(second.url)
  const notice = page.getByRole('alert', { name: 'Your list of profiles was damaged' })
  await expect(notice).toContainText('went back to the last good copy')
  await expect(notice).toContainText('profiles.json.corrupt-')
  await page.screenshot({ path: 'test-results/interrupted/profiles-damaged.png' })
  await expectNoAxeViolations(page, 'the damaged profiles notice')
  const profiles = page.getByRole('list', { name: 'Profiles' })
  await expect(profiles.getByRole('button', { name: 'Tienda', exact: true })).toHaveCount(0)
  await profiles.getByRole('button', { name: 'Blog', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Buckets' }).getByRole('row').filter({ hasText: 'fotos-del-blog' })).toBeVisible()
  await notice.getByRole('button', { name: 'Dismiss the notice about the damaged profiles file' }).click()
  await expect(notice).toBeHidden()
  expect((await readdir(first.dataDir)).some((n) => n.startsWith('profiles.json.corrupt-'))).toBe(true)
})
