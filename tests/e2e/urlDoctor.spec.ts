import { mkdir } from 'node:fs/promises'
import { PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { expect, test, type Page } from '@playwright/test'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { useMotoInSpecs } from '../support/e2eMoto'
import { expectNoAxeViolations } from '../support/axe'
import { addProfileThroughUi, folderAction } from '../support/e2eSteps'
import { makeTestPng } from '../../src-main/services/setupWizard/testImage'
import { adminS3, seedAccount } from '../support/moto'

/**
 * "Why doesn't this URL work?", as a user meets it: a bucket whose policy lacks the public
 * statement (it only lets a partner list), and a PNG uploaded as binary/octet-stream, as
 * the SDK does without a type. The doctor names both causes, shows each fix's exact change,
 * applies both, and the image then shows in the browser. In English and in Spanish, with
 * screenshots in test-results/url-doctor/ and axe-core (light and dark) on the report and
 * on a fix's preview.
 */
const moto = useMotoInSpecs()
let app: BrowserModeApp
const bucket = 'doctor-journey'
const region = 'eu-west-1'
const key = 'logos/logo.png'
// The guided setup's 48×48 test image: big enough to see that it rendered.
const png = makeTestPng()

const words = {
  en: {
    locale: 'en-US', toolbar: { toolbar: 'Folder actions', more: 'More' }, checkUrl: 'Check URL', dialog: 'Why doesn’t this URL work?', policyFix: 'Add the public-read statement to the bucket policy…',
    typeFix: 'Set Content-Type to image/png…', apply: 'Apply this change', preview: /What Cubeta will change/, works: 'The URL works: a visitor’s browser shows the file.',
    noStatement: 'No statement of the bucket policy lets anyone', wrongType: 'Its Content-Type is binary/octet-stream', oneMore: 'One more cause below.', checked: 'Changed. Checked again:', close: 'Close',
  },
  es: {
    locale: 'es-ES', toolbar: { toolbar: 'Acciones de la carpeta', more: 'Más' }, checkUrl: 'Revisar URL', dialog: '¿Por qué no funciona esta URL?', policyFix: 'Agregar a la política del bucket la declaración de lectura pública…',
    typeFix: 'Poner Content-Type image/png…', apply: 'Aplicar este cambio', preview: /Lo que Cubeta va a cambiar/, works: 'La URL funciona: el navegador de un visitante muestra el archivo.',
    noStatement: 'Ninguna declaración de la política del bucket permite', wrongType: 'Su Content-Type es binary/octet-stream', oneMore: 'Hay una causa más abajo.', checked: 'Cambiado. Se revisó otra vez:', close: 'Cerrar',
  },
} as const

test.beforeAll(async () => {
  await mkdir('test-results/url-doctor', { recursive: true })
})
test.beforeEach(async () => {
  app = await startBrowserMode(moto.endpoint)
})
test.afterEach(async () => app.stop())

async function seed() {
  const keys = await seedAccount(moto.endpoint, [{ name: bucket, region }])
  const s3 = adminS3(moto.endpoint, region)
  const partner = { Sid: 'PartnerList', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:ListBucket', Resource: `arn:aws:s3:::${bucket}` }
  await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [partner] }) }))
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: png, ContentType: 'binary/octet-stream' }))
  return keys
}

/** The URL the doctor checked, from its last line. */
async function checkedUrl(page: Page) {
  const line = await page.getByRole('dialog').locator('.doctor__url').getAttribute('title')
  return line ?? ''
}

