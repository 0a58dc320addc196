import { mkdir } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { GetUserCommand, IAMClient } from '@aws-sdk/client-iam'
import { expect, test, type Page } from '@playwright/test'
import { settingsSnippet, templateExample } from '../../src-renderer/features/setupWizard/djangoHandover'
import en from '../../src-renderer/features/setupWizard/i18n/en.json'
import es from '../../src-renderer/features/setupWizard/i18n/es.json'
import { useMotoInSpecs } from '../support/e2eMoto'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { motoAdmin } from '../support/moto'
import { expectNoAxeViolations } from '../support/axe'

/**
 * The guided setup, as a new user walks it: admin keys → user → bucket → public read →
 * verified URL → Django settings → the bucket opened. In English the test image is kept,
 * and a URL on the clipboard really serves it; in Spanish it is not, and the panel shows
 * only URLs that exist. Both copy the settings (each Django form) and the template that
 * tests/integration/djangoHandover.test.ts pastes into a real Django project. With a
 * screenshot of every page kept in test-results/, and axe on every page in the light
 * and the dark theme. IAM enforcement stays off: moto answers anonymous GETs with 500
 * while it is on (see test-peers.md), and the integration tests cover enforcement.
 */
const words = {
  en: {
    locale: 'en-US', start: 'Guided setup', region: 'Guided setup', keyId: 'Access key ID', secret: 'Secret access key', next: 'Next',
    user: 'IAM user name', bucket: 'Bucket name', regionSelect: 'Region', keep: 'Keep the test image', setUp: 'Set up',
    itWorks: 'It works', finish: 'Finish', ready: 'Your bucket is ready', copyUrl: 'Copy URL', openBucket: 'Open the bucket',
    crumbs: 'Breadcrumbs', spaceProblem: /spaces/i, nameProblems: [/lowercase/i, /3 to 63/i, /IP address/i, /reserved/i],
    keepTestImage: true, copySettings: 'Copy settings', copyTemplate: 'Copy template', legacy: 'Django 3.2 to 4.1', catalog: en,
  },
  es: {
    locale: 'es-ES', start: 'Configuración guiada', region: 'Configuración guiada', keyId: 'ID de clave de acceso', secret: 'Clave de acceso secreta', next: 'Siguiente',
    user: 'Nombre del usuario de IAM', bucket: 'Nombre del bucket', regionSelect: 'Región', keep: 'Conservar la imagen de prueba', setUp: 'Configurar',
    itWorks: 'Funciona', finish: 'Terminar', ready: 'Tu bucket está listo', copyUrl: 'Copiar la URL', openBucket: 'Abrir el bucket',
    crumbs: 'Ruta', spaceProblem: /espacio/i, nameProblems: [/minúscula/i, /3 a 63/i, /IP/i, /reservad/i],
    keepTestImage: false, copySettings: 'Copiar la configuración', copyTemplate: 'Copiar la plantilla', legacy: 'Django 3.2 a 4.1', catalog: es,
  },
} as const

/** What the page's clipboard holds (the test's tsconfig has no DOM types). */
const readClipboard = (page: Page) =>
  page.evaluate(() => (navigator as unknown as { clipboard: { readText(): Promise<string> } }).clipboard.readText())

const moto = useMotoInSpecs()
let app: BrowserModeApp
test.beforeEach(async () => {
  app = await startBrowserMode(moto.endpoint)
})
test.afterEach(async () => app.stop())

