import { mkdir } from 'node:fs/promises'
import { GetObjectTaggingCommand, HeadObjectCommand, ListObjectsV2Command, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { useMotoInSpecs } from '../support/e2eMoto'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { addProfileThroughUi, folderAction, publicReadPolicy } from '../support/e2eSteps'
import { expectNoAxeViolations } from '../support/axe'
import { adminS3, seedAccount } from '../support/moto'

/**
 * The file browser, as a user drives it in browser mode against moto: open a bucket,
 * walk into a folder and back by the breadcrumbs, copy the URL of an awkward key and
 * fetch it, create a folder and delete it. axe checks every screen and dialog on the
 * way, in the light and the dark theme. Screenshots go to test-results/browser/.
 */
// axe checks each screen twice (light and dark): the journeys take longer than the default minute.
test.describe.configure({ timeout: 150_000 })
const moto = useMotoInSpecs()
let app: BrowserModeApp
const bucket = 'media-django'
const region = 'eu-west-1'
const oddKey = 'año 2024/foto niño+1 #2.png'
const png = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082',
  'hex',
)

test.beforeAll(async () => {
  await mkdir('test-results/browser', { recursive: true })
})
test.beforeEach(async () => {
  app = await startBrowserMode(moto.endpoint)
})
test.afterEach(async () => app.stop())
test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

