import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3'
import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations } from '../support/axe'
import { useAppInSpecs } from '../support/e2eMoto'
import { addProfileThroughUi } from '../support/e2eSteps'
import { adminS3, seedAccount } from '../support/moto'
import { seededBytes } from '../support/seededBytes'

/**
 * Sync a folder up from the browser, as a person does: the page's folder picker, the
 * preview, the run in the transfer panel; then two files change and only those two go.
 * What the preview listed is checked against the bucket's own listing and bytes.
 */
const cubeta = useAppInSpecs('sync')
const bucket = 'sitio-django'
const region = 'eu-west-1'

const s3 = () => adminS3(cubeta.endpoint, region)
const bucketKeys = async (prefix: string) => ((await s3().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!).sort()
const objectBytes = async (key: string) => Buffer.from(await (await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray())
/** The names in one of the preview's lists, once it shows `count` of them (the comparison takes a moment). */
const listed = async (list: ReturnType<Page['getByRole']>, count: number) => {
  await expect(list.getByRole('listitem')).toHaveCount(count)
  return (await list.getByRole('listitem').locator('.sync-category__path').allTextContents()).sort()
}

async function chooseFolder(page: Page, button: ReturnType<Page['getByRole']>, folder: string) {
  const chooser = page.waitForEvent('filechooser')
  await button.click()
  await (await chooser).setFiles(folder)
}

test('sync a folder up with a preview; change two files and only those two are sent', async ({ page }) => {
  const keys = await seedAccount(cubeta.endpoint, [{ name: bucket, region }])
  const root = await mkdtemp(join(tmpdir(), 'cubeta-e2e-sync-'))
  const folder = join(root, 'sitio')
  const files: Record<string, Buffer> = {
    'index.html': Buffer.from('<h1>Hola</h1>'),
    'css/app.3f9a2c.css': Buffer.from('body{margin:0}'),
    'img/logo.png': seededBytes('logo', 4000),
    'leeme.txt': Buffer.from('hola'),
    'fotos/año niño.txt': Buffer.from('ñandú'),
  }
  for (const [path, body] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true })
    await writeFile(join(folder, path), body)
  }

  await page.goto(cubeta.app.url)
  await addProfileThroughUi(page, keys, { region })
  await page.getByRole('table', { name: 'Buckets' }).getByRole('button', { name: bucket, exact: true }).click()
  const opener = page.getByRole('button', { name: 'Sync folder…' })
  await opener.click()
  const setup = page.getByRole('dialog', { name: 'Sync a folder' })
  await expect(setup.getByRole('radio', { name: 'Upload: local folder → bucket' })).toBeChecked()
  await expect(setup.getByRole('radio', { name: /Exact/ })).toBeDisabled()
  await setup.getByLabel('Bucket folder').fill('static')
  await chooseFolder(page, setup.getByRole('button', { name: 'Choose folder…' }), folder)
  await expect(setup.getByRole('status').filter({ hasText: 'sitio (5 files)' })).toBeVisible()
  await page.screenshot({ path: 'test-results/sync/setup-en.png' })
  await expectNoAxeViolations(page, 'the sync dialog')
  await setup.getByRole('button', { name: 'Compare' }).click()

  const preview = page.getByRole('dialog', { name: 'What this sync will do' })
  const toUpload = preview.getByRole('list', { name: 'To upload' })
  const previewed = await listed(toUpload, 5)
  expect(previewed).toEqual(Object.keys(files).sort())
  await expect(preview.getByRole('heading', { name: /To upload/ })).toContainText('5 files')
  await page.screenshot({ path: 'test-results/sync/preview-first-en.png' })
  await expectNoAxeViolations(page, 'the sync preview')
  await preview.getByRole('button', { name: 'Sync 5 files' }).click()
  await expect(preview).toBeHidden()
  // The dialog hands the focus back to the button that opened it.
  await expect(opener).toBeFocused()

  const panel = page.getByRole('region', { name: 'Transfers' })
  await expect(panel).toContainText('5 files · 5 done', { timeout: 30_000 })
  const runs = panel.getByRole('list', { name: 'Syncs' })
  await expect(runs.getByRole('listitem')).toContainText('Finished')
  // The sync's uploads are an ordinary batch of the queue, headed by where they went.
  await expect(panel.getByRole('list', { name: new RegExp(`^To ${bucket}/static/`) }).getByRole('listitem')).toHaveCount(5)
  await page.screenshot({ path: 'test-results/sync/first-run-en.png' })
  await expectNoAxeViolations(page, 'the transfer panel with a finished sync')
  // What the preview promised is what the bucket now holds, byte for byte.
  expect(await bucketKeys('static/')).toEqual(previewed.map((p) => `static/${p}`))
  for (const [path, body] of Object.entries(files)) expect((await objectBytes(`static/${path}`)).equals(body)).toBe(true)

  // Two files change: one grows, one keeps its size with new bytes. Dated ahead of the
  // upload so the quick rule (size and modified time, all the page can know) sees both.
  const changed = { 'leeme.txt': Buffer.from('hola, mundo'), 'img/logo.png': seededBytes('logo v2', 4000) }
  const later = new Date(Date.now() + 120_000)
  for (const [path, body] of Object.entries(changed)) {
    await writeFile(join(folder, path), body)
    await utimes(join(folder, path), later, later)
  }
  await panel.getByRole('button', { name: 'Clear finished' }).click()
  await runs.getByRole('button', { name: /Remove the finished sync/ }).click()

  await opener.click()
  const again = page.getByRole('dialog', { name: 'Sync a folder' })
  await chooseFolder(page, again.getByRole('button', { name: `Compare again: sitio and ${bucket}/static/` }), folder)
  const second = page.getByRole('dialog', { name: 'What this sync will do' })
  const secondUpload = second.getByRole('list', { name: 'To upload' })
  expect(await listed(secondUpload, 2)).toEqual(Object.keys(changed).sort())
  await expect(second.getByRole('heading', { name: /Left alone/ })).toContainText('3 files')
  await page.screenshot({ path: 'test-results/sync/preview-second-en.png' })
  await second.getByRole('button', { name: 'Sync 2 files' }).click()
  await expect(opener).toBeFocused()

  await expect(panel).toContainText('2 files · 2 done', { timeout: 30_000 })
  const sent = (await panel.getByRole('list', { name: 'Transfers' }).locator('.transfer__name').allTextContents()).sort()
  expect(sent).toEqual(Object.keys(changed).sort())
  for (const [path, body] of Object.entries({ ...files, ...changed })) expect((await objectBytes(`static/${path}`)).equals(body)).toBe(true)
  const pairs = JSON.parse(await (await import('node:fs/promises')).readFile(join(cubeta.app.dataDir, 'sync-pairs.json'), 'utf8')) as { pairs: { lastRun: { uploaded: number } }[] }
  expect(pairs.pairs.map((p) => p.lastRun.uploaded)).toEqual([2])
})