for (const [language, w] of Object.entries(words)) {
  test.describe(`in ${language}`, () => {
    test.use({ locale: w.locale, permissions: ['clipboard-read', 'clipboard-write'] })

    test('a new user walks the whole wizard, copies Django settings that match their version, and ends on the bucket', async ({ page }) => {
      await mkdir('test-results/setup', { recursive: true })
      const shot = async (name: string) => {
        await page.screenshot({ path: `test-results/setup/${language}-${name}.png`, fullPage: true })
        await expectNoAxeViolations(page, `the wizard, ${name}, in ${language}`)
      }
      const runs: string[] = []
      page.on('request', (request) => {
        if (request.url().includes('/api/call/setup/run')) runs.push(request.url())
      })

      await page.goto(app.url)
      await page.getByRole('button', { name: w.start }).click()
      const wizard = page.getByRole('region', { name: w.region })
      await expect(wizard).toBeVisible()

      // 1. Admin keys: used for setup only.
      await wizard.getByLabel(w.keyId).fill(motoAdmin.accessKeyId)
      await wizard.getByLabel(w.secret).fill(motoAdmin.secretAccessKey)
      await shot('1-admin')
      await wizard.getByRole('button', { name: w.next, exact: true }).click()

      // 2. The IAM user: a bad name gets an inline message and goes nowhere.
      const userName = wizard.getByLabel(w.user)
      await userName.fill('django media')
      await wizard.getByRole('button', { name: w.next, exact: true }).click()
      await expect(wizard.getByText(w.spaceProblem).first()).toBeVisible()
      await expect(userName).toHaveAttribute('aria-invalid', 'true')
      await shot('2-user-invalid')
      await userName.fill('django-media')
      await wizard.getByRole('button', { name: w.next, exact: true }).click()

      // 3. The bucket: each rule speaks plainly, and nothing is sent.
      const bucket = wizard.getByLabel(w.bucket)
      for (const [index, bad] of ['My_Bucket', 'ab', '192.168.0.1', 'xn--a'].entries()) {
        await bucket.fill(bad)
        await wizard.getByRole('button', { name: w.next, exact: true }).click()
        await expect(wizard.getByText(w.nameProblems[index]!).first()).toBeVisible()
      }
      await shot('3-bucket-invalid')
      expect(runs).toEqual([])
      await bucket.fill('mi-blog-media')
      await wizard.getByLabel(w.regionSelect).selectOption('eu-west-1')
      await shot('3-bucket')
      await wizard.getByRole('button', { name: w.next, exact: true }).click()

      // 4. Public read: the exact policy is shown before anything is written.
      await expect(wizard.getByText('"s3:GetObject"').first()).toBeVisible()
      await expect(wizard.getByText('"s3:DeleteObject"').first()).toBeVisible()
      await expect(wizard.getByText('"s3:*"')).toHaveCount(0)
      if (w.keepTestImage) await wizard.getByLabel(w.keep).check()
      await shot('4-public-read')
      await wizard.getByRole('button', { name: w.setUp, exact: true }).click()

      // 5. Progress, then the proof: the image fetched anonymously.
      await expect(wizard.getByRole('heading', { name: w.itWorks })).toBeVisible({ timeout: 45_000 })
      await expect(wizard.getByRole('img')).toBeVisible()
      await shot('5-verified')
      await wizard.getByRole('button', { name: w.finish, exact: true }).click()

      // 6. What to paste into Django: only URLs that exist, in this page's language.
      await expect(wizard.getByRole('heading', { name: w.ready })).toBeVisible()
      await expect(wizard.getByText(/AWS_SECRET_ACCESS_KEY=•+/)).toBeVisible()
      const snippetWords = w.catalog.export.snippet
      await wizard.getByRole('button', { name: w.copySettings }).click()
      expect(await readClipboard(page)).toBe(settingsSnippet('storages', snippetWords))
      const axe = await new AxeBuilder({ page }).include('section.setup').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
      await shot('6-export')
      // The panel scrolls inside the wizard: each block on its own, to be read in full.
      const blocks = wizard.locator('.setup-block')
      const shotOfBlock = async (index: number, name: string) => {
        await page.setViewportSize({ width: 1200, height: 1600 })
        await blocks.nth(index).screenshot({ path: `test-results/setup/${language}-${name}.png` })
        await page.setViewportSize({ width: 1200, height: 760 })
      }
      for (let i = 0; i < (await blocks.count()); i++) await shotOfBlock(i, `6-export-block-${i + 1}`)
      let url = ''
      if (w.keepTestImage) {
        await wizard.getByRole('button', { name: w.copyUrl }).click()
        url = await readClipboard(page)
        expect(url).toMatch(new RegExp(`^${moto.endpoint}/mi-blog-media/media/cubeta-check/cubeta-check-\\d+\\.png$`))
        const served = await fetch(url)
        expect(served.status).toBe(200)
        expect(served.headers.get('content-type')).toBe('image/png')
        expect(Buffer.from(await served.arrayBuffer()).subarray(0, 4).toString('hex')).toBe('89504e47')
      } else {
        // The deleted test image is nowhere: an upload's URL shape is shown, and said to be one.
        await expect(wizard.getByRole('button', { name: w.copyUrl })).toHaveCount(0)
        await expect(wizard.getByText(`${moto.endpoint}/mi-blog-media/media/fotos/ejemplo.jpg`)).toBeVisible()
        await expect(wizard.getByText(/cubeta-check/)).toHaveCount(0)
      }
      await wizard.getByRole('button', { name: w.copyTemplate }).click()
      expect(await readClipboard(page)).toBe(templateExample(w.keepTestImage ? url : null, snippetWords))
      // Django 3.2 to 4.1: the older settings, named in the same language.
      await wizard.getByLabel(w.legacy).check()
      await wizard.getByRole('button', { name: w.copySettings }).click()
      expect(await readClipboard(page)).toBe(settingsSnippet('legacy', snippetWords))
      await shotOfBlock(2, '6-export-legacy')

      await wizard.getByRole('button', { name: w.openBucket }).click()
      await expect(page.getByRole('navigation', { name: w.crumbs }).getByText('mi-blog-media')).toHaveAttribute('aria-current', 'page')
      if (w.keepTestImage) {
        // The browser opens on the bucket, with the kept test image's folder in it.
        await expect(page.getByRole('grid').getByRole('row').filter({ hasText: 'media/' })).toBeVisible()
      }
      await shot('7-bucket-opened')
      // The user really exists, with the name typed.
      const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: motoAdmin })
      expect((await iam.send(new GetUserCommand({ UserName: 'django-media' }))).User?.UserName).toBe('django-media')
    })
  })
}