const readClipboard = (page: Page) => page.evaluate(() => (navigator as unknown as { clipboard: { readText(): Promise<string> } }).clipboard.readText())
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/browser/${name}.png` })

/** A bucket with a folder of odd names, a nested folder and a few files at the top. */
async function seedBucket() {
  const keys = await seedAccount(moto.endpoint, [{ name: bucket, region }])
  const s3 = adminS3(moto.endpoint, region)
  const objects: [string, Buffer | string, string?][] = [
    [oddKey, png, 'image/png'],
    ['año 2024/notas.txt', 'hola'],
    ['año 2024/viaje/playa.jpg', 'jpg'],
    ['docs/informe final.pdf', 'pdf'],
    ['README.md', '# hola'],
    ['b.txt', 'b'],
  ]
  for (const [key, body, type] of objects) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ...(type ? { ContentType: type } : {}) }))
  return keys
}

async function openBucket(page: Page, keys: Awaited<ReturnType<typeof seedAccount>>) {
  await page.goto(app.url)
  await addProfileThroughUi(page, keys, { region })
  await page.getByRole('table', { name: 'Buckets' }).getByRole('row').filter({ hasText: bucket }).click()
  const grid = page.getByRole('grid', { name: 'Objects' })
  await expect(grid.getByRole('row', { name: 'README.md' })).toBeVisible()
  return grid
}

test('walks into a folder and back by the breadcrumbs, Back and the keyboard', async ({ page }) => {
  const grid = await openBucket(page, await seedBucket())
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' })
  await expect(crumbs.getByText(bucket)).toHaveAttribute('aria-current', 'page')
  // Folders first, then files, by name.
  const names = await grid.getByRole('row').evaluateAll((rows) => rows.slice(1).map((row) => row.getAttribute('aria-label')))
  expect(names).toEqual(['año 2024/', 'docs/', 'b.txt', 'README.md'])
  await expect(page.getByRole('status').filter({ hasText: '4 items' })).toBeVisible()

  await grid.getByRole('row', { name: 'año 2024/' }).dblclick()
  await expect(crumbs.getByText('año 2024')).toHaveAttribute('aria-current', 'page')
  await grid.getByRole('row', { name: 'viaje/' }).getByRole('button', { name: 'viaje/' }).click()
  await expect(grid.getByRole('row', { name: 'playa.jpg' })).toBeVisible()
  await expect(crumbs.getByRole('listitem')).toHaveText([bucket, 'año 2024', 'viaje'])
  await shot(page, 'en-nested')
  await expectNoAxeViolations(page, 'a nested folder')

  await crumbs.getByRole('button', { name: 'año 2024' }).click()
  await expect(grid.getByRole('row', { name: 'notas.txt' })).toBeVisible()
  await page.getByRole('button', { name: 'Back', exact: true }).click()
  await expect(grid.getByRole('row', { name: 'playa.jpg' })).toBeVisible()
  // Backspace goes up from the grid; the sort header flips the order with aria-sort.
  await grid.focus()
  await page.keyboard.press('Backspace')
  await expect(grid.getByRole('row', { name: 'notas.txt' })).toBeVisible()
  await crumbs.getByRole('button', { name: bucket }).click()
  await expect(grid.getByRole('row', { name: 'docs/' })).toBeVisible()
  const nameHeader = grid.getByRole('columnheader', { name: 'Name' })
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending')
  await nameHeader.getByRole('button').click()
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending')
  await expect(grid.getByRole('row').nth(1)).toHaveAccessibleName('docs/')
  await page.getByRole('textbox', { name: 'Filter' }).fill('read')
  await expect(grid.getByRole('row')).toHaveCount(2)
  await expect(grid.getByRole('row', { name: 'README.md' })).toBeVisible()
})

test('copies the URL of an awkward key, and that URL serves the same bytes', async ({ page }) => {
  const keys = await seedBucket()
  await adminS3(moto.endpoint, region).send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicReadPolicy(bucket) }))
  const grid = await openBucket(page, keys)
  await grid.getByRole('row', { name: 'año 2024/' }).dblclick()
  const row = grid.getByRole('row', { name: 'foto niño+1 #2.png' })
  await row.click()
  await expect(row).toHaveAttribute('aria-selected', 'true')
  await page.getByRole('button', { name: 'Copy URL', exact: true }).click()

  const expected = `${moto.endpoint}/${bucket}/a%C3%B1o%202024/foto%20ni%C3%B1o%2B1%20%232.png`
  const toast = page.getByRole('status').filter({ hasText: 'URL copied' })
  await expect(toast).toBeVisible()
  await expect(toast.getByTitle(expected)).toBeVisible()
  expect(await readClipboard(page)).toBe(expected)
  await shot(page, 'en-copied')
  const served = await fetch(expected)
  expect(served.status).toBe(200)
  expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true)

  // The row's own button, and several rows at once: one line per key.
  await grid.getByRole('row', { name: 'notas.txt' }).getByRole('button', { name: 'Copy URL of notas.txt' }).click()
  await expect.poll(() => readClipboard(page)).toBe(`${moto.endpoint}/${bucket}/a%C3%B1o%202024/notas.txt`)
  await grid.focus()
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Control+c')
  await expect.poll(() => readClipboard(page)).toBe([expected, `${moto.endpoint}/${bucket}/a%C3%B1o%202024/notas.txt`].join('\n'))

  // Is it public? The URL doctor says it works: the bucket policy lets anyone read.
  await row.click()
  await folderAction(page, 'Check URL')
  await expect(page.getByRole('dialog').getByText('The URL works: a visitor’s browser shows the file.')).toBeVisible()
  await expectNoAxeViolations(page, 'the URL doctor dialog')
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()

  // Custom base URL is offered only once the profile has one.
  await page.getByRole('button', { name: 'Copy as…' }).click()
  // Disabled, and its name says why, so a screen reader hears the hint with it.
  await expect(page.getByRole('menuitem', { name: 'Custom base URL' })).toHaveAttribute('aria-disabled', 'true')
  await expect(page.getByRole('menuitem', { name: 'Custom base URL' })).toHaveAccessibleName(/Custom base URL.*public base URL.*Edit profile/)
  await expectNoAxeViolations(page, 'the Copy as… menu')
  await page.getByRole('menuitem', { name: 'Markdown' }).click()
  await expect.poll(() => readClipboard(page)).toBe(`![foto niño+1 #2.png](${expected})`)

  // A CDN in front of the bucket: Edit profile → Public base URL, then copy under it.
  await page.getByRole('button', { name: 'All buckets' }).click()
  await page.getByRole('button', { name: 'Edit profile' }).click()
  await page.getByLabel('Public base URL (optional)').fill('https://d111.cloudfront.net/media')
  await shot(page, 'en-edit-profile')
  await expectNoAxeViolations(page, 'the Edit profile dialog')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await page.getByRole('table', { name: 'Buckets' }).getByRole('button', { name: bucket, exact: true }).click()
  await grid.getByRole('row', { name: 'año 2024/' }).dblclick()
  await grid.getByRole('row', { name: 'foto niño+1 #2.png' }).click({ button: 'right' })
  await expectNoAxeViolations(page, 'the row context menu')
  await page.getByRole('menuitem', { name: 'Copy as Custom base URL' }).click()
  await expect.poll(() => readClipboard(page)).toBe('https://d111.cloudfront.net/media/a%C3%B1o%202024/foto%20ni%C3%B1o%2B1%20%232.png')
})

