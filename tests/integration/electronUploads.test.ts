import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GetObjectCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { CubetaApi, TransfersSnapshot } from '../../src-main/contract/bridge'
import { addSessionProfile, makeBackend } from '../support/backendHarness'
import type { ElectronStandIn } from '../support/electronStandIn'
import { preloadPage } from '../support/preloadPage'
import { adminS3, resetMoto, seedAccount, useMoto, type Moto } from '../support/moto'

/**
 * An Electron drop, end to end against moto
 *
 * The real backend as the Electron shell builds it, its IPC side and the preload over
 * the Electron stand-in: a file on disk goes by id and main streams it from disk; an
 * image dragged from a web page (no path) is declared, and the page sends its bytes in
 * ordered pieces over `transfers/pageBytes`, here large enough for a multipart upload.
 */
const bucket = 'fotos-del-blog'
let moto: Moto
let standIn: ElectronStandIn
let h: Awaited<ReturnType<typeof makeBackend>>
let page: CubetaApi
let dir: string
let profileId: string

beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => moto?.stop())
beforeEach(async () => {
  await resetMoto(moto.endpoint)
  const keys = await seedAccount(moto.endpoint, [{ name: bucket, region: 'us-east-1' }])
  dir = mkdtempSync(join(tmpdir(), 'cubeta-drop-'))
  h = await makeBackend(moto.endpoint, { shell: 'electron' })
  profileId = (await addSessionProfile(h, keys)).id
  ;({ standIn, page } = await preloadPage(h.backend))
  return async () => {
    standIn.dispose()
    await h.dispose()
    rmSync(dir, { recursive: true, force: true })
  }
})

const objectBytes = async (key: string) => Buffer.from(await (await adminS3(moto.endpoint).send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray())

/** What the renderer's pageUploads does in Electron: 4 MiB pieces, each after the last was taken. */
async function sendInPieces(transferId: string, bytes: Buffer) {
  const size = 4 * 1024 * 1024
  for (let offset = 0; ; offset += size) {
    const last = offset + size >= bytes.length
    const answer = await page['transfers/pageBytes']({ transferId, offset, bytes: new Uint8Array(bytes.subarray(offset, offset + size)), last })
    if (!answer.ok) throw new Error(answer.error.message)
    if (last) return
  }
}

async function settled(): Promise<TransfersSnapshot> {
  for (;;) {
    const list = await page['transfers/list']({})
    if (list.ok && list.value.totals.active === 0) return list.value
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('an Electron drop against moto', () => {
  it('uploads the file on disk by id and the one from a web page by its pieces, both byte-exact', async () => {
    const onDisk = randomBytes(300_000)
    writeFileSync(join(dir, 'gato.png'), onDisk)
    const fromTheWeb = randomBytes(17 * 1024 * 1024 + 7) // three multipart parts
    const files = [standIn.fileOnDisk(join(dir, 'gato.png')), new File([fromTheWeb], 'meme.png')]

    const ids = await page.diskFileIds!(files)
    expect(ids.ok && ids.value[1]).toBeNull()
    const fileId = ids.ok ? ids.value[0] : null
    expect(fileId).toBeTruthy()
    const byPath = await page['transfers/uploadPaths']({ profileId, bucket, prefix: 'media/', files: [{ fileId: fileId!, relativePath: 'gato.png' }], cacheControl: null })
    expect(byPath.ok).toBe(true)

    const sending: Promise<void>[] = []
    const stop = page.on('transfers/needBytes', ({ transferId }) => sending.push(sendInPieces(transferId, fromTheWeb)))
    const declared = await page['transfers/uploadDeclared']({ profileId, bucket, prefix: 'media/', files: [{ relativePath: 'meme.png', size: fromTheWeb.length }], cacheControl: null })
    expect(declared.ok).toBe(true)

    const done = await settled()
    await Promise.all(sending)
    stop()
    expect(done.totals).toMatchObject({ done: 2, failed: 0 })
    expect((await objectBytes('media/gato.png')).equals(onDisk)).toBe(true)
    expect((await objectBytes('media/meme.png')).equals(fromTheWeb)).toBe(true)
  })

  it('cancelling a page upload midway refuses its later pieces and leaves no parts behind', async () => {
    const fromTheWeb = randomBytes(20 * 1024 * 1024)
    let transferId = ''
    const stop = page.on('transfers/needBytes', (asked) => (transferId = asked.transferId))
    await page['transfers/uploadDeclared']({ profileId, bucket, prefix: '', files: [{ relativePath: 'video.mp4', size: fromTheWeb.length }], cacheControl: null })
    while (!transferId) await new Promise((r) => setTimeout(r, 20))
    const piece = 4 * 1024 * 1024
    for (const offset of [0, piece, 2 * piece]) {
      const sent = await page['transfers/pageBytes']({ transferId, offset, bytes: new Uint8Array(fromTheWeb.subarray(offset, offset + piece)), last: false })
      expect(sent.ok).toBe(true)
    }
    await page['transfers/cancel']({ ids: [transferId] })
    const done = await settled()
    stop()
    expect(done.transfers[0]?.status).toBe('cancelled')
    const later = await page['transfers/pageBytes']({ transferId, offset: 3 * piece, bytes: new Uint8Array(fromTheWeb.subarray(3 * piece, 4 * piece)), last: false })
    expect(later).toMatchObject({ ok: false, error: { code: 'not-expected' } })
    const uploads = await adminS3(moto.endpoint).send(new ListMultipartUploadsCommand({ Bucket: bucket }))
    expect(uploads.Uploads ?? []).toEqual([])
  })
})