for (const [language, w] of Object.entries(words)) {
  test.describe(`in ${language}`, () => {
    // Tall enough for the whole report to be in the screenshots.
    test.use({ locale: w.locale, viewport: { width: 1200, height: 1500 } })

    test('names a missing public statement and a download-only Content-Type, fixes both, and the image shows', async ({ page, context }) => {
      const shot = (name: string) => page.screenshot({ path: `test-results/url-doctor/${language}-${name}.png`, fullPage: true })
      const keys = await seed()
      await page.goto(app.url)
      if (language === 'en') await addProfileThroughUi(page, keys, { region })
      else {
        await addProfileThroughUi(page, keys, { language: 'es', region: region, name: 'Mi blog' })
      }
      await page.getByRole('table').getByRole('row').filter({ hasText: bucket }).click()
      const grid = page.getByRole('grid')
      await grid.getByRole('row', { name: 'logos/' }).dblclick()
      await grid.getByRole('row', { name: 'logo.png' }).click()
      const opener = await folderAction(page, w.checkUrl, w.toolbar)

      const dialog = page.getByRole('dialog', { name: w.dialog })
      await expect(dialog).toBeVisible()
      // Both causes, each in its own check; the answer names the first and counts the other.
      const answer = dialog.getByRole('region', { name: language === 'en' ? 'The answer' : 'La respuesta' })
      await expect(answer).toContainText(w.noStatement)
      await expect(answer).toContainText(w.oneMore)
      await expect(dialog.getByRole('list', { name: language === 'en' ? 'Checks, in the order they ran' : 'Revisiones, en el orden en que se hicieron' })).toContainText(w.wrongType)
      const url = await checkedUrl(page)
      expect(url).toBe(`${moto.endpoint}/${bucket}/logos/logo.png`)
      expect((await fetch(url)).status).toBe(403)
      await shot('1-both-causes')
      await expectNoAxeViolations(page, `the URL doctor's report, in ${language}`)

      // The policy fix shows the merged policy (the partner's statement kept) before anything is sent.
      await dialog.getByRole('button', { name: w.policyFix }).click()
      await expect(dialog.getByRole('heading', { name: w.preview })).toBeFocused()
      const after = dialog.locator('.doctor-change__value--after')
      await expect(after).toContainText('"CubetaPublicReadObjects"')
      await expect(after).toContainText('"PartnerList"')
      await expectNoAxeViolations(page, `a fix's preview, in ${language}`)
      await shot('2-policy-fix-preview')
      await dialog.getByRole('button', { name: w.apply }).click()
      await expect(answer).toContainText(w.checked)
      await expect(answer).toBeFocused()
      await expect(answer).toContainText(w.wrongType)

      await dialog.getByRole('button', { name: w.typeFix }).click()
      await expect(dialog.locator('.doctor-change__value--after')).toHaveText('image/png')
      await dialog.getByRole('button', { name: w.apply }).click()
      await expect(answer).toContainText(w.works)
      await shot('3-works')

      // The image shows: opened in a tab, Chromium renders it instead of downloading it.
      const tab = await context.newPage()
      const opened = await tab.goto(url)
      expect(opened?.status()).toBe(200)
      expect(opened?.headers()['content-type']).toBe('image/png')
      const image = tab.locator('img')
      await expect(image).toBeVisible()
      expect(await image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(48)
      await tab.close()
      await page.bringToFront()

      await dialog.getByRole('button', { name: w.close }).click()
      await expect(dialog).toBeHidden()
      // Focus goes back where the dialog was opened from.
      await expect(opener).toBeFocused()
    })
  })
}

test('Copy URL refuses a key no URL can reach, says why, and offers Rename', async ({ page }) => {
  const keys = await seedAccount(moto.endpoint, [{ name: bucket, region }])
  await adminS3(moto.endpoint, region).send(new PutObjectCommand({ Bucket: bucket, Key: 'dots/./nota.txt', Body: 'punto', ContentType: 'text/plain' }))
  await page.goto(app.url)
  await addProfileThroughUi(page, keys, { region })
  await page.getByRole('table', { name: 'Buckets' }).getByRole('row').filter({ hasText: bucket }).click()
  const grid = page.getByRole('grid', { name: 'Objects' })
  await grid.getByRole('row', { name: 'dots/' }).dblclick()
  await grid.getByRole('row', { name: './' }).dblclick()
  await grid.getByRole('row', { name: 'nota.txt' }).click()
  await page.getByRole('button', { name: 'Copy URL', exact: true }).click()
  const refusal = page.getByRole('dialog', { name: 'No URL can reach this file' })
  await expect(refusal).toContainText('“dots/./nota.txt” has a “.” part')
  await expectNoAxeViolations(page, 'the refusal of an unreachable key')
  await page.screenshot({ path: 'test-results/url-doctor/en-unreachable.png' })
  await refusal.getByRole('button', { name: 'Rename…' }).click()
  const rename = page.getByRole('dialog', { name: 'Rename' })
  await expect(rename.getByRole('textbox')).toHaveValue('dots/nota.txt')
})
