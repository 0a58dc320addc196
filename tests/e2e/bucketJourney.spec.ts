import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CreateMultipartUploadCommand, GetBucketCorsCommand, GetBucketVersioningCommand, GetObjectCommand, ListMultipartUploadsCommand, PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3'
import { expect, test } from '@playwright/test'
import { useAppInSpecs } from '../support/e2eMoto'
import { expectNoAxeViolations } from '../support/axe'
import { addProfileThroughUi, folderAction, uploadThroughPicker } from '../support/e2eSteps'
import { adminS3, seedAccount } from '../support/moto'

/**
 * A bucket's day two, as a user does it in browser mode against moto: versions on,
 * upload, overwrite, delete (with the Undo offer), Show versions, restore the first
 * version, undelete; the settings panel, CORS and incomplete uploads. axe (WCAG 2.1 AA,
 * light and dark) on each screen and dialog these add, in English and Spanish.
 * Screenshots in test-results/journey/.
 */
// axe scans in two themes take their time on a loaded machine.
test.describe.configure({ timeout: 120_000 })
const cubeta = useAppInSpecs('journey')
const region = 'eu-west-1'
const bucket = 'blog-media'

const shot = cubeta.shot
// Null while the key has no current version (deleted, or not restored yet), so a poll keeps asking.
const bodyOf = async (Key: string) =>
  adminS3(cubeta.endpoint, region)
    .send(new GetObjectCommand({ Bucket: bucket, Key }))
    .then((answer) => answer.Body!.transformToString())
    .catch((error: unknown) => {
      if ((error as { name?: string }).name === 'NoSuchKey') return null
      throw error
    })

