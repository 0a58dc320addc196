import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { createKeytarSecretStore } from '../../src-main/services/keychain/keytarSecretStore'
import { expectNoAxeViolations } from '../support/axe'
import { useMotoInSpecs } from '../support/e2eMoto'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { seedAccount } from '../support/moto'

/**
 * A profiles.json with one entry of the wrong type, as a hand edit leaves it: the app
 * starts, names the file and what it did, shows the bad entry and what is wrong with it,
 * and the good profile still works. And Cubeta secrets that no profile uses are offered
 * for removal, which asks first.
 */
const moto = useMotoInSpecs()
const keychain = createKeytarSecretStore()
let apps: BrowserModeApp[] = []
const cleanup: string[] = []
test.afterEach(async () => {
  for (const app of apps) await app.stop()
  apps = []
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true })
})

test('one unreadable profile: the rest work, and the notice says which and why, in both languages', async ({ page, browser }) => {
  const keys = await seedAccount(moto.endpoint, [{ name: 'fotos-del-blog', region: 'us-east-1' }])
  const dataDir = await mkdtemp(join(tmpdir(), 'cubeta-e2e-data-'))
  const good = { id: randomUUID(), name: 'Blog', accessKeyId: keys.accessKeyId, region: 'us-east-1', endpoint: null, forcePathStyle: false, createdAt: '2026-01-01T00:00:00Z' }
  const bad = { ...good, id: randomUUID(), name: 'Tienda', forcePathStyle: 'true' }
  await writeFile(join(dataDir, 'profiles.json'), JSON.stringify({ version: 1, profiles: [good, bad] }))
  await keychain.set(`profile:${good.id}`, keys.secretAccessKey)
  await keychain.set(`profile:${bad.id}`, 'secret of the unreadable profile')

  const app = await startBrowserMode(moto.endpoint, {}, { dataDir })
  apps.push(app)
  await page.goto(app.url)
  const notice = page.getByRole('alert', { name: 'Your list of profiles was damaged' })
  await expect(notice).toContainText('Cubeta kept every profile it could read')
  await expect(notice.getByRole('list', { name: 'Entries Cubeta could not read' })).toContainText('“Tienda” (entry 2): forcePathStyle should be true or false')
  await expect(notice).toContainText('profiles.json.corrupt-')
  await expectNoAxeViolations(page, 'the damaged-profiles notice')
  await page.screenshot({ path: 'test-results/damaged/unreadable-entry-en.png' })

  const profiles = page.getByRole('list', { name: 'Profiles' })
  await expect(profiles.getByRole('button', { name: 'Tienda', exact: true })).toHaveCount(0)
  await profiles.getByRole('button', { name: 'Blog', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Buckets' }).getByRole('row').filter({ hasText: 'fotos-del-blog' })).toBeVisible()
  await notice.getByRole('button', { name: 'Dismiss the notice about the damaged profiles file' }).click()
  await expect(notice).toBeHidden()
  // The unreadable profile's secret still belongs to it: nothing was removed.
  expect(await keychain.get(`profile:${bad.id}`)).toBe('secret of the unreadable profile')

  const spanish = await browser.newContext({ locale: 'es-419', viewport: { width: 1200, height: 760 } })
  const es = await spanish.newPage()
  await es.goto(await app.newSignInUrl())
  const aviso = es.getByRole('alert', { name: 'Tu lista de perfiles estaba dañada' })
  await expect(aviso).toContainText('Cubeta conservó todos los perfiles que pudo leer')
  await expect(aviso).toContainText('“Tienda” (entrada 2): forcePathStyle debería ser true o false')
  await expectNoAxeViolations(es, 'the damaged-profiles notice, in Spanish')
  await es.screenshot({ path: 'test-results/damaged/unreadable-entry-es.png' })
  await spanish.close()
  for (const id of [good.id, bad.id]) await keychain.delete(`profile:${id}`)
})

test('a secret no profile uses is offered for removal, and removed only after asking', async ({ page }) => {
  // The data folder the desktop app and browser mode share by default: no CUBETA_DATA_DIR.
  const config = await mkdtemp(join(tmpdir(), 'cubeta-e2e-config-'))
  cleanup.push(config)
  await mkdir(join(config, 'Cubeta'))
  const ghost = `profile:${randomUUID()}`
  await keychain.set(ghost, 'left behind by an older Cubeta')
  const app = await startBrowserMode(moto.endpoint, { CUBETA_DATA_DIR: '', XDG_CONFIG_HOME: config })
  apps.push(app)
  await page.goto(app.url)

  const notice = page.getByRole('status', { name: 'Unused secrets in the keychain' })
  await expect(notice).toContainText(/in the keychain belongs? to no profile/)
  await expectNoAxeViolations(page, 'the unused-secrets notice')
  await page.screenshot({ path: 'test-results/damaged/unused-secrets-en.png' })
  const remove = notice.getByRole('button', { name: /^Remove (it|them)…$/ })

  // Cancel first: nothing is removed, and focus returns to the button.
  await remove.click()
  const dialog = page.getByRole('dialog', { name: /^Remove \d+ unused secrets?\?$/ })
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await expectNoAxeViolations(page, 'the unused-secrets confirmation')
  await page.screenshot({ path: 'test-results/damaged/unused-secrets-confirm-en.png' })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(remove).toBeFocused()
  expect(await keychain.get(ghost)).not.toBeNull()

  await remove.click()
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click()
  await expect(notice).toBeHidden()
  expect(await keychain.get(ghost)).toBeNull()
  expect(await readdir(join(config, 'Cubeta'))).toContain('browser-mode.json')
})
