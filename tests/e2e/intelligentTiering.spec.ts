import { mkdir } from 'node:fs/promises'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from '../support/axe'
import { useAppBehindProxy } from '../support/e2eMoto'
import { addProfileThroughUi } from '../support/e2eSteps'
import { adminS3, seedAccount } from '../support/moto'

/**
 * A file in an Intelligent-Tiering archive tier, as a user meets it: the properties say
 * it is offline and in which tier, and the restore dialog says the days don't apply to
 * it. moto has no archive tiers: a proxy in front of it adds the header S3 sends
 * (x-amz-archive-status) and answers the restore as S3 does, keeping what was asked.
 */
test.describe.configure({ timeout: 120_000 })
const world = useAppBehindProxy()
const bucket = 'escalonado'

test.beforeAll(async () => {
  await mkdir('test-results/intelligentTiering', { recursive: true })
})

test('a file in the Deep Archive Access tier: shown offline, restored without days, in both languages', async ({ page }) => {
  const keys = await seedAccount(world.endpoint, [{ name: bucket, region: 'us-east-1' }])
  await adminS3(world.endpoint).send(new PutObjectCommand({ Bucket: bucket, Key: 'informe 2021.csv', Body: 'a,b', StorageClass: 'INTELLIGENT_TIERING' }))
  world.proxy.add({ match: (r) => r.method === 'HEAD' && r.url.pathname.endsWith('/informe%202021.csv'), fault: { kind: 'extra-headers', headers: { 'x-amz-archive-status': 'DEEP_ARCHIVE_ACCESS' } }, times: Number.POSITIVE_INFINITY })
  const restores: string[] = []
  world.proxy.add({ match: (r) => r.method === 'POST' && r.url.searchParams.has('restore'), fault: { kind: 'reply', status: 202, onBody: (body) => restores.push(body) }, times: 1 })

  await page.goto(world.app.url)
  await addProfileThroughUi(page, keys, { region: 'us-east-1' })
  await page.getByRole('table', { name: 'Buckets' }).getByRole('row').filter({ hasText: bucket }).click()
  const grid = page.getByRole('grid', { name: 'Objects' })
  await grid.getByRole('row', { name: 'informe 2021.csv' }).dblclick()
  const panel = page.getByRole('complementary', { name: 'Properties' })
  await expect(panel).toContainText('Intelligent-Tiering, Deep Archive Access tier (offline)')
  await expect(panel).toContainText('Archived: restore it to read it')

  const row = grid.getByRole('row', { name: 'informe 2021.csv' })
  await row.click({ button: 'right' })
  await page.getByRole('menu').getByRole('menuitem', { name: 'Restore from archive…' }).click()
  const restore = page.getByRole('dialog', { name: 'Restore “informe 2021.csv”' })
  await expect(restore).toContainText('Files in an Intelligent-Tiering archive tier go back to its Frequent Access tier instead, for good')
  await restore.getByLabel(/^Bulk/).check()
  await expectNoAxeViolations(page, 'the restore dialog')
  await page.screenshot({ path: 'test-results/intelligentTiering/en-restore.png' })
  await restore.getByRole('button', { name: 'Restore “informe 2021.csv”' }).click()
  const done = page.getByRole('dialog', { name: 'Done' })
  await expect(done).toContainText('Restore requested for 1 file')
  expect(restores).toHaveLength(1)
  expect(restores[0]).toMatch(/<Tier>Bulk<\/Tier>/)
  expect(restores[0]).not.toMatch(/<Days>/)
  await done.getByRole('button', { name: 'Close' }).click()
  await expect(grid).toBeFocused()

  await page.getByRole('combobox', { name: /Language|Idioma/ }).selectOption('es')
  await expect(page.getByRole('complementary', { name: 'Propiedades' })).toContainText('Intelligent-Tiering, nivel Deep Archive Access (sin conexión)')
  const esGrid = page.getByRole('grid', { name: 'Objetos' })
  const esRow = esGrid.getByRole('row', { name: 'informe 2021.csv' })
  await esRow.click({ button: 'right' })
  await page.getByRole('menu').getByRole('menuitem', { name: 'Restaurar del archivo…' }).click()
  const esRestore = page.getByRole('dialog', { name: 'Restaurar “informe 2021.csv”' })
  await expect(esRestore).toContainText('vuelven a su nivel Frequent Access, de forma permanente')
  await expectNoAxeViolations(page, 'the restore dialog, in Spanish', { themes: ['current'] })
  await page.screenshot({ path: 'test-results/intelligentTiering/es-restore.png' })
  await esRestore.getByRole('button', { name: 'Cancelar' }).click()
  await expect(esGrid).toBeFocused()
})