test('the sync dialog and its preview in Spanish, from the keyboard, with deletes kept until ticked and confirmed', async ({ page }) => {
  const keys = await seedAccount(cubeta.endpoint, [{ name: bucket, region }])
  const { PutObjectCommand } = await import('@aws-sdk/client-s3')
  await s3().send(new PutObjectCommand({ Bucket: bucket, Key: 'static/viejo.css', Body: 'old' }))
  const folder = join(await mkdtemp(join(tmpdir(), 'cubeta-e2e-sync-')), 'estáticos')
  await mkdir(folder, { recursive: true })
  await writeFile(join(folder, 'nuevo.css'), 'new')

  await page.goto(cubeta.app.url)
  await addProfileThroughUi(page, keys, { region })
  await page.getByRole('combobox', { name: /Language|Idioma/ }).selectOption('es')
  await page.getByRole('table', { name: /Buckets/ }).getByRole('button', { name: bucket, exact: true }).click()
  const opener = page.getByRole('button', { name: 'Sincronizar carpeta…' })
  await opener.focus()
  await page.keyboard.press('Enter')
  const setup = page.getByRole('dialog', { name: 'Sincronizar una carpeta' })
  await setup.getByLabel('Carpeta del bucket').fill('static/')
  const chooser = page.waitForEvent('filechooser')
  await setup.getByRole('button', { name: 'Elegir carpeta…' }).focus()
  await page.keyboard.press('Enter')
  await (await chooser).setFiles(folder)
  await expect(setup.getByRole('status').filter({ hasText: 'estáticos (1 archivo)' })).toBeVisible()
  await page.screenshot({ path: 'test-results/sync/setup-es.png' })
  // Enter in the form compares.
  await setup.getByLabel('Carpeta del bucket').press('Enter')

  const preview = page.getByRole('dialog', { name: 'Lo que hará esta sincronización' })
  expect(await listed(preview.getByRole('list', { name: 'Para subir' }), 1)).toEqual(['nuevo.css'])
  expect(await listed(preview.getByRole('list', { name: 'Solo en el bucket' }), 1)).toEqual(['viejo.css'])
  await expect(preview.getByRole('button', { name: 'Sincronizar 1 archivo' })).toBeEnabled()
  const alsoDelete = preview.getByRole('checkbox', { name: /Eliminar también/ })
  await expect(alsoDelete).not.toBeChecked()
  await alsoDelete.focus()
  await page.keyboard.press('Space')
  await expect(alsoDelete).toBeChecked()
  await page.screenshot({ path: 'test-results/sync/preview-es.png' })
  await expectNoAxeViolations(page, 'the sync preview in Spanish, deletes ticked')
  // Ticked, the run asks once more, naming the file; Back (focused) keeps everything.
  await preview.getByRole('button', { name: 'Sincronizar 2 archivos' }).click()
  const confirm = page.getByRole('dialog', { name: '¿Eliminar archivos en esta sincronización?' })
  await expect(confirm.getByRole('list')).toContainText('viejo.css')
  await expect(confirm.getByRole('button', { name: 'Atrás' })).toBeFocused()
  await page.screenshot({ path: 'test-results/sync/confirm-es.png' })
  await expectNoAxeViolations(page, 'the confirmation before a sync deletes')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Lo que hará esta sincronización' })).toBeVisible()
  expect(await bucketKeys('static/')).toEqual(['static/viejo.css'])
  await page.getByRole('button', { name: 'Sincronizar 2 archivos' }).focus()
  await page.keyboard.press('Enter')
  await expect(confirm.getByRole('button', { name: 'Atrás' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(confirm.getByRole('button', { name: 'Eliminar 1 archivo y sincronizar' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(opener).toBeFocused()
  const panel = page.getByRole('region', { name: 'Transferencias' })
  await expect(panel.getByRole('list', { name: 'Sincronizaciones' })).toContainText('Terminada', { timeout: 30_000 })
  await page.screenshot({ path: 'test-results/sync/run-es.png' })
  expect(await bucketKeys('static/')).toEqual(['static/nuevo.css'])
})