test('versions: upload, overwrite, delete, show versions, restore the first, undelete', async ({ page }) => {
  const keys = await seedAccount(cubeta.endpoint, [{ name: bucket, region }])
  const folder = await mkdtemp(join(tmpdir(), 'cubeta-journey-'))
  const file = join(folder, 'notas.txt')

  await page.goto(cubeta.app.url)
  await addProfileThroughUi(page, keys, { region })
  await page.getByRole('button', { name: `Settings of ${bucket}` }).click()

  // Versioning on, from the settings panel: the one-way warning must be confirmed first.
  await page.getByRole('button', { name: 'Edit versioning' }).click()
  await expect(page.getByText('Will change: off → on')).toBeVisible()
  const change = page.getByRole('button', { name: 'Change versioning' })
  await expect(change).toBeDisabled()
  await page.getByLabel('I understand that it can’t be turned off again').check()
  await shot(page, 'en-versioning-one-way')
  await change.click()
  await expect(page.getByText('On: every overwrite and delete keeps the earlier version')).toBeVisible()
  expect((await adminS3(cubeta.endpoint, region).send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status).toBe('Enabled')

  await page.getByRole('button', { name: 'Files' }).click()
  const grid = page.getByRole('grid', { name: 'Objects' })

  // Upload, then overwrite the same name.
  await writeFile(file, 'primera versión')
  await uploadThroughPicker(page, file)
  await expect(grid.getByRole('row', { name: 'notas.txt' })).toBeVisible()
  await writeFile(file, 'segunda versión')
  await uploadThroughPicker(page, file)
  const conflict = page.getByRole('dialog', { name: /already exists/ })
  await conflict.getByRole('button', { name: 'Overwrite' }).click()
  await expect.poll(() => bodyOf('notas.txt')).toBe('segunda versión')

  // Delete: the dialog says it becomes a delete marker, and the notice offers Undo.
  await grid.getByRole('row', { name: 'notas.txt' }).click()
  await folderAction(page, 'Delete')
  const remove = page.getByRole('dialog')
  await expect(remove).toContainText('delete marker')
  await shot(page, 'en-delete-versioned')
  await remove.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(grid.getByRole('row', { name: 'notas.txt' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible()
  await shot(page, 'en-undo-offer')

  // Show versions: the marker on top, then both versions, newest first.
  const showVersions = page.getByRole('switch', { name: 'Show versions' })
  await showVersions.click()
  await expect(showVersions).toHaveAttribute('aria-checked', 'true')
  const versions = page.getByRole('table', { name: 'Versions' })
  const rows = versions.getByRole('row')
  await expect(rows).toHaveCount(4)
  await expect(rows.nth(1)).toContainText('Deleted (delete marker)')
  await expect(rows.nth(2)).toContainText('Older version')
  await expect(rows.nth(3)).toContainText('Older version')
  await expectNoAxeViolations(page, 'the versions view')
  await shot(page, 'en-versions')

  // Restore the first version: the oldest row.
  await rows.nth(3).getByRole('button', { name: /^Restore the version of notas\.txt/ }).click()
  await expect.poll(() => bodyOf('notas.txt')).toBe('primera versión')
  await expect(rows.nth(1)).toContainText('Current')

  // Delete it again, then Undelete from the versions view.
  await showVersions.click()
  await grid.getByRole('row', { name: 'notas.txt' }).click()
  await folderAction(page, 'Delete')
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(grid.getByRole('row', { name: 'notas.txt' })).toHaveCount(0)
  await showVersions.click()
  await versions.getByRole('button', { name: 'Undelete notas.txt' }).click()
  await expect(rows.nth(1)).toContainText('Current')
  await showVersions.click()
  await expect(grid.getByRole('row', { name: 'notas.txt' })).toBeVisible()
  expect(await bodyOf('notas.txt')).toBe('primera versión')
})

test('edits CORS: a rule from the form, a JSON mistake shown by line and column, the change reviewed and read back', async ({ page }) => {
  const keys = await seedAccount(cubeta.endpoint, [{ name: bucket, region }])
  await page.goto(cubeta.app.url)
  await addProfileThroughUi(page, keys, { region })
  await page.getByRole('button', { name: `Settings of ${bucket}` }).click()
  const opener = page.getByRole('button', { name: 'Edit CORS' })
  await opener.click()
  const json = page.getByLabel('CORS rules (JSON)')
  await json.fill('[\n  { "AllowedOrigins": ["*"], "AllowedMethods": ["GET",] }\n]')
  await expect(page.getByRole('alert').filter({ hasText: 'Line 2, column' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Review the change' })).toBeDisabled()
  await json.fill('[]')
  await page.getByLabel('Origins').fill('https://mi-sitio.com')
  await page.getByRole('button', { name: 'Add to the rules' }).click()
  await expect(json).toHaveValue(/mi-sitio\.com/)
  await expectNoAxeViolations(page, 'the CORS editor')
  await shot(page, 'en-cors-editor')
  await page.getByRole('button', { name: 'Review the change' }).click()
  await expect(page.getByText('From 0 rules to 1.')).toBeVisible()
  await expectNoAxeViolations(page, 'the CORS change review')
  await shot(page, 'en-cors-review')
  await page.getByRole('button', { name: 'Apply the CORS rules' }).click()
  await expect(page.getByText('GET, HEAD from https://mi-sitio.com')).toBeVisible()
  const stored = await adminS3(cubeta.endpoint, region).send(new GetBucketCorsCommand({ Bucket: bucket }))
  expect(stored.CORSRules).toEqual([expect.objectContaining({ AllowedOrigins: ['https://mi-sitio.com'], AllowedMethods: ['GET', 'HEAD'] })])
})

test('aborts an incomplete upload after saying what that frees', async ({ page }) => {
  const keys = await seedAccount(cubeta.endpoint, [{ name: bucket, region }])
  const s3 = adminS3(cubeta.endpoint, region)
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'video.mp4' }))
  await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'video.mp4', UploadId, PartNumber: 1, Body: Buffer.alloc(5 * 1024 * 1024, 1) }))
  await page.goto(cubeta.app.url)
  await addProfileThroughUi(page, keys, { region })
  await page.getByRole('button', { name: `Settings of ${bucket}` }).click()
  const uploads = page.getByRole('table', { name: 'Incomplete uploads' })
  await expect(uploads.getByRole('row', { name: /video\.mp4/ })).toContainText('5.2 MB')
  await expectNoAxeViolations(page, 'the settings panel with an incomplete upload')
  await page.getByLabel(/^Select the upload of video\.mp4/).check()
  const opener = page.getByRole('button', { name: 'Abort the selected upload' })
  await opener.click()
  const dialog = page.getByRole('dialog', { name: 'Abort this upload?' })
  await expect(dialog).toContainText('5.2 MB')
  await expectNoAxeViolations(page, 'the abort dialog')
  await shot(page, 'en-abort-upload')
  await dialog.getByRole('button', { name: 'Abort', exact: true }).click()
  await expect(page.getByText('None: no parts are left over.')).toBeVisible()
  expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([])
})

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' })
  test('the settings panel and the versioning warning read in Spanish', async ({ page }) => {
    const keys = await seedAccount(cubeta.endpoint, [{ name: bucket, region }])
    await page.goto(cubeta.app.url)
    await addProfileThroughUi(page, keys, { language: 'es', region: region })
    await page.getByRole('button', { name: `Configuración de ${bucket}` }).click()
    await expect(page.getByRole('button', { name: 'Editar el control de versiones' })).toBeVisible()
    await expectNoAxeViolations(page, 'the settings panel, in Spanish')
    await page.getByRole('button', { name: 'Editar el control de versiones' }).click()
    await expect(page.getByText('Esto no tiene vuelta atrás')).toBeVisible()
    await expectNoAxeViolations(page, 'the versioning warning, in Spanish')
    await shot(page, 'es-versioning-one-way')
    await page.getByLabel('Entiendo que no se puede volver a desactivar').check()
    await page.getByRole('button', { name: 'Cambiar el control de versiones' }).click()
    await expect(page.getByText(/Activado: cada sobrescritura/)).toBeVisible()
    // The versions view, in Spanish: a file written twice.
    const s3 = adminS3(cubeta.endpoint, region)
    for (const body of ['primera', 'segunda']) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'notas.txt', Body: body }))
    await page.getByRole('button', { name: 'Archivos' }).click()
    await page.getByRole('switch', { name: 'Mostrar versiones' }).click()
    await expect(page.getByRole('table', { name: 'Versiones' }).getByRole('row')).toHaveCount(3)
    await expectNoAxeViolations(page, 'the versions view, in Spanish')
    await page.getByRole('button', { name: 'Configuración del bucket' }).click()
    await page.getByRole('button', { name: 'Editar CORS' }).click()
    await page.getByLabel('Reglas CORS (JSON)').fill('[{"AllowedOrigins": ["*"], "AllowedMethods": ["FETCH"]}]')
    await expect(page.getByRole('alert')).toContainText('FETCH')
    await expectNoAxeViolations(page, 'the CORS editor with an error, in Spanish')
    await shot(page, 'es-cors-editor')
  })
})
