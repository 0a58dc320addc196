import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations, showTheme } from '../support/axe'
import { useMotoInSpecs } from '../support/e2eMoto'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { folderAction } from '../support/e2eSteps'
import { adminS3, motoAdmin, seedAccount } from '../support/moto'

/**
 * Every screen and dialog, in English and in (Mexican) Spanish, at 1024×700, 1280×800
 * and 1920×1080: axe (WCAG 2.1 AA) on each, in the light and the dark theme; focus back
 * on the opener after each dialog; and screenshots of the folder view, the transfer
 * panel and the wizard at the three sizes, in test-results/screens/, to look at.
 */
test.describe.configure({ timeout: 300_000 })
const moto = useMotoInSpecs()
let app: BrowserModeApp
test.beforeAll(async () => {
  await mkdir('test-results/screens', { recursive: true })
})
test.beforeEach(async () => {
  app = await startBrowserMode(moto.endpoint)
})
test.afterEach(async () => app.stop())

const sizes = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]
const bucket = 'apuntes-del-curso'
const deep = ['apuntes', 'tema 1', 'ejercicios', 'resueltos']

const words = {
  en: {
    locale: 'en-US', addProfile: 'Add a profile', profileName: 'Profile name', keyId: 'Access key ID', secret: 'Secret access key', region: 'Region',
    save: 'Save profile', objects: 'Objects', toolbar: 'Folder actions', more: 'More', copyAs: 'Copy as…', newFolder: 'New folder', rename: 'Rename',
    headers: 'Change headers', checkUrl: 'Check URL', answer: 'The answer', delete: 'Delete', uploadFiles: 'Upload files', transfers: 'Transfers', keepBoth: 'Keep both',
    guided: 'Guided setup', next: 'Next', userName: 'IAM user name', bucketName: 'Bucket name', cancel: 'Cancel', editProfile: 'Edit profile',
    deleteProfile: 'Delete profile', importAws: 'Import from ~/.aws', close: 'Close', presigned: 'Presigned URL…', crumbs: 'Breadcrumbs',
    hidden: /folders in between/, size: '3.0 KB', properties: 'Properties', irlanda: 'eu-west-1 — Europe (Ireland)', theme: 'Theme', dark: 'Dark', system: 'System',
    finished: /Upload to apuntes-del-curso finished: 1 file uploaded\./,
  },
  es: {
    locale: 'es-MX', addProfile: 'Agregar un perfil', profileName: 'Nombre del perfil', keyId: 'ID de clave de acceso', secret: 'Clave de acceso secreta',
    region: 'Región', save: 'Guardar perfil', objects: 'Objetos', toolbar: 'Acciones de la carpeta', more: 'Más', copyAs: 'Copiar como…',
    newFolder: 'Nueva carpeta', rename: 'Renombrar', headers: 'Cambiar encabezados', checkUrl: 'Revisar URL', answer: 'La respuesta', delete: 'Eliminar',
    uploadFiles: 'Subir archivos', transfers: 'Transferencias', keepBoth: 'Conservar ambos', guided: 'Configuración guiada', next: 'Siguiente',
    userName: 'Nombre del usuario de IAM', bucketName: 'Nombre del bucket', cancel: 'Cancelar', editProfile: 'Editar perfil',
    deleteProfile: 'Eliminar perfil', importAws: 'Importar de ~/.aws', close: 'Cerrar', presigned: 'URL prefirmada…', crumbs: 'Ruta',
    hidden: /carpetas intermedias/, size: '3.0 KB', properties: 'Propiedades', irlanda: 'eu-west-1 — Europa (Irlanda)', theme: 'Tema', dark: 'Oscuro', system: 'Del sistema',
    finished: /Terminó la subida a apuntes-del-curso: 1 archivo subido\./,
  },
} as const

