import { GetBucketEncryptionCommand, GetBucketLifecycleConfigurationCommand, GetBucketOwnershipControlsCommand, GetBucketWebsiteCommand, PutBucketLifecycleConfigurationCommand } from '@aws-sdk/client-s3'
import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from '../support/axe'
import { useAppInSpecs } from '../support/e2eMoto'
import { addProfileThroughUi } from '../support/e2eSteps'
import { adminS3, seedAccount } from '../support/moto'

/**
 * Object Ownership, default encryption and static website hosting, as a user edits them
 * in browser mode against moto: each says what changes and what it costs before it is
 * applied, and each is read back. Screenshots in test-results/basics/.
 */
const cubeta = useAppInSpecs('basics')
const region = 'eu-west-1'
const bucket = 'blog-media'

const shot = cubeta.shot

test('edits Object Ownership, default encryption and website hosting, each read back', async ({ page }) => {
  const keys = await seedAccount(cubeta.endpoint, [{ name: bucket, region }])
  const s3 = adminS3(cubeta.endpoint, region)
  await page.goto(cubeta.app.url)
  await addProfileThroughUi(page, keys, { region })
  await page.getByRole('button', { name: `Settings of ${bucket}` }).click()

  // Ownership: ACLs off from a bucket that never set it; ACLs on again warns first.
  const editOwnership = page.getByRole('button', { name: 'Edit Object Ownership' })
  await editOwnership.click()
  await page.getByLabel('ACLs off: the bucket owns every file (recommended)').check()
  await expect(page.getByRole('status').filter({ hasText: 'Will change: ACLs on (never set) → ACLs off' })).toBeVisible()
  await page.getByRole('button', { name: 'Change Object Ownership' }).click()
  await expect(page.getByText('ACLs are off: the bucket owns every object')).toBeVisible()
  await expect(editOwnership).toBeFocused()
  expect((await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket }))).OwnershipControls?.Rules?.[0]?.ObjectOwnership).toBe('BucketOwnerEnforced')
  await editOwnership.click()
  await page.getByLabel('ACLs on: whoever uploads a file owns it').check()
  await expect(page.getByText('ACLs can make single files public')).toBeVisible()
  await page.getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(editOwnership).toBeFocused()

  // Encryption: a KMS key that is none is refused as typed; KMS warns about public URLs.
  await page.getByRole('button', { name: 'Edit default encryption' }).click()
  await page.getByLabel('SSE-KMS: a key in AWS KMS').check()
  await expect(page.getByText('SSE-KMS files can’t be read by public URL')).toBeVisible()
  await page.getByLabel('KMS key').fill('mi-clave')
  await expect(page.getByText('This is not a KMS key id, alias or ARN.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Change default encryption' })).toBeDisabled()
  await page.getByLabel('KMS key').fill('alias/mi-clave')
  await expectNoAxeViolations(page, 'the encryption editor')
  await shot(page, 'en-encryption')
  await page.getByRole('button', { name: 'Change default encryption' }).click()
  await expect(page.getByText('SSE-KMS with the key alias/mi-clave')).toBeVisible()
  const stored = await s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }))
  expect(stored.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault).toMatchObject({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/mi-clave' })

  // Website: on, with its address shown; then off, which warns that the address stops.
  const editWebsite = page.getByRole('button', { name: 'Edit static website hosting' })
  await editWebsite.click()
  await page.getByLabel('Index document').fill('docs/index.html')
  await expect(page.getByText('The index document is a file name, without a slash.')).toBeVisible()
  await page.getByLabel('Index document').fill('index.html')
  await page.getByLabel('Error document (optional)').fill('404.html')
  await page.getByRole('button', { name: 'Change website hosting' }).click()
  await expect(page.getByText(`http://${bucket}.s3-website-${region}.amazonaws.com`)).toBeVisible()
  await expect(editWebsite).toBeFocused()
  expect((await s3.send(new GetBucketWebsiteCommand({ Bucket: bucket }))).IndexDocument?.Suffix).toBe('index.html')
  await editWebsite.click()
  await page.getByLabel('Off', { exact: true }).check()
  await expect(page.getByText('The website address will stop answering')).toBeVisible()
  await expectNoAxeViolations(page, 'the website editor')
  await shot(page, 'en-website-off')
  await page.getByRole('button', { name: 'Change website hosting' }).click()
  await expect(page.getByRole('region', { name: 'Static website hosting' })).toContainText('Off.')
})

