import { GetBucketPolicyCommand, GetPublicAccessBlockCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations } from '../support/axe'
import { useAppInSpecs } from '../support/e2eMoto'
import { addProfileThroughUi } from '../support/e2eSteps'
import { adminS3, seedAccount } from '../support/moto'

/**
 * Who may read a bucket, as a user edits it in browser mode against moto: the policy as
 * JSON (mistakes shown as typed, public read merged in, a lock-out that must be
 * confirmed), Block Public Access (public read stopping must be confirmed), and the
 * explanation when Block Public Access stands in a public policy's way. Screenshots in
 * test-results/access/, in English and Spanish.
 */
const cubeta = useAppInSpecs('access')
const region = 'eu-west-1'
const bucket = 'blog-media'

const shot = (page: Page, name: string) => cubeta.shot(page, name, { fullPage: true })
const anonymousStatus = async (key: string) => (await fetch(`${cubeta.endpoint}/${bucket}/${key}`, { headers: { Range: 'bytes=0-0' } })).status
const policyText = (...Statement: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement }, null, 2)

test('edits the policy and Block Public Access, with every warning asked first', async ({ page }) => {
  const keys = await seedAccount(cubeta.endpoint, [{ name: bucket, region }])
  const s3 = adminS3(cubeta.endpoint, region)
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'logo.png', Body: 'png' }))
  await page.goto(cubeta.app.url)
  await addProfileThroughUi(page, keys, { region })
  await page.getByRole('button', { name: `Settings of ${bucket}` }).click()

  // The policy: a JSON slip, then an action S3 does not know, each said as it is typed.
  const editPolicy = page.getByRole('button', { name: 'Edit the policy' })
  await editPolicy.click()
  const json = page.getByLabel('Bucket policy (JSON)')
  await json.fill('{\n  "Version": "2012-10-17",\n  "Statement": [,]\n}')
  await expect(page.getByRole('alert').filter({ hasText: 'Line 3, column' })).toBeVisible()
  await json.fill(policyText({ Effect: 'Allow', Principal: '*', Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::otro-bucket/*' }))
  await expect(page.getByRole('alert')).toContainText('“s3:GetObjekt” is not an S3 action')
  await expect(page.getByRole('alert')).toContainText('is not in this bucket')
  await expect(page.getByRole('button', { name: 'Review the change' })).toBeDisabled()
  await shot(page, 'en-policy-problems')

  // Public read, merged the guided setup's way, reviewed, applied and read back.
  await json.fill(policyText())
  await page.getByRole('button', { name: 'Add public read for files' }).click()
  await expect(json).toHaveValue(/CubetaPublicReadObjects/)
  await page.getByRole('button', { name: 'Review the change' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'No statement is removed.' })).toBeVisible()
  await page.getByRole('button', { name: 'Apply the policy' }).click()
  await expect(page.getByRole('region', { name: 'Bucket policy' }).getByLabel('Bucket policy')).toContainText('CubetaPublicReadObjects')
  await expect(editPolicy).toBeFocused()
  expect(await anonymousStatus('logo.png')).toBeLessThan(300)

  // Block Public Access: ignoring public policies stops public read, so it is asked first.
  const editBlock = page.getByRole('button', { name: 'Edit Block Public Access' })
  await editBlock.click()
  await page.getByLabel(/^Ignore public bucket policies already there/).check()
  await page.getByLabel(/^Block new public bucket policies/).check()
  await page.getByRole('button', { name: 'Review the change' }).click()
  await expect(page.getByText('Public URLs will stop working')).toBeVisible()
  const applyBlock = page.getByRole('button', { name: 'Apply Block Public Access' })
  await expect(applyBlock).toBeDisabled()
  await page.getByLabel('I understand that public URLs stop working').check()
  await expectNoAxeViolations(page, 'the Block Public Access review')
  await shot(page, 'en-bpa-review')
  await applyBlock.click()
  await expect(editBlock).toBeFocused()
  await expect(page.getByRole('region', { name: 'Block Public Access (this bucket)' })).toContainText('new public policies; public policies are ignored')
  expect((await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration).toMatchObject({ BlockPublicPolicy: true, RestrictPublicBuckets: true })

  // The policy editor now explains that Block Public Access stands in the way, and offers to relax it.
  await editPolicy.click()
  await expect(page.getByText('this bucket’s Block Public Access blocks new public policies')).toBeVisible()
  await page.getByLabel(/^Also allow public policies in this bucket’s Block Public Access/).check()

  // A lock-out: Deny * for everyone must be confirmed, and says why.
  const current = JSON.parse(await json.inputValue()) as { Statement: unknown[] }
  await json.fill(policyText(...current.Statement, { Sid: 'NadieNada', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] }))
  await expect(page.getByText('This policy can lock you out')).toBeVisible()
  await expect(page.getByText(/It will deny these keys s3:PutBucketPolicy \(statement NadieNada\)/)).toBeVisible()
  await page.getByRole('button', { name: 'Review the change' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Block Public Access will allow public policies first.' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Apply the policy' })).toBeDisabled()
  await expectNoAxeViolations(page, 'the policy lock-out review')
  await shot(page, 'en-policy-lockout')
  await page.emulateMedia({ colorScheme: 'dark' })
  await shot(page, 'en-policy-lockout-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await page.getByRole('button', { name: 'Back' }).click()
  await page.getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(editPolicy).toBeFocused()
  const stored = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy!) as { Statement: { Sid?: string }[] }
  expect(stored.Statement.map((s) => s.Sid)).toEqual(['CubetaPublicReadObjects'])

  // Deleting the whole policy is reviewed too, and says what stops.
  await editPolicy.click()
  await page.getByRole('button', { name: 'Delete the whole policy' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Statements that will be removed: CubetaPublicReadObjects.' })).toBeVisible()
  await page.getByRole('button', { name: 'Delete the whole policy' }).click()
  await expect(page.getByText('No bucket policy: only IAM permissions decide who may do what.')).toBeVisible()
  await expect(s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).rejects.toMatchObject({ name: 'NoSuchBucketPolicy' })
})

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' })
  test('the policy editor and its warnings read in Spanish', async ({ page }) => {
    const keys = await seedAccount(cubeta.endpoint, [{ name: bucket, region }])
    await page.goto(cubeta.app.url)
    await addProfileThroughUi(page, keys, { language: 'es', region: region })
    await page.getByRole('button', { name: `Configuración de ${bucket}` }).click()

    await page.getByRole('button', { name: 'Editar la política' }).click()
    const json = page.getByLabel('Política del bucket (JSON)')
    await json.fill(policyText({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}` }))
    await expect(page.getByRole('alert')).toContainText('s3:GetObject no se aplica a ninguno de los recursos')
    await json.fill(policyText({ Effect: 'Deny', Principal: '*', Action: '*', Resource: `arn:aws:s3:::${bucket}/*` }))
    await expect(page.getByText('Esta política puede dejarte sin acceso')).toBeVisible()
    await expect(page.getByText(/Va a denegar a todos leer los archivos/)).toBeVisible()
    await page.getByText('Esta política puede dejarte sin acceso').scrollIntoViewIfNeeded()
    await expectNoAxeViolations(page, 'the Spanish policy editor')
    await shot(page, 'es-policy-lockout')
    await page.getByRole('button', { name: 'Cancelar', exact: true }).click()

    await page.getByRole('button', { name: 'Editar el bloqueo de acceso público' }).click()
    await page.getByLabel(/^Bloquear las nuevas ACL públicas/).check()
    await expect(page.getByRole('status').filter({ hasText: 'Se activa (menos cosas pueden ser públicas)' })).toBeVisible()
    await expectNoAxeViolations(page, 'the Spanish Block Public Access editor')
    await shot(page, 'es-bpa-editor')
  })
})