test('creates a folder, then deletes it after a confirmation', async ({ page }) => {
  const grid = await openBucket(page, await seedBucket())
  await page.getByRole('button', { name: 'New folder' }).click()
  const dialog = page.getByRole('dialog', { name: 'New folder' })
  await dialog.getByLabel('Folder name').fill('a/b')
  await dialog.getByRole('button', { name: 'Create folder' }).click()
  await expect(dialog.getByText('A folder name cannot contain “/”.')).toBeVisible()
  await expectNoAxeViolations(page, 'the New folder dialog with a problem')
  await dialog.getByLabel('Folder name').fill('nueva carpeta+1')
  await dialog.getByRole('button', { name: 'Create folder' }).click()
  const created = grid.getByRole('row', { name: 'nueva carpeta+1/' })
  await expect(created).toHaveAttribute('aria-selected', 'true')
  const listKeys = async () => (await adminS3(moto.endpoint, region).send(new ListObjectsV2Command({ Bucket: bucket }))).Contents?.map((o) => o.Key ?? '') ?? []
  expect(await listKeys()).toContain('nueva carpeta+1/')

  // Delete asks first, naming what goes; Cancel is the default.
  await grid.focus()
  await page.keyboard.press('Delete')
  const confirm = page.getByRole('dialog', { name: 'Delete “nueva carpeta+1”?' })
  await expect(confirm).toContainText('The folder is deleted with everything in it.')
  await shot(page, 'en-delete')
  await expectNoAxeViolations(page, 'the Delete confirmation')
  await page.keyboard.press('Enter')
  await expect(confirm).toBeHidden()
  await expect(created).toBeVisible()

  // Two items at once: a folder with files in it, and a file.
  await grid.getByRole('row', { name: 'docs/' }).click()
  await grid.getByRole('row', { name: 'b.txt' }).click({ modifiers: ['Control'] })
  await folderAction(page, 'Delete')
  const many = page.getByRole('dialog', { name: 'Delete 2 items?' })
  await many.getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Deleted 2 objects' })).toBeVisible()
  await expect(grid.getByRole('row', { name: 'docs/' })).toBeHidden()
  await expect(grid.getByRole('row', { name: 'b.txt' })).toBeHidden()
  expect((await listKeys()).filter((key) => key.startsWith('docs/') || key === 'b.txt')).toEqual([])

  await created.click()
  await folderAction(page, 'Delete')
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(created).toBeHidden()
  expect(await listKeys()).not.toContain('nueva carpeta+1/')
})