async function seed() {
  const keys = await seedAccount(moto.endpoint, [{ name: bucket, region: 'eu-west-1' }])
  const s3 = adminS3(moto.endpoint, 'eu-west-1')
  const folder = `${deep.join('/')}/`
  for (const [name, body] of [
    ['apuntes tema 1.txt', 'x'],
    ['apuntes tema 1 (1).txt', 'x'],
    ['una foto del pizarrón con un nombre muy largo, de la clase del martes 2024.png', 'x'],
    ['resumen.pdf', 'x'.repeat(3000)],
  ] as const) {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${folder}${name}`, Body: body }))
  }
  return keys
}

/** A dialog opened by `open` is checked by axe, closed with Escape, and gives the focus back. */
async function checkDialog(page: Page, label: string, open: () => Promise<void>, opener: ReturnType<Page['getByRole']>) {
  await open()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expectNoAxeViolations(page, label)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(opener).toBeFocused()
}

for (const [language, w] of Object.entries(words)) {
  test.describe(`in ${language}`, () => {
    test.use({ locale: w.locale, viewport: sizes[1] })

    test('every screen and dialog passes axe in both themes, at three sizes, with focus back after each dialog', async ({ page }) => {
      const shot = (name: string) => page.screenshot({ path: `test-results/screens/${language}-${name}.png` })
      const keys = await seed()
      await page.goto(app.url)

      // Welcome, and Import from ~/.aws with no AWS files: an error in words.
      await expectNoAxeViolations(page, `${language}: welcome`)
      const importButton = page.getByRole('button', { name: w.importAws })
      await checkDialog(page, `${language}: import with no AWS files`, async () => {
        await importButton.click()
        await expect(page.getByRole('dialog').getByRole('alert')).toBeVisible()
      }, importButton)

      // A profile, then its bucket list, Edit and Delete (both left with Escape).
      await page.getByRole('button', { name: w.addProfile }).click()
      await page.getByLabel(w.profileName).fill('Curso de Django')
      await page.getByLabel(w.keyId).fill(keys.accessKeyId)
      await page.getByLabel(w.secret).fill(keys.secretAccessKey)
      await page.getByLabel(w.region).selectOption('eu-west-1')
      await expect(page.getByLabel(w.region).locator('option:checked')).toHaveText(w.irlanda)
      await page.getByRole('button', { name: w.save }).click()
      await expect(page.getByRole('table', { name: 'Buckets' })).toBeVisible()
      await expectNoAxeViolations(page, `${language}: the bucket list`)
      const edit = page.getByRole('button', { name: w.editProfile })
      await checkDialog(page, `${language}: Edit profile`, () => edit.click(), edit)
      const remove = page.getByRole('button', { name: w.deleteProfile })
      await checkDialog(page, `${language}: Delete profile`, () => remove.click(), remove)

      // The folder view, four folders down, at three sizes.
      await page.getByRole('table', { name: 'Buckets' }).getByRole('button', { name: bucket, exact: true }).click()
      const grid = page.getByRole('grid', { name: w.objects })
      for (const folder of deep) await grid.getByRole('row', { name: `${folder}/` }).dblclick()
      await expect(grid.getByRole('row', { name: 'apuntes tema 1.txt' })).toBeVisible()
      // Sizes in the full locale (es-MX writes 3.0 KB, not 3,0 KB).
      await expect(grid.getByRole('row', { name: 'resumen.pdf' }).getByRole('gridcell').nth(1)).toHaveText(w.size)
      await grid.getByRole('row', { name: 'apuntes tema 1 (1).txt' }).click()
      const toolbar = page.getByRole('group', { name: w.toolbar })
      const crumbs = page.getByRole('navigation', { name: w.crumbs })
      for (const size of sizes) {
        await page.setViewportSize(size)
        await expect.poll(async () => (await toolbar.boundingBox())?.width).toBeLessThan(size.width)
        if (size.width === 1024) {
          // Secondary actions in More, the toolbar on two lines at most, the middle folders behind "…".
          await expect(toolbar.getByRole('button', { name: w.more, exact: true })).toBeVisible()
          expect((await toolbar.boundingBox())!.height).toBeLessThan(90)
          await expect(crumbs.getByRole('button', { name: w.hidden })).toBeVisible()
          // The current folder keeps its whole name: no ellipsis.
          const current = crumbs.getByText('resueltos', { exact: true })
          await expect(current).toBeVisible()
          expect(await current.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true)
          // Cut in the middle, the copy keeps its "(1).txt": the two names still differ on screen.
          await expect(grid.getByRole('row', { name: 'apuntes tema 1 (1).txt' })).toContainText('(1).txt')
        }
        // At 1920 the English toolbar is a single line: what does not fit waits in More.
        if (size.width === 1920 && language === 'en') expect((await toolbar.boundingBox())!.height).toBeLessThan(50)
        await shot(`folder-${size.width}`)
        if (size.width !== 1280) await expectNoAxeViolations(page, `${language}: the folder view at ${size.width}×${size.height}`)
      }
      await page.setViewportSize(sizes[1]!)
      await showTheme(page, 'dark')
      await shot('folder-1280-dark')
      await showTheme(page, 'light')

      // "Copy as…" stays inside the window at 1280×800.
      const copyAs = toolbar.getByRole('button', { name: w.copyAs })
      await copyAs.click()
      const menu = (await page.getByRole('menu').boundingBox())!
      expect(menu.x).toBeGreaterThanOrEqual(0)
      expect(menu.x + menu.width).toBeLessThanOrEqual(1280)
      expect(menu.y + menu.height).toBeLessThanOrEqual(800)
      await shot('copy-as-1280')
      await expectNoAxeViolations(page, `${language}: the Copy as… menu`)
      await page.keyboard.press('Escape')
      await expect(copyAs).toBeFocused()

      // The folders behind "…", the right-click menu, the properties panel.
      await page.setViewportSize(sizes[0]!)
      const hidden = crumbs.getByRole('button', { name: w.hidden })
      await hidden.click()
      await expect(page.getByRole('menu').getByRole('menuitem', { name: 'tema 1' })).toBeVisible()
      await expectNoAxeViolations(page, `${language}: the hidden folders menu`)
      await page.keyboard.press('Escape')
      await expect(hidden).toBeFocused()
      await page.setViewportSize(sizes[1]!)
      await grid.getByRole('row', { name: 'apuntes tema 1 (1).txt' }).click({ button: 'right' })
      await expectNoAxeViolations(page, `${language}: the row menu`)
      await page.keyboard.press('Escape')
      await expect(grid).toBeFocused()
      await grid.getByRole('row', { name: 'resumen.pdf' }).dblclick()
      await expect(page.getByRole('complementary', { name: w.properties }).getByText('resumen.pdf').first()).toBeVisible()
      await expectNoAxeViolations(page, `${language}: the properties panel`)

      // Every dialog of the folder view: axe, Escape, focus back on the grid it was opened from.
      await grid.focus()
      for (const [label, key] of [['New folder', null], [w.rename, 'F2'], [w.delete, 'Delete']] as const) {
        await checkDialog(page, `${language}: ${label}`, () => (key ? page.keyboard.press(key) : toolbar.getByRole('button', { name: w.newFolder }).click()), key ? grid : toolbar.getByRole('button', { name: w.newFolder }))
        await grid.focus()
      }
      // Opened from its own button, or from "More" when it lives there: either way the focus comes back.
      const headersButton = toolbar.getByRole('button', { name: w.headers, exact: true })
      const moreButton = toolbar.getByRole('button', { name: w.more, exact: true })
      const actionOpener = (await headersButton.isVisible()) ? headersButton : moreButton
      await checkDialog(page, `${language}: ${w.headers}`, async () => void (await folderAction(page, w.headers, w)), actionOpener)
      await folderAction(page, w.checkUrl, w)
      await expect(page.getByRole('dialog').getByRole('region', { name: w.answer })).toBeVisible()
      await expectNoAxeViolations(page, `${language}: ${w.checkUrl}`)
      await page.getByRole('dialog').getByRole('button', { name: w.close }).click()
      await expect(actionOpener === headersButton ? toolbar.getByRole('button', { name: w.checkUrl, exact: true }) : moreButton).toBeFocused()
      await checkDialog(page, `${language}: the presigned URL dialog`, async () => {
        await copyAs.click()
        await page.getByRole('menuitem', { name: w.presigned }).click()
      }, copyAs)

      // The transfer panel: an upload that finds the same name, answered with Keep both.
      const local = await mkdtemp(join(tmpdir(), 'cubeta-screens-'))
      await writeFile(join(local, 'apuntes tema 1.txt'), 'otra versión')
      const chooser = page.waitForEvent('filechooser')
      await toolbar.getByRole('button', { name: w.uploadFiles }).click()
      await (await chooser).setFiles(join(local, 'apuntes tema 1.txt'))
      await expect(page.getByRole('dialog')).toBeVisible()
      await expectNoAxeViolations(page, `${language}: the upload conflict`)
      await page.getByRole('dialog').getByRole('button', { name: w.keepBoth }).click()
      await expect(toolbar.getByRole('button', { name: w.uploadFiles })).toBeFocused()
      const panel = page.getByRole('region', { name: w.transfers })
      await expect(panel.getByText(/^apuntes tema 1 \(\d\)\.txt$/)).toBeVisible({ timeout: 30_000 })
      await expect(panel.getByRole('status').filter({ hasText: w.finished })).toBeAttached()
      for (const size of sizes) {
        await page.setViewportSize(size)
        await shot(`transfers-${size.width}`)
      }
      await expectNoAxeViolations(page, `${language}: the transfer panel`)

      // The wizard, on its bucket page, at three sizes; then Cancel gives the focus back.
      await page.setViewportSize(sizes[1]!)
      await page.getByRole('button', { name: w.guided }).click()
      const wizard = page.getByRole('region', { name: w.guided })
      await wizard.getByLabel(w.keyId).fill(motoAdmin.accessKeyId)
      await wizard.getByLabel(w.secret).fill(motoAdmin.secretAccessKey)
      await wizard.getByRole('button', { name: w.next, exact: true }).click()
      await wizard.getByLabel(w.userName).fill('django-curso')
      await wizard.getByRole('button', { name: w.next, exact: true }).click()
      await wizard.getByLabel(w.bucketName).fill('curso-django-media')
      await wizard.getByLabel(w.region).selectOption('eu-west-1')
      await expect(wizard.getByLabel(w.region).locator('option:checked')).toHaveText(w.irlanda)
      for (const size of sizes) {
        await page.setViewportSize(size)
        await shot(`wizard-${size.width}`)
      }
      await page.setViewportSize(sizes[1]!)
      await showTheme(page, 'dark')
      await shot('wizard-1280-dark')
      await showTheme(page, 'light')
      await expectNoAxeViolations(page, `${language}: the wizard's bucket page`)
      await wizard.getByRole('button', { name: w.cancel, exact: true }).click()
      await expect(page.getByRole('button', { name: w.guided })).toBeFocused()

      // The Theme switch pins dark whatever the OS says, and goes back to the OS setting.
      const theme = page.getByRole('combobox', { name: w.theme, exact: true })
      await theme.selectOption({ label: w.dark })
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
      await shot('folder-theme-dark')
      await expectNoAxeViolations(page, `${language}: the folder view with the Dark theme chosen`, { themes: ['current'] })
      await theme.selectOption({ label: w.system })
      await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/)
    })
  })
}
