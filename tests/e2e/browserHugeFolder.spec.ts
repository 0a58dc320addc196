import { mkdir } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { addProfileThroughUi } from '../support/e2eSteps'
import { seedAccount } from '../support/moto'
import { startSeededMoto, type SeededMoto } from '../support/seededMoto'

/**
 * A folder of 100,000 keys: the first rows show while later pages are still arriving,
 * the grid knows the full count, and scrolling reaches the last key.
 *
 * Seeding: moto answers about 450 PutObject calls a second however many run in
 * parallel (measured: 5,000 in 10.8 s at 8 or 32 at once), so 100,000 over HTTP would
 * take almost 4 minutes. moto has no bulk write, so this file starts its own moto server
 * from moto's own Python and writes the keys into its S3 backend in-process before it
 * serves (about 2 s for 100,000), then talks to it over HTTP like every other test.
 * Listing them is then moto's real ListObjectsV2, 1,000 keys a page (~0.3 s a page).
 */
const count = 100_000
const bucket = 'big-bucket'
const keyOf = (i: number) => `huge/key-${String(i).padStart(6, '0')}.txt`

let moto: SeededMoto
let endpoint: string
let app: BrowserModeApp

test.beforeAll(async () => {
  test.setTimeout(120_000)
  moto = await startSeededMoto({ bucket, region: 'us-east-1', count, keyPattern: 'huge/key-{i:06d}.txt', extra: [{ key: 'leeme.txt', body: 'hola' }] })
  endpoint = moto.endpoint
  app = await startBrowserMode(endpoint)
  await mkdir('test-results/browser', { recursive: true })
})
test.afterAll(async () => {
  await app?.stop()
  await moto?.stop()
})

test('a folder of 100,000 keys streams in, stays virtual, and scrolls to the last key', async ({ page }) => {
  // Generous: 100 of moto's pages take half a minute alone, several minutes on a busy machine.
  test.setTimeout(480_000)
  const keys = await seedAccount(endpoint, [])
  await page.goto(app.url)
  await addProfileThroughUi(page, keys, { region: 'us-east-1' })
  await page.getByRole('table', { name: 'Buckets' }).getByRole('button', { name: bucket, exact: true }).click()
  const grid = page.getByRole('grid', { name: 'Objects' })
  await grid.getByRole('row', { name: 'huge/' }).dblclick()

  // The first rows, while the status still says more are coming.
  await expect(grid.getByRole('row', { name: 'key-000000.txt' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /Loading… [\d,]+ items so far/ })).toBeVisible()
  await page.screenshot({ path: 'test-results/browser/huge-first-rows.png' })

  // Everything arrives; the grid knows the full count but holds only the rows in view.
  await expect(page.getByRole('status').filter({ hasText: `${count.toLocaleString('en')} items` })).toBeVisible({ timeout: 420_000 })
  await expect(grid).toHaveAttribute('aria-rowcount', String(count + 1))
  expect(await grid.getByRole('row').count()).toBeLessThan(80)

  // Scrolled to the bottom, the last key is there, with its place in the list.
  await grid.locator('.object-grid__body').evaluate((el) => el.scrollTo(0, el.scrollHeight))
  const last = grid.getByRole('row', { name: keyOf(count - 1).slice('huge/'.length) })
  await expect(last).toBeVisible()
  await expect(last).toHaveAttribute('aria-rowindex', String(count + 1))
  await page.screenshot({ path: 'test-results/browser/huge-last-rows.png' })

  // The keyboard gets there too: Home, then End selects the last row.
  await grid.focus()
  await page.keyboard.press('Home')
  await expect(grid.getByRole('row', { name: 'key-000000.txt' })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('End')
  await expect(last).toHaveAttribute('aria-selected', 'true')

  // Filtering 100,000 loaded rows as you type.
  await page.getByRole('textbox', { name: 'Filter' }).fill('key-0999')
  await expect(page.getByRole('status').filter({ hasText: '100 match the filter' })).toBeVisible()
})