test('moves a file into a folder, shows its properties and preview, changes its headers, metadata, tags and storage class, and restores an archived file', async ({ page }) => {
  // The object tools' steps (issue 12) ride on this journey's setup, in both languages.
  test.setTimeout(240_000)
  const keys = await seedBucket()
  const s3 = adminS3(moto.endpoint, region)
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'año 2024/acta 2019.pdf', Body: 'acta', StorageClass: 'GLACIER' }))
  const grid = await openBucket(page, keys)
  await grid.getByRole('row', { name: 'README.md' }).click()
  await folderAction(page, 'Rename')
  const rename = page.getByRole('dialog', { name: 'Rename or move' })
  await expectNoAxeViolations(page, 'the Rename dialog')
  await rename.getByLabel('New name or path').fill('docs/léeme+1.md')
  await rename.getByRole('button', { name: 'Rename' }).click()
  await expect(rename).toBeHidden()
  await expect(grid.getByRole('row', { name: 'README.md' })).toBeHidden()
  // The moved file lives in docs/, whose row is now selected.
  await expect(grid.getByRole('row', { name: 'docs/' })).toHaveAttribute('aria-selected', 'true')
  await grid.focus()
  await page.keyboard.press('Enter')
  await expect(grid.getByRole('row', { name: 'léeme+1.md' })).toBeVisible()

  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('button', { name: bucket }).click()
  await grid.getByRole('row', { name: 'año 2024/' }).dblclick()
  await grid.getByRole('row', { name: 'foto niño+1 #2.png' }).dblclick()
  const panel = page.getByRole('complementary', { name: 'Properties' })
  await expect(panel).toContainText('image/png')
  await expect(panel.getByRole('img', { name: 'Preview of foto niño+1 #2.png' })).toHaveAttribute('src', /^data:image\/png;base64,/)

  await folderAction(page, 'Change headers')
  const headers = page.getByRole('dialog', { name: 'Change headers' })
  await expect(headers.getByLabel('Content-Type')).toHaveValue('image/png')
  // It opens on its first field, even while the current values are still being read.
  await expect(headers.getByLabel('Content-Type')).toBeFocused()
  await expectNoAxeViolations(page, 'the Change headers dialog over the properties panel')
  await headers.getByLabel('Cache-Control').fill('public, max-age=31536000')
  await headers.getByRole('button', { name: 'Save headers' }).click()
  await expect(headers).toBeHidden()
  await expect(panel).toContainText('public, max-age=31536000')
  await shot(page, 'en-properties')
  // The ETag's closing quote stays on one line with the end of the hash.
  const etagEnd = panel.getByText(/^[0-9a-f]{3}"$/)
  expect((await etagEnd.boundingBox())!.height).toBeLessThan(24)
  await objectToolSteps(page, grid, panel, s3)
})

