import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { expect, test, type Page } from '@playwright/test'
import { recordBridge, type BridgeMessage, type BridgeRecording } from '../support/bridgeRecorder'
import { expectNoAxeViolations } from '../support/axe'
import { useMotoInSpecs } from '../support/e2eMoto'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'
import { addProfileThroughUi, folderAction, publicReadPolicy } from '../support/e2eSteps'
import { adminS3, motoAdmin, seedAccount } from '../support/moto'

/**
 * Secrets never leave the main process
 *
 * Two journeys in browser mode, with every bridge call, reply and event recorded as the
 * page sees it (tests/support/bridgeRecorder.ts): the guided setup from admin keys to
 * the opened bucket, and the file browser on a profile added by hand. No reply and no
 * event may carry a secret access key: not the admin's typed into the wizard, not the
 * one IAM issues to the new user, not the profile's. A secret the user types travels
 * page → main once, in the call that submits it (setup/start, profiles/add); no other
 * call ever carries it back.
 *
 * The one deliberate exception is the reply to `setup/revealEnv`: the user clicks
 * "Reveal secret" (or "Copy .env") to get the new user's .env lines for Django, so that
 * reply holds the new secret by design. It is the only message excluded, and the test
 * checks that it really does hold the secret, which also proves the recorder sees the
 * traffic it vets.
 */
const moto = useMotoInSpecs()
let app: BrowserModeApp
test.beforeEach(async () => {
  app = await startBrowserMode(moto.endpoint)
})
test.afterEach(async () => app.stop())
test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

/** Where each secret may appear: only in the calls that submitted it, and in the one exception. */
function expectSecretConfined(recording: BridgeRecording, secret: string, label: string, allowed: (m: BridgeMessage) => boolean) {
  const leaks = recording.messages.filter((m) => m.text.includes(secret) && !allowed(m))
  expect(leaks.map((m) => `#${m.seq} ${m.kind} ${m.name}`), `${label} secret outside where it belongs:\n${recording.describe()}`).toEqual([])
}

const isCall = (name: string) => (m: BridgeMessage) => m.kind === 'call' && m.name === name
/** The deliberate exception: the user asked to see the new user's .env lines. */
const isRevealReply = (m: BridgeMessage) => m.kind === 'reply' && m.name === 'setup/revealEnv'

