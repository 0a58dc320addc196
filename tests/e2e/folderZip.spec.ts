import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from '../support/axe'
import { useAppInSpecs } from '../support/e2eMoto'
import { addProfileThroughUi } from '../support/e2eSteps'
import { adminS3, seedAccount } from '../support/moto'
import { seededBytes } from '../support/seededBytes'

/**
 * A bucket folder downloaded as one .zip in browser mode, checked with real unzippers
 *
 * The archive the browser saved is opened by Python's zipfile (names decoded as the
 * UTF-8 flag says, CRC-32 checked on every read) and tested by Info-ZIP's `unzip -t`;
 * each entry's bytes must equal the object's. Names no disk can hold stay out, and the
 * page says so.
 */
const cubeta = useAppInSpecs('sync')
const bucket = 'descargas-zip'
const region = 'us-east-1'
const run = promisify(execFile)

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

const readZip = `
import hashlib, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    bad = z.testzip()
    print(json.dumps({"bad": bad, "entries": {i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist() if not i.is_dir()}}))
`

test('a bucket folder comes down as one .zip, byte-exact, non-ASCII names included', async ({ page }) => {
  const keys = await seedAccount(cubeta.endpoint, [{ name: bucket, region }])
  const contents: Record<string, Buffer> = {
    'fotos/año 2024/niño.png': seededBytes('png', 70_000),
    'notas ñandú.txt': Buffer.from('¡Hola, señor! €'),
    'vacío.txt': Buffer.alloc(0),
    'grande/datos.bin': seededBytes('big', 6 * 1024 * 1024 + 17),
    'emoji 🎉/fiesta.txt': Buffer.from('🎉'),
  }
  for (const [path, body] of Object.entries(contents)) await adminS3(cubeta.endpoint, region).send(new PutObjectCommand({ Bucket: bucket, Key: `media/${path}`, Body: body }))
  // A name Windows forbids: left out of the archive and named in the page.
  await adminS3(cubeta.endpoint, region).send(new PutObjectCommand({ Bucket: bucket, Key: 'media/¿qué?.txt', Body: 'x' }))
  await adminS3(cubeta.endpoint, region).send(new PutObjectCommand({ Bucket: bucket, Key: 'otra/fuera.txt', Body: 'not in media/' }))

  await page.goto(cubeta.app.url)
  await addProfileThroughUi(page, keys, { region })
  await page.getByRole('table', { name: 'Buckets' }).getByRole('button', { name: bucket, exact: true }).click()
  await page.getByRole('grid', { name: 'Objects' }).getByRole('row').filter({ hasText: 'media/' }).dblclick()
  await expect(page.getByRole('grid', { name: 'Objects' }).getByRole('row').filter({ hasText: 'vacío.txt' })).toBeVisible()
  // The sync dialog's download direction: a page can't write a folder, so it offers the .zip
  // (the toolbar has the same button when the window is wide enough).
  const opener = page.getByRole('button', { name: 'Sync folder…' })
  await opener.click()
  const dialog = page.getByRole('dialog', { name: 'Sync a folder' })
  await dialog.getByRole('radio', { name: 'Download: bucket → local folder' }).check()
  await expect(dialog.getByLabel('Bucket folder')).toHaveValue('media/')
  await expect(dialog).toContainText('comes down as one .zip')
  await page.screenshot({ path: 'test-results/sync/zip-dialog-en.png' })
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download folder as .zip' }).click()])
  await expect(opener).toBeFocused()
  expect(download.suggestedFilename()).toBe('media.zip')
  const path = 'test-results/sync/media.zip'
  await download.saveAs(path)
  await expect(page.getByText(/leaves out 1 name that can’t be a file name: ¿qué\?\.txt/)).toBeVisible()
  await page.screenshot({ path: 'test-results/sync/zip-en.png' })
  await expectNoAxeViolations(page, 'the folder after a .zip download, with its notice')

  const { stdout } = await run('python3', ['-c', readZip, path])
  const archive = JSON.parse(stdout) as { bad: string | null; entries: Record<string, string> }
  expect(archive.bad).toBeNull()
  expect(archive.entries).toEqual(Object.fromEntries(Object.entries(contents).map(([name, body]) => [name, sha256(body)])))
  const tested = await run('unzip', ['-t', path])
  expect(tested.stdout).toMatch(/No errors detected/)
})