/** Issue 12's object tools, on the file the journey above left open in "año 2024/". */
async function objectToolSteps(page: Page, englishGrid: Locator, panel: Locator, s3: ReturnType<typeof adminS3>) {
  let grid = englishGrid
  const head = (Key: string) => s3.send(new HeadObjectCommand({ Bucket: bucket, Key }))
  const tagsOf = async (Key: string) => (await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key }))).TagSet
  const rowMenu = async (row: string, item: string) => {
    await grid.getByRole('row', { name: row }).click({ button: 'right' })
    await page.getByRole('menu').getByRole('menuitem', { name: item }).click()
  }

  // User metadata, in the headers dialog: checked before sending, then copied in place keeping the rest.
  await folderAction(page, 'Change headers')
  const headers = page.getByRole('dialog', { name: 'Change headers' })
  await headers.getByRole('button', { name: 'Add metadata' }).click()
  await headers.getByLabel('Name of entry 1').fill('Autor')
  await headers.getByLabel('Value of entry 1').fill('José')
  await headers.getByRole('button', { name: 'Save headers' }).click()
  await expect(headers.getByText('Use plain ASCII characters only')).toBeVisible()
  await headers.getByLabel('Value of entry 1').fill('Jose')
  await expectNoAxeViolations(page, 'the headers dialog with user metadata')
  await headers.getByRole('button', { name: 'Save headers' }).click()
  await expect(headers).toBeHidden()
  await expect(panel).toContainText('autor')
  expect(await head(oddKey)).toMatchObject({ Metadata: { autor: 'Jose' }, ContentType: 'image/png', CacheControl: 'public, max-age=31536000' })

  // One file's tags.
  await rowMenu('foto niño+1 #2.png', 'Tags…')
  const tags = page.getByRole('dialog', { name: 'Tags of “foto niño+1 #2.png”' })
  await tags.getByRole('button', { name: 'Add tag' }).click()
  await tags.getByLabel('Key of tag 1').fill('aws:proyecto')
  await tags.getByLabel('Value of tag 1').fill('blog')
  await tags.getByRole('button', { name: 'Save tags' }).click()
  await expect(tags.getByText('reserved for AWS')).toBeVisible()
  await tags.getByLabel('Key of tag 1').fill('proyecto')
  await expectNoAxeViolations(page, 'the Tags dialog')
  await shot(page, 'en-tags')
  await tags.getByRole('button', { name: 'Save tags' }).click()
  await expect(tags).toBeHidden()
  expect(await tagsOf(oddKey)).toEqual([{ Key: 'proyecto', Value: 'blog' }])

  // One tag over a selection (a folder counts with what is in it), then its storage class.
  await grid.getByRole('row', { name: 'foto niño+1 #2.png' }).click()
  await grid.getByRole('row', { name: 'notas.txt' }).click({ modifiers: ['ControlOrMeta'] })
  await grid.getByRole('row', { name: 'viaje/' }).click({ modifiers: ['ControlOrMeta'] })
  await rowMenu('notas.txt', 'Tags…')
  const bulk = page.getByRole('dialog', { name: 'Tag 3 selected items' })
  await bulk.getByLabel('Key', { exact: true }).fill('estado')
  await bulk.getByLabel('Value', { exact: true }).fill('final')
  await expect(bulk).toContainText('Sets “estado” to “final” on every file')
  await expectNoAxeViolations(page, 'the tag-a-selection dialog')
  await shot(page, 'en-bulk-tags')
  await bulk.getByRole('button', { name: 'Apply to 3 selected items' }).click()
  const done = page.getByRole('dialog', { name: 'Done' })
  await expect(done).toContainText('Added to 3 files')
  await done.getByRole('button', { name: 'Close' }).click()
  expect(await tagsOf(oddKey)).toEqual([{ Key: 'proyecto', Value: 'blog' }, { Key: 'estado', Value: 'final' }])

  // The object tools are in the toolbar's "More" menu too, not only in the right-click menu.
  const storageFrom = await folderAction(page, 'Change storage class…')
  const storage = page.getByRole('dialog', { name: 'Storage class of 3 selected items' })
  await storage.getByLabel('New storage class').selectOption('ONEZONE_IA')
  await expect(storage).toContainText('keeping its headers, metadata and tags')
  await expectNoAxeViolations(page, 'the storage class dialog')
  await shot(page, 'en-storage-class')
  await storage.getByRole('button', { name: 'Change 3 selected items' }).click()
  await expect(done).toContainText('3 files changed')
  await done.getByRole('button', { name: 'Close' }).click()
  await expect(storageFrom).toBeFocused()
  expect(await head(oddKey)).toMatchObject({ StorageClass: 'ONEZONE_IA', Metadata: { autor: 'Jose' }, ContentType: 'image/png' })
  expect((await head('año 2024/viaje/playa.jpg')).StorageClass).toBe('ONEZONE_IA')
  expect(await tagsOf(oddKey)).toHaveLength(2)

  // An archived file: its state in the properties, a restore asked for, and the state after.
  await grid.getByRole('row', { name: 'acta 2019.pdf' }).click()
  await expect(panel).toContainText('Archived: restore it to read it')
  await rowMenu('acta 2019.pdf', 'Restore from archive…')
  const restore = page.getByRole('dialog', { name: 'Restore “acta 2019.pdf”' })
  await restore.getByLabel('Days to keep the restored copy').fill('3')
  await restore.getByLabel(/^Bulk/).check()
  await expectNoAxeViolations(page, 'the restore dialog')
  await shot(page, 'en-restore')
  await restore.getByRole('button', { name: 'Restore “acta 2019.pdf”' }).click()
  await expect(done).toContainText('Restore requested for 1 file')
  await done.getByRole('button', { name: 'Close' }).click()
  // moto finishes a restore at once; real S3 says "In progress" for hours first.
  await expect(panel).toContainText(/Ready until|In progress/)
  await shot(page, 'en-restore-state')

  // The same dialogs in Spanish; the colours were checked in both themes above, so one theme here.
  const spanishOnly = { themes: ['current' as const] }
  await page.getByRole('combobox', { name: /Language|Idioma/ }).selectOption('es')
  grid = page.getByRole('grid', { name: 'Objetos' })
  await rowMenu('acta 2019.pdf', 'Etiquetas…')
  const esTags = page.getByRole('dialog', { name: 'Etiquetas de “acta 2019.pdf”' })
  await esTags.getByRole('button', { name: 'Agregar etiqueta' }).click()
  await esTags.getByLabel('Clave de la etiqueta 1').fill('año')
  await expectNoAxeViolations(page, 'the Tags dialog, in Spanish', spanishOnly)
  await shot(page, 'es-tags')
  await esTags.getByRole('button', { name: 'Cancelar' }).click()
  await rowMenu('acta 2019.pdf', 'Cambiar clase de almacenamiento…')
  const esStorage = page.getByRole('dialog', { name: 'Clase de almacenamiento de “acta 2019.pdf”' })
  await expectNoAxeViolations(page, 'the storage class dialog, in Spanish', spanishOnly)
  await shot(page, 'es-storage-class')
  await esStorage.getByRole('button', { name: 'Cancelar' }).click()
  await folderAction(page, 'Restaurar del archivo…', { toolbar: 'Acciones de la carpeta', more: 'Más' })
  const esRestore = page.getByRole('dialog', { name: 'Restaurar “acta 2019.pdf”' })
  await expectNoAxeViolations(page, 'the restore dialog, in Spanish', spanishOnly)
  await shot(page, 'es-restore')
  await esRestore.getByRole('button', { name: 'Cancelar' }).click()
  await grid.getByRole('row', { name: 'notas.txt' }).click()
  await grid.getByRole('row', { name: 'foto niño+1 #2.png' }).click({ modifiers: ['ControlOrMeta'] })
  await rowMenu('notas.txt', 'Etiquetas…')
  const esBulk = page.getByRole('dialog', { name: 'Etiquetar 2 elementos seleccionados' })
  await expectNoAxeViolations(page, 'the tag-a-selection dialog, in Spanish', spanishOnly)
  await shot(page, 'es-bulk-tags')
  await esBulk.getByRole('button', { name: 'Cancelar' }).click()
  await grid.getByRole('row', { name: 'foto niño+1 #2.png' }).click()
  await folderAction(page, 'Cambiar encabezados', { toolbar: 'Acciones de la carpeta', more: 'Más' })
  const esHeaders = page.getByRole('dialog', { name: 'Cambiar encabezados' })
  await expect(esHeaders.getByLabel('Nombre de la entrada 1')).toHaveValue('autor')
  await expectNoAxeViolations(page, 'the headers dialog with metadata, in Spanish', spanishOnly)
  await shot(page, 'es-metadata')
  await esHeaders.getByRole('button', { name: 'Cancelar' }).click()
}

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' })
  test('names every control in Spanish, and the empty folder says so', async ({ page }) => {
    const keys = await seedAccount(moto.endpoint, [{ name: 'vacio', region }])
    await page.goto(app.url)
    await addProfileThroughUi(page, keys, { language: 'es', region: region, name: 'Personal' })
    await page.getByRole('table', { name: 'Buckets' }).getByRole('button', { name: 'vacio', exact: true }).click()
    await expect(page.getByRole('grid', { name: 'Objetos' })).toBeVisible()
    await expect(page.getByText('Esta carpeta está vacía')).toBeVisible()
    for (const name of ['Atrás', 'Carpeta superior', 'Actualizar', 'Nueva carpeta', 'Subir archivos', 'Copiar URL', 'Copiar como…']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible()
    }
    await expectNoAxeViolations(page, 'an empty folder, in Spanish')
    // What does not fit this window waits in "Más", with the same names.
    await page.getByRole('group', { name: 'Acciones de la carpeta' }).getByRole('button', { name: 'Más', exact: true }).click()
    const more = page.getByRole('menu', { name: 'Más acciones' })
    for (const name of ['Descargar', 'Renombrar', 'Cambiar encabezados', 'Revisar URL', 'Eliminar']) await expect(more.getByRole('menuitem', { name, exact: true })).toBeVisible()
    await expect(more.getByRole('menuitemcheckbox', { name: 'Propiedades' })).toHaveAttribute('aria-checked', 'false')
    await expectNoAxeViolations(page, 'the Más menu, in Spanish')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('navigation', { name: 'Ruta' })).toBeVisible()
    await expect(page.getByRole('textbox', { name: 'Filtrar' })).toBeVisible()
    await expect(page.getByRole('columnheader', { name: 'Última modificación' })).toBeVisible()
    await shot(page, 'es-empty')
  })
})