async function presignSelected(page: Page) {
  await page.getByRole('button', { name: 'Copy as…' }).click()
  await page.getByRole('menuitem', { name: 'Presigned URL…' }).click()
  await expectNoAxeViolations(page, 'the presigned URL dialog')
  await page.getByRole('dialog', { name: 'Copy a presigned URL' }).getByRole('button', { name: 'Copy presigned URL' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Presigned URL copied' })).toBeVisible()
}

test('the guided setup: admin secret, new user secret and saved admin profile stay in main', async ({ page }) => {
  const recording = await recordBridge(page)
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Guided setup' }).click()
  const wizard = page.getByRole('region', { name: 'Guided setup' })
  await wizard.getByLabel('Access key ID').fill(motoAdmin.accessKeyId)
  await wizard.getByLabel('Secret access key').fill(motoAdmin.secretAccessKey)
  // Saved to the keychain as a profile too: one more place a secret could slip out.
  await wizard.getByLabel('Also save these admin keys as a profile').check()
  await wizard.getByLabel('Name of the admin profile').fill('AWS admin')
  await wizard.getByRole('button', { name: 'Next', exact: true }).click()
  await wizard.getByLabel('IAM user name').fill('django-media')
  await wizard.getByRole('button', { name: 'Next', exact: true }).click()
  await wizard.getByLabel('Bucket name').fill('mi-blog-media')
  await wizard.getByLabel('Region').selectOption('eu-west-1')
  await wizard.getByRole('button', { name: 'Next', exact: true }).click()
  await wizard.getByLabel('Keep the test image').check()
  await wizard.getByRole('button', { name: 'Set up', exact: true }).click()
  await expect(wizard.getByRole('heading', { name: 'It works' })).toBeVisible({ timeout: 45_000 })
  await wizard.getByRole('button', { name: 'Finish', exact: true }).click()
  await expect(wizard.getByRole('heading', { name: 'Your bucket is ready' })).toBeVisible()
  await expect(wizard.getByText(/AWS_SECRET_ACCESS_KEY=•+/)).toBeVisible()

  // The exception, on the user's click: the real .env lines.
  await wizard.getByRole('button', { name: 'Reveal secret' }).click()
  await expect(wizard.getByText(/AWS_SECRET_ACCESS_KEY=[A-Za-z0-9/+]{40}/)).toBeVisible()
  const reveal = recording.messages.find(isRevealReply)
  const newSecret = /AWS_SECRET_ACCESS_KEY=([A-Za-z0-9/+]{40})/.exec(reveal?.text ?? '')?.[1]
  expect(newSecret, 'the reveal reply holds the new user’s secret').toBeDefined()
  const newKeyId = /AWS_ACCESS_KEY_ID=(\w+)/.exec(reveal?.text ?? '')?.[1] ?? ''
  await wizard.getByRole('button', { name: 'Hide secret' }).click()
  await wizard.getByRole('button', { name: 'Copy .env' }).click()

  // On into the bucket as the new user: listing, a presigned link signed with the new secret.
  await wizard.getByRole('button', { name: 'Open the bucket' }).click()
  const grid = page.getByRole('grid', { name: 'Objects' })
  await grid.getByRole('row', { name: 'media/' }).dblclick()
  await grid.getByRole('row', { name: 'cubeta-check/' }).dblclick()
  await grid.getByRole('row').nth(1).click()
  await presignSelected(page)
  const presigned = recording.messages.filter((m) => m.kind === 'reply' && m.name === 'urls/build')
  expect(presigned.some((m) => m.text.includes('X-Amz-Signature='))).toBe(true)
  await page.reload()
  await expect(page.getByText('AWS admin').first()).toBeVisible()

  // The recorder saw the traffic it vets.
  expect(recording.messages.filter((m) => m.kind === 'event' && m.name === 'setup/progress').length).toBeGreaterThan(0)
  expect(recording.messages.filter((m) => m.kind === 'event' && m.name === 'profiles/changed').length).toBeGreaterThan(0)
  expect(recording.messages.filter(isCall('setup/start')).some((m) => m.text.includes(motoAdmin.secretAccessKey))).toBe(true)

  // Typed once, in the call that submitted it; the new secret only in the reveal reply.
  expectSecretConfined(recording, motoAdmin.secretAccessKey, 'The admin', isCall('setup/start'))
  expect(recording.messages.filter((m) => m.text.includes(motoAdmin.secretAccessKey))).toHaveLength(1)
  expectSecretConfined(recording, newSecret as string, 'The new user’s', isRevealReply)
  // Key ids are not secrets, but the window only ever sees their last 4 characters, except
  // in the .env it asked for and in presigned links (SigV4 puts the id in X-Amz-Credential).
  const idAllowed = (m: BridgeMessage) => isRevealReply(m) || (m.kind === 'reply' && m.name === 'urls/build') || isCall('setup/start')(m)
  expectSecretConfined(recording, newKeyId, 'The new user’s key id', idAllowed)
  expectSecretConfined(recording, motoAdmin.accessKeyId, 'The admin key id', isCall('setup/start'))
})

test('the file browser: the profile secret typed once never comes back, through every kind of call', async ({ page }) => {
  const keys = await seedAccount(moto.endpoint, [{ name: 'media-django', region: 'eu-west-1' }])
  const s3 = adminS3(moto.endpoint, 'eu-west-1')
  await s3.send(new PutBucketPolicyCommand({ Bucket: 'media-django', Policy: publicReadPolicy('media-django') }))
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082', 'hex')
  await s3.send(new PutObjectCommand({ Bucket: 'media-django', Key: 'año 2024/foto niño+1.png', Body: png, ContentType: 'image/png' }))
  const recording = await recordBridge(page)

  await page.goto(app.url)
  await addProfileThroughUi(page, keys, { region: 'eu-west-1' })
  await page.getByRole('table', { name: 'Buckets' }).getByRole('row').filter({ hasText: 'media-django' }).click()
  const grid = page.getByRole('grid', { name: 'Objects' })
  await grid.getByRole('row', { name: 'año 2024/' }).dblclick()
  const row = grid.getByRole('row', { name: 'foto niño+1.png' })
  await row.dblclick()
  await expect(page.getByRole('complementary', { name: 'Properties' })).toContainText('image/png')
  await page.getByRole('button', { name: 'Copy URL', exact: true }).click()
  await presignSelected(page)
  await folderAction(page, 'Check URL')
  await expect(page.getByRole('dialog').getByText('The URL works: a visitor’s browser shows the file.')).toBeVisible()
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()

  // An upload (bytes PUT by the page) and a download (a one-time link), then a rename and a delete.
  const folder = await mkdtemp(join(tmpdir(), 'cubeta-secrets-'))
  await writeFile(join(folder, 'notas.txt'), 'hola')
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Upload files' }).click()
  await (await chooser).setFiles(join(folder, 'notas.txt'))
  await expect(grid.getByRole('row', { name: 'notas.txt' })).toBeVisible({ timeout: 30_000 })
  await grid.getByRole('row', { name: 'notas.txt' }).click()
  const [download] = await Promise.all([page.waitForEvent('download'), folderAction(page, 'Download')])
  expect(download.suggestedFilename()).toBe('notas.txt')
  await grid.getByRole('row', { name: 'notas.txt' }).click()
  await folderAction(page, 'Delete')
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(grid.getByRole('row', { name: 'notas.txt' })).toBeHidden()
  await page.reload()
  await expect(page.getByRole('table', { name: 'Buckets' })).toBeVisible()

  for (const kind of ['call', 'reply', 'event', 'request'] as const) expect(recording.messages.some((m) => m.kind === kind), kind).toBe(true)
  for (const event of ['profiles/changed', 'transfers/changed', 'objects/progress']) expect(recording.messages.some((m) => m.kind === 'event' && m.name === event), event).toBe(true)
  expect(recording.messages.filter(isCall('profiles/add')).some((m) => m.text.includes(keys.secretAccessKey))).toBe(true)

  expectSecretConfined(recording, keys.secretAccessKey, 'The profile', isCall('profiles/add'))
  expect(recording.messages.filter((m) => m.text.includes(keys.secretAccessKey))).toHaveLength(1)
  expectSecretConfined(recording, keys.accessKeyId, 'The profile key id', (m) => isCall('profiles/add')(m) || (m.kind === 'reply' && m.name === 'urls/build'))
})
