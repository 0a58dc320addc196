import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ListObjectsV2Command, PutBucketPolicyCommand } from '@aws-sdk/client-s3'
import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations } from '../support/axe'
import { useMotoInSpecs } from '../support/e2eMoto'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { addProfileThroughUi, folderAction, publicReadPolicy } from '../support/e2eSteps'
import { adminS3, seedAccount } from '../support/moto'

/**
 * Drag and drop from the desktop, for real: Chromium's DevTools drag events carry real
 * files and a real folder, so the page sees the same DataTransfer (with directory
 * entries) as when a person drops them. Then the queue finishes, a URL is copied from
 * the clipboard and its bytes are fetched back.
 */
const moto = useMotoInSpecs()
let app: BrowserModeApp
const bucket = 'drop-zone'
test.beforeEach(async () => {
  app = await startBrowserMode(moto.endpoint)
})
test.afterEach(async () => app.stop())
test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

async function desktopFiles() {
  const root = await mkdtemp(join(tmpdir(), 'cubeta-desktop-'))
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108020000009077' + '53de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082', 'hex')
  await writeFile(join(root, 'foto niño+1 #2.png'), png)
  await writeFile(join(root, 'notas.txt'), 'hola')
  await mkdir(join(root, 'static', 'css'), { recursive: true })
  await writeFile(join(root, 'static', 'css', 'site.css'), 'body{}')
  await writeFile(join(root, 'static', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  return { root, png, paths: [join(root, 'foto niño+1 #2.png'), join(root, 'notas.txt'), join(root, 'static')] }
}

async function dropFiles(page: Page, selector: ReturnType<Page['getByRole']>, files: string[]) {
  const box = await selector.boundingBox()
  if (!box) throw new Error('drop target not visible')
  const cdp = await page.context().newCDPSession(page)
  const data = { items: [], files, dragOperationsMask: 1 }
  const at = { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 120) }
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data })
}

test('drop two files and a folder, watch the queue finish, copy a URL and get the same bytes', async ({ page }) => {
  const keys = await seedAccount(moto.endpoint, [{ name: bucket, region: 'eu-west-1' }])
  await adminS3(moto.endpoint, 'eu-west-1').send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicReadPolicy(bucket) }))
  const desktop = await desktopFiles()

  await page.goto(app.url)
  await addProfileThroughUi(page, keys)
  await page.getByRole('table', { name: 'Buckets' }).getByRole('row').filter({ hasText: bucket }).click()
  const objects = page.getByRole('grid', { name: 'Objects' })
  await expect(objects).toBeVisible()

  await dropFiles(page, objects, desktop.paths)
  const panel = page.getByRole('region', { name: 'Transfers' })
  await expect(panel).toContainText('4 files · 4 done', { timeout: 30_000 })
  await page.screenshot({ path: 'test-results/uploads-done.png' })
  await expect(panel.getByRole('list', { name: `To ${bucket}/ · profile Mi proyecto Django` })).toBeVisible()
  await expect(panel.getByRole('status').filter({ hasText: `Upload to ${bucket} finished: 4 files uploaded.` })).toBeAttached()
  await expectNoAxeViolations(page, 'the transfer panel after an upload')

  const listed = (await adminS3(moto.endpoint, 'eu-west-1').send(new ListObjectsV2Command({ Bucket: bucket }))).Contents?.map((o) => o.Key).sort()
  expect(listed).toEqual(['foto niño+1 #2.png', 'notas.txt', 'static/css/site.css', 'static/logo.svg'])

  // The list refreshed: the new objects are there, ready to copy.
  const row = objects.getByRole('row').filter({ hasText: 'foto niño+1 #2.png' })
  await expect(row).toBeVisible()
  await row.getByRole('button', { name: /Copy URL/ }).click()
  // The URL is built in the main process, so the clipboard fills a moment after the click.
  const expected = `${moto.endpoint}/${bucket}/foto%20ni%C3%B1o%2B1%20%232.png`
  const readClipboard = () => page.evaluate(() => (navigator as unknown as { clipboard: { readText(): Promise<string> } }).clipboard.readText())
  await expect.poll(readClipboard).toBe(expected)
  const url = await readClipboard()
  const served = await fetch(url)
  expect(served.status).toBe(200)
  expect(served.headers.get('content-type')).toBe('image/png')
  expect(Buffer.from(await served.arrayBuffer()).equals(desktop.png)).toBe(true)
})

test('downloads an object through the browser, byte-exact', async ({ page }) => {
  const keys = await seedAccount(moto.endpoint, [{ name: bucket, region: 'eu-west-1' }])
  const body = Buffer.from('contenido de prueba ñ')
  const { PutObjectCommand } = await import('@aws-sdk/client-s3')
  await adminS3(moto.endpoint, 'eu-west-1').send(new PutObjectCommand({ Bucket: bucket, Key: 'docs/año 2024.txt', Body: body }))
  await page.goto(app.url)
  await addProfileThroughUi(page, keys)
  await page.getByRole('table', { name: 'Buckets' }).getByRole('row').filter({ hasText: bucket }).click()
  const objects = page.getByRole('grid', { name: 'Objects' })
  await objects.getByRole('row').filter({ hasText: 'docs/' }).dblclick()
  await objects.getByRole('row').filter({ hasText: 'año 2024.txt' }).click()
  const [download] = await Promise.all([page.waitForEvent('download'), folderAction(page, 'Download')])
  expect(download.suggestedFilename()).toBe('año 2024.txt')
  const { readFile } = await import('node:fs/promises')
  expect((await readFile((await download.path())!)).equals(body)).toBe(true)
})

test('a dropped folder of 300 files: the panel holds only the rows in view, and scrolling shows the rest', async ({ page }) => {
  const keys = await seedAccount(moto.endpoint, [{ name: bucket, region: 'eu-west-1' }])
  const root = await mkdtemp(join(tmpdir(), 'cubeta-many-'))
  await mkdir(join(root, 'many'))
  for (let i = 0; i < 300; i++) await writeFile(join(root, 'many', `file-${String(i).padStart(3, '0')}.txt`), `file ${i}`)

  await page.goto(app.url)
  await addProfileThroughUi(page, keys)
  await page.getByRole('table', { name: 'Buckets' }).getByRole('row').filter({ hasText: bucket }).click()
  const objects = page.getByRole('grid', { name: 'Objects' })
  await expect(objects).toBeVisible()
  await dropFiles(page, objects, [join(root, 'many')])
  const panel = page.getByRole('region', { name: 'Transfers' })
  await expect(panel).toContainText('300 files · 300 done', { timeout: 120_000 })

  const files = panel.getByRole('list', { name: `To ${bucket}/ · profile Mi proyecto Django` })
  const rows = files.getByRole('listitem')
  // Virtualised: a few dozen rows in the page, not 300.
  expect(await rows.count()).toBeLessThan(60)
  const firstShown = await rows.first().locator('.transfer__name').textContent()
  await panel.getByRole('list', { name: 'Transfers' }).evaluate((list) => list.scrollTo({ top: list.scrollHeight }))
  await expect(rows.filter({ hasText: firstShown! })).toHaveCount(0)
  // The rows at the end were fetched for the window and show their files, done.
  await expect(rows.last()).toContainText('Done')
  expect(await rows.count()).toBeLessThan(60)
  await page.screenshot({ path: 'test-results/uploads-many-scrolled.png' })
  await expectNoAxeViolations(page, 'the transfer panel scrolled to the end of a long queue')
})
