import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { addProfileThroughUi } from '../support/e2eSteps'
import { seedAccount } from '../support/moto'
import { freePort, motoServerBinary } from '../support/motoProcess.mjs'

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

const seededMoto = String.raw`
import sys, threading
from moto.moto_server.threaded_moto_server import ThreadedMotoServer
from moto.s3.models import s3_backends
from moto.core import DEFAULT_ACCOUNT_ID
port, bucket, region, count = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
server.start()
backend = s3_backends[DEFAULT_ACCOUNT_ID]["aws"]
backend.create_bucket(bucket, region)
for i in range(count):
    backend.put_object(bucket, f"huge/key-{i:06d}.txt", b"")
backend.put_object(bucket, "leeme.txt", b"hola")
print("ready", flush=True)
threading.Event().wait()
`

let moto: ChildProcess
let endpoint: string
let app: BrowserModeApp

test.beforeAll(async () => {
  test.setTimeout(120_000)
  const port = await freePort()
  endpoint = `http://127.0.0.1:${port}`
  const python = join(dirname(motoServerBinary()), 'python')
  moto = spawn(python, ['-c', seededMoto, String(port), bucket, 'us-east-1', String(count)], {
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  moto.stderr?.on('data', (chunk) => (output += chunk))
  await new Promise<void>((resolve, reject) => {
    moto.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve())
    moto.once('exit', (code) => reject(new Error(`seeded moto exited with ${code}: ${output}`)))
  })
  app = await startBrowserMode(endpoint)
  await mkdir('test-results/browser', { recursive: true })
})
test.afterAll(async () => {
  await app?.stop()
  if (moto && moto.exitCode === null) {
    moto.kill('SIGTERM')
    await new Promise((r) => moto.once('exit', r))
  }
})

test('a folder of 100,000 keys streams in, stays virtual, and scrolls to the last key', async ({ page }) => {
  test.setTimeout(240_000)
  const keys = await seedAccount(endpoint, [])
  await page.goto(app.url)
  await addProfileThroughUi(page, keys, { region: 'us-east-1' })
  await page.getByRole('table', { name: 'Buckets' }).getByRole('button', { name: bucket }).click()
  const grid = page.getByRole('grid', { name: 'Objects' })
  await grid.getByRole('row', { name: 'huge/' }).dblclick()

  // The first rows, while the status still says more are coming.
  await expect(grid.getByRole('row', { name: 'key-000000.txt' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /Loading… [\d,]+ items so far/ })).toBeVisible()
  await page.screenshot({ path: 'test-results/browser/huge-first-rows.png' })

  // Everything arrives; the grid knows the full count but holds only the rows in view.
  await expect(page.getByRole('status').filter({ hasText: `${count.toLocaleString('en')} items` })).toBeVisible({ timeout: 200_000 })
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
