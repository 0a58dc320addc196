import { execFileSync } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { seedAccount, setIamEnforcement } from '../support/moto'
import { useMotoInSpecs } from '../support/e2eMoto'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { expectNoAxeViolations } from '../support/axe'

/**
 * The first slice, as a new user walks it in browser mode: welcome → add a profile with
 * real keys → see the buckets. Runs against moto with IAM enforcement on, so a wrong
 * secret really fails.
 */
const moto = useMotoInSpecs()
let app: BrowserModeApp
let keys: Awaited<ReturnType<typeof seedAccount>>
const buckets = [
  { name: 'fotos-del-blog', region: 'us-east-1' },
  { name: 'media-django-eu', region: 'eu-west-1' },
  { name: 'static-sa', region: 'sa-east-1' },
]

test.beforeEach(async () => {
  keys = await seedAccount(moto.endpoint, buckets)
  await setIamEnforcement(moto.endpoint, true)
  app = await startBrowserMode(moto.endpoint)
})
test.afterEach(async () => app.stop())

/** Every bridge answer the page received, to prove no secret ever reached it. */
function recordBridgeAnswers(page: Page): string[] {
  const answers: string[] = []
  page.on('response', async (response) => {
    if (response.url().includes('/api/')) answers.push(await response.text().catch(() => ''))
  })
  return answers
}

async function fillProfile(page: Page, secret: string) {
  await page.getByLabel('Profile name').fill('Mi proyecto Django')
  await page.getByLabel('Access key ID').fill(keys.accessKeyId)
  await page.getByLabel('Secret access key').fill(secret)
  await page.getByLabel('Region').selectOption('eu-west-1')
}

test('a new user adds a profile and sees their buckets', async ({ page }) => {
  const answers = recordBridgeAnswers(page)
  await page.goto(app.url)
  await expect(page.getByRole('heading', { name: /welcome/i })).toBeVisible()
  await expectNoAxeViolations(page, 'the welcome screen')
  await page.getByRole('button', { name: 'Add a profile' }).click()
  await fillProfile(page, keys.secretAccessKey)
  await expectNoAxeViolations(page, 'the Add profile dialog')
  await page.getByRole('button', { name: 'Save profile' }).click()

  const table = page.getByRole('table', { name: 'Buckets' })
  for (const bucket of buckets) {
    const row = table.getByRole('row').filter({ hasText: bucket.name })
    await expect(row).toBeVisible()
    await expect(row).toContainText(bucket.region)
  }
  await expect(page.getByText(`${keys.accessKeyId.slice(-4)}`).first()).toBeVisible()
  await expectNoAxeViolations(page, 'the bucket list')
  // The dialog's opener is gone (the welcome screen made way): focus lands on the new profile.
  await expect(page.getByRole('list', { name: 'Profiles' }).getByRole('button', { name: /Mi proyecto Django/ })).toBeFocused()

  // The secret lives in the keyring and nowhere else.
  const keyring = execFileSync('secret-tool', ['search', '--all', 'service', 'Cubeta'], { encoding: 'utf8' })
  expect(keyring).toContain(keys.secretAccessKey)
  expect(await app.dataFolderText()).not.toContain(keys.secretAccessKey)
  expect(answers.length).toBeGreaterThan(3)
  for (const answer of answers) {
    expect(answer).not.toContain(keys.secretAccessKey)
    expect(answer).not.toContain(keys.accessKeyId)
  }
  // The page has no Node: nothing the renderer runs can reach the machine directly.
  expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined'])

  await mkdir('test-results', { recursive: true })
  await page.screenshot({ path: 'test-results/buckets-en.png' })
  if (process.env.CUBETA_UPDATE_SCREENSHOTS) await page.screenshot({ path: 'assets/screenshots/buckets.png' })

  // Reloading keeps the profile: it came from profiles.json and the keychain, not the page.
  await page.reload()
  await expect(page.getByRole('table', { name: 'Buckets' }).getByRole('row').filter({ hasText: 'static-sa' })).toBeVisible()
})

test('a wrong secret gets a clear error and saves nothing', async ({ page }) => {
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Add a profile' }).click()
  const wrong = `${keys.secretAccessKey.slice(0, -2)}xx`
  await fillProfile(page, wrong)
  await page.getByRole('button', { name: 'Save profile' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('secret access key does not match')
  await expect(alert).toContainText(/paste the secret access key again/i)
  // The error is scrolled into view above the dialog's footer, not hidden under it, and
  // focus stayed in the dialog (on Save, which was only marked busy).
  const footer = (await page.getByRole('dialog').locator('.form__actions').boundingBox())!
  const shown = (await alert.boundingBox())!
  expect(shown.y + shown.height).toBeLessThanOrEqual(footer.y + 1)
  await expect(page.getByRole('button', { name: 'Save profile' })).toBeFocused()
  await page.screenshot({ path: 'test-results/wrong-secret-en.png' })
  await expectNoAxeViolations(page, 'the Add profile dialog after a failed save')
  // Escape after a failed save: focus goes back to the button that opened the dialog.
  await page.keyboard.press('Escape')
  await expect(page.getByRole('button', { name: 'Add a profile' })).toBeFocused()
  expect(await app.dataFolderText()).not.toContain(keys.accessKeyId)
})

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' })
  test('follows the OS language, and the switch goes back to English', async ({ page }) => {
    await page.goto(app.url)
    await expect(page.getByRole('heading', { name: /bienvenid/i })).toBeVisible()
    await expectNoAxeViolations(page, 'the welcome screen, in Spanish')
    await page.getByRole('button', { name: 'Agregar un perfil' }).click()
    await page.getByLabel('Nombre del perfil').fill('Personal')
    await page.getByLabel('ID de clave de acceso').fill(keys.accessKeyId)
    await page.getByLabel('Clave de acceso secreta').fill(`${keys.secretAccessKey.slice(0, -2)}xx`)
    await page.getByRole('button', { name: 'Guardar perfil' }).click()
    await expect(page.getByRole('alert')).toContainText(/clave de acceso secreta/i)
    await page.screenshot({ path: 'test-results/wrong-secret-es.png' })
    await expectNoAxeViolations(page, 'the Add profile dialog after a failed save, in Spanish')
    await page.getByRole('button', { name: 'Cancelar' }).click()
    await page.getByLabel('Idioma').selectOption('en')
    await expect(page.getByRole('heading', { name: /welcome/i })).toBeVisible()
  })
})
