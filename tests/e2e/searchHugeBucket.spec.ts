import { mkdir } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { expectNoAxeViolations } from '../support/axe'
import { addProfileThroughUi } from '../support/e2eSteps'
import { seedAccount } from '../support/moto'
import { startSeededMoto, type SeededMoto } from '../support/seededMoto'

/**
 * Find one file in a bucket of 100,000 keys, and open its folder with it selected
 *
 * Seeded like browserHugeFolder.spec.ts: moto's S3 backend is filled in-process before
 * it serves (PutObject over HTTP would take minutes), then everything is real HTTP.
 * The keys spread over 100 folders, so the one photo is nowhere near the top.
 */
const count = 100_000
const bucket = 'cien-mil'
let moto: SeededMoto
let endpoint: string
let app: BrowserModeApp

test.beforeAll(async () => {
  test.setTimeout(120_000)
  moto = await startSeededMoto({ bucket, region: 'us-east-1', count, keyPattern: 'media/{i % 100:02d}/archivo-{i:06d}.txt', extra: [{ key: 'media/07/vacaciones/Foto Playa Niño.jpg', body: 'jpeg bytes' }] })
  endpoint = moto.endpoint
  app = await startBrowserMode(endpoint)
  await mkdir('test-results/search', { recursive: true })
})
test.afterAll(async () => {
  await app?.stop()
  await moto?.stop()
})

test('search a 100,000-key bucket, open the result in its folder, in English and Spanish', async ({ page }) => {
  test.setTimeout(540_000)
  const keys = await seedAccount(endpoint, [])
  await page.goto(app.url)
  await addProfileThroughUi(page, keys, { region: 'us-east-1' })
  await page.getByRole('table', { name: 'Buckets' }).getByRole('button', { name: bucket, exact: true }).click()
  const search = page.getByRole('search', { name: 'Search the bucket' })
  await expect(search).toBeVisible()
  await expect(page.getByRole('group', { name: 'Bucket index' })).toContainText('No index yet')

  // Cold: the first search lists the bucket; the result shows up while that goes on.
  await search.getByLabel('Search', { exact: true }).fill('niño')
  await search.getByRole('button', { name: 'Search', exact: true }).click()
  const results = page.getByRole('grid', { name: 'Search results' })
  const hit = results.getByRole('row', { name: 'Foto Playa Niño.jpg' })
  await expect(hit).toBeVisible({ timeout: 200_000 })
  await expect(hit).toContainText('media/07/vacaciones/')
  await expect(page.getByRole('group', { name: 'Bucket index' })).toContainText(/Index of 100,001 keys/, { timeout: 420_000 })
  await expect(page.getByRole('status').filter({ hasText: /^1 result$/ })).toBeVisible()
  await page.screenshot({ path: 'test-results/search/search-result-en.png' })
  await expectNoAxeViolations(page, 'search results')

  // Warm: a glob over the index, answered from it.
  await search.getByLabel('Search', { exact: true }).fill('media/0*/**/*.jpg')
  await search.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(hit).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /^1 result$/ })).toBeVisible()

  // Enter opens the folder it is in, with it selected.
  await hit.click()
  await results.press('Enter')
  const folder = page.getByRole('grid', { name: 'Objects' })
  const selected = folder.getByRole('row', { name: 'Foto Playa Niño.jpg' })
  await expect(selected).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('nav.breadcrumbs')).toContainText('vacaciones')

  // The same in Spanish.
  await page.getByRole('combobox', { name: /Language|Idioma/ }).selectOption('es')
  await page.getByRole('search', { name: 'Buscar en el bucket' }).getByLabel('Buscar', { exact: true }).fill('playa')
  await page.getByRole('search', { name: 'Buscar en el bucket' }).getByRole('button', { name: 'Buscar', exact: true }).click()
  await expect(page.getByRole('grid', { name: 'Resultados de la búsqueda' }).getByRole('row', { name: 'Foto Playa Niño.jpg' })).toBeVisible()
  await expect(page.getByRole('group', { name: 'Índice del bucket' })).toContainText(/Índice de 100.001 claves/)
  await expectNoAxeViolations(page, 'search results, in Spanish')
  await page.screenshot({ path: 'test-results/search/search-result-es.png' })
})