test('adds lifecycle rules from the form, keeps a rule it can’t show, and says what goes', async ({ page }) => {
  const keys = await seedAccount(cubeta.endpoint, [{ name: bucket, region }])
  const s3 = adminS3(cubeta.endpoint, region)
  await s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [{ ID: 'temporales', Status: 'Enabled', Filter: { Tag: { Key: 'temporal', Value: 'si' } }, Expiration: { Days: 3 } }] } }))
  await page.goto(cubeta.app.url)
  await addProfileThroughUi(page, keys, { region })
  await page.getByRole('button', { name: `Settings of ${bucket}` }).click()
  const section = page.getByRole('region', { name: 'Lifecycle rules' })
  await expect(section.getByLabel('Rule temporales, kept as it is (the form can’t show it)')).toContainText('temporal')

  const opener = page.getByRole('button', { name: 'Edit lifecycle rules' })
  await opener.click()
  await page.getByLabel('What the rule does').selectOption({ label: 'Delete older versions after N days' })
  await page.getByLabel('Days').fill('30')
  await page.getByRole('button', { name: 'Add to the rules' }).click()
  await page.getByLabel('What the rule does').selectOption({ label: 'Move files to another storage class after N days' })
  await page.getByLabel('Only under this prefix (optional)').fill('media/')
  await page.getByLabel('Days').fill('10')
  await page.getByLabel('Storage class').selectOption('STANDARD_IA')
  await page.getByRole('button', { name: 'Add to the rules' }).click()
  await expect(page.getByRole('alert')).toContainText('S3 moves files to STANDARD_IA only 30 days or more after upload.')
  await expect(page.getByRole('button', { name: 'Review the change' })).toBeDisabled()
  await page.getByRole('button', { name: /^Remove the rule transition-media/ }).click()
  await expectNoAxeViolations(page, 'the lifecycle editor')
  await shot(page, 'en-lifecycle-editor')
  await page.getByRole('button', { name: 'Review the change' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'No rule is removed.' })).toBeVisible()
  await expect(page.getByText('Rules that delete files')).toBeVisible()
  await page.getByRole('button', { name: 'Apply the lifecycle rules' }).click()
  await expect(section).toContainText('Delete older versions of every file 30 days after they are replaced')
  await expect(opener).toBeFocused()
  const stored = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }))
  expect(stored.Rules?.map((r) => r.ID)).toEqual(['temporales', 'expire-noncurrent-30d'])
})

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' })
  test('the ownership, encryption and website editors read in Spanish', async ({ page }) => {
    const keys = await seedAccount(cubeta.endpoint, [{ name: bucket, region }])
    await page.goto(cubeta.app.url)
    await addProfileThroughUi(page, keys, { language: 'es', region: region })
    await page.getByRole('button', { name: `Configuración de ${bucket}` }).click()
    await page.getByRole('button', { name: 'Editar la propiedad de objetos' }).click()
    await expect(page.getByText('Con las ACL desactivadas, las subidas')).toBeVisible()
    await page.getByRole('button', { name: 'Editar el cifrado predeterminado' }).click()
    await page.getByLabel('SSE-KMS: una clave de AWS KMS').check()
    await expect(page.getByText('Los archivos SSE-KMS no se pueden leer por URL pública')).toBeVisible()
    await page.getByRole('button', { name: 'Editar el alojamiento de sitio web estático' }).click()
    await page.getByLabel('Redirigir todas las solicitudes a otro host').check()
    await page.getByLabel('Host al que redirigir').fill('https://www.mi-sitio.com')
    await expect(page.getByText('Escribe solo un nombre de host')).toBeVisible()
    await expectNoAxeViolations(page, 'the Spanish website editor')
    await page.getByText('Escribe solo un nombre de host').scrollIntoViewIfNeeded()
    await shot(page, 'es-website')
    await page.getByText('Los archivos SSE-KMS no se pueden leer por URL pública').scrollIntoViewIfNeeded()
    await shot(page, 'es-encryption')
    await page.getByRole('button', { name: 'Editar las reglas de ciclo de vida' }).click()
    await page.getByLabel('Qué hace la regla').selectOption({ label: 'Cancelar subidas incompletas después de N días' })
    await page.getByLabel('Días').fill('1')
    await page.getByRole('button', { name: 'Agregar a las reglas' }).click()
    await expect(page.getByText('Cancelar las subidas incompletas de todos los archivos 1 día después de empezar')).toBeVisible()
    await expectNoAxeViolations(page, 'the Spanish lifecycle editor')
    await page.getByText('Cancelar las subidas incompletas de todos los archivos 1 día').scrollIntoViewIfNeeded()
    await shot(page, 'es-lifecycle')
  })
})
