import { HeadBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { expect, test, type Page } from '@playwright/test'
import { useAppInSpecs } from '../support/e2eMoto'
import { expectNoAxeViolations } from '../support/axe'
import { addProfileThroughUi } from '../support/e2eSteps'
import { adminS3, seedAccount } from '../support/moto'

/**
 * Buckets as first-class things, as a user drives them in browser mode against moto:
 * create one, count it, delete it (typed name), in English and in Spanish, with
 * screenshots in test-results/buckets/ and axe-core (light and dark) on the bucket list,
 * the settings panel and every dialog.
 */
const cubeta = useAppInSpecs('buckets')
const region = 'eu-west-1'

const shot = cubeta.shot

const words = {
  en: {
    locale: 'en-US',
    newBucket: 'New bucket',
    name: 'Bucket name',
    publicRead: /readable by URL/,
    create: 'Create bucket',
    settings: 'Bucket settings',
    count: 'Count objects and size',
    objects: /1 object/,
    deleteThis: 'Delete this bucket…',
    typeName: (bucket: string) => `Type ${bucket} to confirm`,
    confirm: 'Delete bucket',
    cancel: 'Cancel',
    deleted: (bucket: string) => `The bucket ${bucket} was deleted.`,
    deleteRow: (bucket: string) => `Delete ${bucket}`,
    holds: /holds/,
  },
  es: {
    locale: 'es-ES',
    newBucket: 'Nuevo bucket',
    name: 'Nombre del bucket',
    publicRead: /se puedan leer por URL/,
    create: 'Crear bucket',
    settings: 'Configuración del bucket',
    count: 'Contar objetos y tamaño',
    objects: /1 objeto/,
    deleteThis: 'Eliminar este bucket…',
    typeName: (bucket: string) => `Escribe ${bucket} para confirmar`,
    confirm: 'Eliminar bucket',
    cancel: 'Cancelar',
    deleted: (bucket: string) => `Se eliminó el bucket ${bucket}.`,
    deleteRow: (bucket: string) => `Eliminar ${bucket}`,
    holds: /contiene/,
  },
} as const

for (const [language, w] of Object.entries(words)) {
  test.describe(`in ${language}`, () => {
    test.use({ locale: w.locale })

    test('creates a public bucket, counts it, and deletes it after the name is typed', async ({ page }) => {
      const keys = await seedAccount(cubeta.endpoint, [{ name: 'ya-existente', region }])
      const bucket = `fotos-del-blog-${language}`
      await page.goto(cubeta.app.url)
      await addProfileThroughUiIn(page, keys, language)
      await expect(page.getByRole('button', { name: w.deleteRow('ya-existente') })).toBeVisible()
      await expectNoAxeViolations(page, `the bucket list, in ${language}`)

      await page.getByRole('button', { name: w.newBucket }).click()
      const create = page.getByRole('dialog', { name: w.newBucket })
      await create.getByLabel(w.name).fill('Fotos_Blog')
      await create.getByLabel(w.name).blur()
      await expect(create.getByText(language === 'en' ? /lowercase/i : /minúscula/i).first()).toBeVisible()
      await create.getByLabel(w.name).fill(bucket)
      await create.getByLabel(w.publicRead).check()
      await expectNoAxeViolations(page, `the New bucket dialog, in ${language}`)
      await shot(page, `${language}-create`)
      await create.getByRole('button', { name: w.create }).click()

      // The new bucket opens; a file lands in it.
      await expect(page.getByRole('grid', { name: language === 'en' ? 'Objects' : 'Objetos' })).toBeVisible()
      await adminS3(cubeta.endpoint, region).send(new PutObjectCommand({ Bucket: bucket, Key: 'logo.png', Body: 'png' }))
      const anonymous = await fetch(`${cubeta.endpoint}/${bucket}/logo.png`, { headers: { Range: 'bytes=0-0' } })
      expect(anonymous.status).toBeLessThan(300)

      await page.getByRole('button', { name: w.settings }).click()
      await page.getByRole('button', { name: w.count }).click()
      await expect(page.getByRole('list', { name: language === 'en' ? 'Size and contents' : 'Tamaño y contenido' })).toContainText(w.objects)
      await expectNoAxeViolations(page, `the settings panel with its size, in ${language}`)
      await shot(page, `${language}-settings-size`)

      const opener = page.getByRole('button', { name: w.deleteThis })
      await opener.click()
      let dialog = page.getByRole('dialog')
      await expect(dialog).toContainText(w.holds)
      await dialog.getByRole('button', { name: w.cancel }).click()
      await expect(opener).toBeFocused()

      await opener.click()
      dialog = page.getByRole('dialog')
      await expect(dialog).toContainText(w.holds)
      const confirm = dialog.getByRole('button', { name: w.confirm })
      await expect(confirm).toBeDisabled()
      await dialog.getByLabel(w.typeName(bucket)).fill(bucket.slice(0, -1))
      await expect(confirm).toBeDisabled()
      await dialog.getByLabel(w.typeName(bucket)).fill(bucket)
      await expectNoAxeViolations(page, `the Delete bucket dialog, in ${language}`)
      await shot(page, `${language}-delete-confirm`)
      await confirm.click()

      await expect(page.getByRole('status').filter({ hasText: w.deleted(bucket) })).toBeVisible()
      await expect(page.getByRole('button', { name: w.deleteRow(bucket) })).toHaveCount(0)
      await shot(page, `${language}-deleted`)
      const gone = await adminS3(cubeta.endpoint, region).send(new HeadBucketCommand({ Bucket: bucket })).then(() => false, () => true)
      expect(gone).toBe(true)
    })
  })
}

async function addProfileThroughUiIn(page: Page, keys: { accessKeyId: string; secretAccessKey: string }, language: string) {
  if (language === 'en') return addProfileThroughUi(page, keys, { region })
  await addProfileThroughUi(page, keys, { language: 'es', region: region })
  await expect(page.getByRole('table', { name: 'Buckets' })).toBeVisible()
}
