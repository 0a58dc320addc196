import { mkdir } from 'node:fs/promises'
import { ListObjectsV2Command, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { expect, test, type Page } from '@playwright/test'
import { useMotoInSpecs } from '../support/e2eMoto'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { addProfileThroughUi, publicReadPolicy } from '../support/e2eSteps'
import { adminS3, seedAccount } from '../support/moto'

/**
 * The file browser, as a user drives it in browser mode against moto: open a bucket,
 * walk into a folder and back by the breadcrumbs, copy the URL of an awkward key and
 * fetch it, create a folder and delete it. Screenshots go to test-results/browser/.
 */
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

  // Is it public? Yes: the bucket policy lets anyone read.
  await row.click()
  await page.getByRole('button', { name: 'Is this public?' }).click()
  await expect(page.getByRole('dialog').getByText('Anyone with the link can open it')).toBeVisible()
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()

  // Custom base URL is offered only once the profile has one.
  await page.getByRole('button', { name: 'Copy as…' }).click()
  await expect(page.getByRole('menuitem', { name: 'Custom base URL' })).toHaveAttribute('aria-disabled', 'true')
  await page.getByRole('menuitem', { name: 'Markdown' }).click()
  await expect.poll(() => readClipboard(page)).toBe(`![foto niño+1 #2.png](${expected})`)

  // A CDN in front of the bucket: Edit profile → Public base URL, then copy under it.
  await page.getByRole('button', { name: 'All buckets' }).click()
  await page.getByRole('button', { name: 'Edit profile' }).click()
  await page.getByLabel('Public base URL (optional)').fill('https://d111.cloudfront.net/media')
  await shot(page, 'en-edit-profile')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await page.getByRole('table', { name: 'Buckets' }).getByRole('button', { name: bucket }).click()
  await grid.getByRole('row', { name: 'año 2024/' }).dblclick()
  await grid.getByRole('row', { name: 'foto niño+1 #2.png' }).click({ button: 'right' })
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
  await page.keyboard.press('Enter')
  await expect(confirm).toBeHidden()
  await expect(created).toBeVisible()

  // Two items at once: a folder with files in it, and a file.
  await grid.getByRole('row', { name: 'docs/' }).click()
  await grid.getByRole('row', { name: 'b.txt' }).click({ modifiers: ['Control'] })
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  const many = page.getByRole('dialog', { name: 'Delete 2 items?' })
  await many.getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Deleted 2 objects' })).toBeVisible()
  await expect(grid.getByRole('row', { name: 'docs/' })).toBeHidden()
  await expect(grid.getByRole('row', { name: 'b.txt' })).toBeHidden()
  expect((await listKeys()).filter((key) => key.startsWith('docs/') || key === 'b.txt')).toEqual([])

  await created.click()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(created).toBeHidden()
  expect(await listKeys()).not.toContain('nueva carpeta+1/')
})

test('moves a file into a folder, shows its properties and preview, and changes its headers', async ({ page }) => {
  const grid = await openBucket(page, await seedBucket())
  await grid.getByRole('row', { name: 'README.md' }).click()
  await page.getByRole('button', { name: 'Rename' }).click()
  const rename = page.getByRole('dialog', { name: 'Rename or move' })
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

  await page.getByRole('button', { name: 'Change headers' }).click()
  const headers = page.getByRole('dialog', { name: 'Change headers' })
  await expect(headers.getByLabel('Content-Type')).toHaveValue('image/png')
  await headers.getByLabel('Cache-Control').fill('public, max-age=31536000')
  await headers.getByRole('button', { name: 'Save headers' }).click()
  await expect(headers).toBeHidden()
  await expect(panel).toContainText('public, max-age=31536000')
  await shot(page, 'en-properties')
})

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' })
  test('names every control in Spanish, and the empty folder says so', async ({ page }) => {
    const keys = await seedAccount(moto.endpoint, [{ name: 'vacio', region }])
    await page.goto(app.url)
    await page.getByRole('button', { name: 'Añadir un perfil' }).click()
    await page.getByLabel('Nombre del perfil').fill('Personal')
    await page.getByLabel('ID de clave de acceso').fill(keys.accessKeyId)
    await page.getByLabel('Clave de acceso secreta').fill(keys.secretAccessKey)
    await page.getByLabel('Región').selectOption(region)
    await page.getByRole('button', { name: 'Guardar perfil' }).click()
    await page.getByRole('table', { name: 'Buckets' }).getByRole('button', { name: 'vacio' }).click()
    await expect(page.getByRole('grid', { name: 'Objetos' })).toBeVisible()
    await expect(page.getByText('Esta carpeta está vacía')).toBeVisible()
    for (const name of ['Atrás', 'Subir', 'Actualizar', 'Nueva carpeta', 'Copiar URL', 'Copiar como…', 'Eliminar', 'Renombrar', 'Propiedades', '¿Es público?', 'Cambiar cabeceras']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible()
    }
    await expect(page.getByRole('navigation', { name: 'Ruta' })).toBeVisible()
    await expect(page.getByRole('textbox', { name: 'Filtrar' })).toBeVisible()
    await expect(page.getByRole('columnheader', { name: 'Última modificación' })).toBeVisible()
    await shot(page, 'es-empty')
  })
})