test('cancel after a failure offers to roll back exactly what was created', async ({ page }) => {
  // A bucket we already own in another region makes the bucket step fail after the IAM steps.
  const { adminS3 } = await import('../support/moto')
  const { CreateBucketCommand } = await import('@aws-sdk/client-s3')
  await adminS3(moto.endpoint, 'sa-east-1').send(new CreateBucketCommand({ Bucket: 'mi-blog-media', CreateBucketConfiguration: { LocationConstraint: 'sa-east-1' } }))
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Guided setup' }).click()
  const wizard = page.getByRole('region', { name: 'Guided setup' })
  await wizard.getByLabel('Access key ID').fill(motoAdmin.accessKeyId)
  await wizard.getByLabel('Secret access key').fill(motoAdmin.secretAccessKey)
  await wizard.getByRole('button', { name: 'Next', exact: true }).click()
  await wizard.getByLabel('IAM user name').fill('rollback-me')
  await wizard.getByRole('button', { name: 'Next', exact: true }).click()
  await wizard.getByLabel('Bucket name').fill('mi-blog-media')
  await wizard.getByLabel('Region').selectOption('eu-west-1')
  await wizard.getByRole('button', { name: 'Next', exact: true }).click()
  await wizard.getByRole('button', { name: 'Set up', exact: true }).click()

  await expect(wizard.getByRole('alert').first()).toContainText('sa-east-1')
  await expect(wizard.getByText(/rollback-me/).first()).toBeVisible()
  await page.screenshot({ path: 'test-results/setup/en-failed.png', fullPage: true })
  await expectNoAxeViolations(page, 'the wizard after a failed step')
  await wizard.getByRole('button', { name: 'Roll back', exact: true }).click()
  const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: motoAdmin })
  await expect.poll(() => iam.send(new GetUserCommand({ UserName: 'rollback-me' })).then(() => 'exists', (e: Error) => e.name)).toMatch(/^NoSuchEntity/)
  await page.screenshot({ path: 'test-results/setup/en-rolled-back.png', fullPage: true })
  await expectNoAxeViolations(page, 'the wizard after rolling back')
})
