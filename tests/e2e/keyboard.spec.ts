import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectNoAxeViolations } from '../support/axe'
import { useMotoInSpecs } from '../support/e2eMoto'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { adminS3, seedAccount } from '../support/moto'

/**
 * Cubeta without a mouse: add a profile, open a bucket, upload with the file picker
 * (answering a conflict), copy a URL, rename and delete, only with Tab, arrows, Enter,
 * Escape and the shortcuts. After every dialog, however it closed, the focus is where
 * the user was: on the control that opened it, or on the grid whose row it acted on.
 */
const moto = useMotoInSpecs()
let app: BrowserModeApp
const bucket = 'teclado'
test.beforeEach(async () => {
  app = await startBrowserMode(moto.endpoint)
})
test.afterEach(async () => app.stop())
test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

const readClipboard = (page: Page) => page.evaluate(() => (navigator as unknown as { clipboard: { readText(): Promise<string> } }).clipboard.readText())

/** Tab (or Shift+Tab) until the target has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { back = false, most = 60 } = {}) {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement).catch(() => false)) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Tab never reached ${target}`)
}

const keysOf = async () => (await adminS3(moto.endpoint).send(new ListObjectsV2Command({ Bucket: bucket }))).Contents?.map((o) => o.Key).sort() ?? []

test('add a profile, open a bucket, upload, copy a URL, rename and delete, all from the keyboard', async ({ page }) => {
  const keys = await seedAccount(moto.endpoint, [{ name: bucket, region: 'us-east-1' }])
  await adminS3(moto.endpoint).send(new PutObjectCommand({ Bucket: bucket, Key: 'notas.txt', Body: 'antes' }))
  const folder = await mkdtemp(join(tmpdir(), 'cubeta-keys-'))
  await writeFile(join(folder, 'notas.txt'), 'después')

  // 1. Add a profile. Escape first: the dialog gives the focus back to its button.
  await page.goto(app.url)
  const addProfile = page.getByRole('button', { name: 'Add a profile' })
  await tabTo(page, addProfile)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Add profile' })
  await expect(dialog.getByLabel('Profile name')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(addProfile).toBeFocused()
  await page.keyboard.press('Enter')
  await page.keyboard.type('Teclado')
  await page.keyboard.press('Tab')
  await expect(dialog.getByLabel('Access key ID')).toBeFocused()
  await page.keyboard.type(keys.accessKeyId)
  await page.keyboard.press('Tab')
  await page.keyboard.type(keys.secretAccessKey)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('table', { name: 'Buckets' })).toBeVisible()
  // The welcome screen and its button are gone: the focus is on the new profile.
  await expect(page.getByRole('list', { name: 'Profiles' }).getByRole('button', { name: /Teclado/ })).toBeFocused()

  // 2. Open the bucket from the table; the grid takes the focus.
  await tabTo(page, page.getByRole('table', { name: 'Buckets' }).getByRole('button', { name: bucket, exact: true }))
  await page.keyboard.press('Enter')
  const grid = page.getByRole('grid', { name: 'Objects' })
  await expect(grid.getByRole('row', { name: 'notas.txt' })).toBeVisible()
  await expect(grid).toBeFocused()

  // 3. Upload with the picker; the file exists, so the conflict dialog asks, on Skip.
  const uploadFiles = page.getByRole('button', { name: 'Upload files' })
  await tabTo(page, uploadFiles, { back: true })
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('Enter')
  await (await chooser).setFiles(join(folder, 'notas.txt'))
  const conflict = page.getByRole('dialog', { name: '“notas.txt” already exists' })
  await expect(conflict.getByRole('button', { name: 'Skip' })).toBeFocused()
  await expectNoAxeViolations(page, 'the upload conflict dialog')
  await page.keyboard.press('Tab')
  await expect(conflict.getByRole('button', { name: 'Keep both' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(conflict).toBeHidden()
  await expect(uploadFiles).toBeFocused()
  // The panel says where the upload went, and the name the file was stored as.
  const panel = page.getByRole('region', { name: 'Transfers' })
  const batch = panel.getByRole('list', { name: `To ${bucket}/ · profile Teclado` })
  await expect(batch.getByText('notas (1).txt', { exact: true })).toBeVisible({ timeout: 30_000 })
  await expect(batch).toContainText('renamed from notas.txt, which was already there')
  await expect(panel.getByRole('status').filter({ hasText: `Upload to ${bucket} finished: 1 file uploaded.` })).toBeAttached()
  await expect.poll(keysOf).toEqual(['notas (1).txt', 'notas.txt'])

  // 4. Copy a URL: Ctrl+C on the row, then the row's own button through →, Enter, ←.
  await tabTo(page, grid)
  await expect(grid.getByRole('row', { name: 'notas (1).txt' })).toBeVisible()
  const urlOf = (name: string) => `${moto.endpoint}/${bucket}/${encodeURIComponent(name)}`
  await page.keyboard.press('Home')
  const first = (await grid.getByRole('row', { selected: true }).getAttribute('aria-label'))!
  const second = first === 'notas.txt' ? 'notas (1).txt' : 'notas.txt'
  await page.keyboard.press('Control+c')
  await expect.poll(() => readClipboard(page)).toBe(urlOf(first))
  await page.keyboard.press('ArrowDown')
  await expect(grid.getByRole('row', { name: second })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowRight')
  await expect(grid.getByRole('button', { name: `Copy URL of ${second}` })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect.poll(() => readClipboard(page)).toBe(urlOf(second))
  await page.keyboard.press('ArrowLeft')
  await expect(grid).toBeFocused()

  // "Copy as…" from the keyboard: the disabled item says why in its name; Escape returns.
  const copyAs = page.getByRole('button', { name: 'Copy as…' })
  await tabTo(page, copyAs, { back: true })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('menuitem', { name: 'Public URL' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: /^Custom base URL Add a public base URL/ })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(copyAs).toBeFocused()

  // 5. Rename with F2 (the original notas.txt): the name is selected, Enter saves, the grid has the focus again.
  await tabTo(page, grid)
  if (second !== 'notas.txt') await page.keyboard.press('ArrowUp')
  await expect(grid.getByRole('row', { name: 'notas.txt' })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('F2')
  const rename = page.getByRole('dialog', { name: 'Rename or move' })
  await expect(rename.getByLabel('New name or path')).toBeFocused()
  await page.keyboard.type('apuntes.txt')
  await page.keyboard.press('Enter')
  await expect(rename).toBeHidden()
  await expect(grid.getByRole('row', { name: 'apuntes.txt' })).toHaveAttribute('aria-selected', 'true')
  await expect(grid).toBeFocused()
  await expect.poll(keysOf).toEqual(['apuntes.txt', 'notas (1).txt'])

  // 6. Delete: Cancel has the focus; Escape keeps the file; then Delete for real.
  await page.keyboard.press('Delete')
  const confirm = page.getByRole('dialog', { name: 'Delete “apuntes.txt”?' })
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(confirm).toBeHidden()
  await expect(grid).toBeFocused()
  await page.keyboard.press('Delete')
  await page.keyboard.press('Tab')
  await expect(confirm.getByRole('button', { name: 'Delete' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(grid.getByRole('row', { name: 'apuntes.txt' })).toBeHidden()
  await expect(grid).toBeFocused()
  expect(await keysOf()).toEqual(['notas (1).txt'])

  // A toolbar dialog closed with Cancel gives the focus back to its button.
  const newFolder = page.getByRole('button', { name: 'New folder' })
  await tabTo(page, newFolder, { back: true })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: 'New folder' }).getByLabel('Folder name')).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(newFolder).toBeFocused()
})
