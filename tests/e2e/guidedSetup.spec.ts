import { mkdir } from 'node:fs/promises'
import { GetUserCommand, IAMClient } from '@aws-sdk/client-iam'
import { expect, test, type Page } from '@playwright/test'
import { useMotoInSpecs } from '../support/e2eMoto'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { motoAdmin } from '../support/moto'

/**
 * The guided setup, as a new user walks it: admin keys → user → bucket → public read →
 * verified URL → Django settings → the bucket opened, with a URL on the clipboard that
 * really serves the image. In English and in Spanish, with a screenshot of every page
 * kept in test-results/. IAM enforcement stays off: moto answers anonymous GETs with 500
 * while it is on (see test-peers.md), and the integration tests cover enforcement.
 */
const words = {
  en: {
    locale: 'en-US', start: 'Guided setup', region: 'Guided setup', keyId: 'Access key ID', secret: 'Secret access key', next: 'Next',
    user: 'IAM user name', bucket: 'Bucket name', regionSelect: 'Region', keep: 'Keep the test image', setUp: 'Set up',
    itWorks: 'It works', finish: 'Finish', ready: 'Your bucket is ready', copyUrl: 'Copy URL', openBucket: 'Open the bucket',
    crumbs: 'Breadcrumbs', spaceProblem: /spaces/i, nameProblems: [/lowercase/i, /3 to 63/i, /IP address/i, /reserved/i],
  },
  es: {
    locale: 'es-ES', start: 'Configuración guiada', region: 'Configuración guiada', keyId: 'ID de clave de acceso', secret: 'Clave de acceso secreta', next: 'Siguiente',
    user: 'Nombre del usuario de IAM', bucket: 'Nombre del bucket', regionSelect: 'Región', keep: 'Conservar la imagen de prueba', setUp: 'Configurar',
    itWorks: 'Funciona', finish: 'Terminar', ready: 'Tu bucket está listo', copyUrl: 'Copiar la URL', openBucket: 'Abrir el bucket',
    crumbs: 'Ruta', spaceProblem: /espacio/i, nameProblems: [/minúscula/i, /3 a 63/i, /IP/i, /reservad/i],
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

    test('a new user walks the whole wizard and ends on the bucket with a working URL on the clipboard', async ({ page }) => {
      await mkdir('test-results/setup', { recursive: true })
      const shot = (name: string) => page.screenshot({ path: `test-results/setup/${language}-${name}.png`, fullPage: true })
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
      await wizard.getByLabel(w.keep).check()
      await shot('4-public-read')
      await wizard.getByRole('button', { name: w.setUp, exact: true }).click()

      // 5. Progress, then the proof: the image fetched anonymously.
      await expect(wizard.getByRole('heading', { name: w.itWorks })).toBeVisible({ timeout: 45_000 })
      await expect(wizard.getByRole('img')).toBeVisible()
      await shot('5-verified')
      await wizard.getByRole('button', { name: w.finish, exact: true }).click()

      // 6. What to paste into Django, and a working URL.
      await expect(wizard.getByRole('heading', { name: w.ready })).toBeVisible()
      await expect(wizard.getByText(/AWS_SECRET_ACCESS_KEY=•+/)).toBeVisible()
      await wizard.getByRole('button', { name: w.copyUrl }).click()
      const url = await readClipboard(page)
      expect(url).toMatch(new RegExp(`^${moto.endpoint}/mi-blog-media/cubeta-check/cubeta-check-\\d+\\.png$`))
      await shot('6-export')
      const served = await fetch(url)
      expect(served.status).toBe(200)
      expect(served.headers.get('content-type')).toBe('image/png')
      expect(Buffer.from(await served.arrayBuffer()).subarray(0, 4).toString('hex')).toBe('89504e47')

      await wizard.getByRole('button', { name: w.openBucket }).click()
      // The browser opens on the bucket, with the kept test image's folder in it.
      await expect(page.getByRole('navigation', { name: w.crumbs }).getByText('mi-blog-media')).toHaveAttribute('aria-current', 'page')
      await expect(page.getByRole('grid').getByRole('row').filter({ hasText: 'cubeta-check/' })).toBeVisible()
      await shot('7-bucket-opened')
      // The clipboard still holds the URL once the wizard is gone.
      expect(await readClipboard(page)).toBe(url)
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
  await wizard.getByRole('button', { name: 'Roll back', exact: true }).click()
  const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: motoAdmin })
  await expect.poll(() => iam.send(new GetUserCommand({ UserName: 'rollback-me' })).then(() => 'exists', (e: Error) => e.name)).toMatch(/^NoSuchEntity/)
  await page.screenshot({ path: 'test-results/setup/en-rolled-back.png', fullPage: true })
})
