import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CubetaApi } from '../../src-main/contract/bridge'
import { makeBackend } from '../support/backendHarness'
import type { ElectronStandIn } from '../support/electronStandIn'
import { preloadPage } from '../support/preloadPage'

/**
 * Uploads from disk take only files the user handed to the window (issue 14, §4)
 *
 * The real backend, as the Electron shell builds it, behind the real IPC side and the
 * preload over the Electron stand-in: the page is `window.cubeta` and nothing more, as a
 * script injected into it would be. No request reaches S3 here (the endpoint is closed);
 * what counts is which files the queue accepts.
 */
let standIn: ElectronStandIn
let h: Awaited<ReturnType<typeof makeBackend>>
let page: CubetaApi
let home: string
const target = { profileId: 'p1', bucket: 'fotos-del-blog', prefix: 'media/', cacheControl: null }

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'cubeta-home-'))
  mkdirSync(join(home, '.ssh'))
  writeFileSync(join(home, '.ssh', 'id_ed25519'), 'PRIVATE KEY')
  mkdirSync(join(home, 'fotos', '2024'), { recursive: true })
  writeFileSync(join(home, 'fotos', 'gato.png'), 'gato')
  writeFileSync(join(home, 'fotos', '2024', 'perro.png'), 'perro')
  symlinkSync(join(home, '.ssh'), join(home, 'fotos', 'llaves'))
  h = await makeBackend('http://127.0.0.1:9', { shell: 'electron', homeDir: home })
  ;({ standIn, page } = await preloadPage(h.backend))
})
afterEach(async () => {
  await h.call('transfers/cancel', { ids: null })
  standIn.dispose()
  await h.dispose()
  rmSync(home, { recursive: true, force: true })
})

const queuedNames = async () => {
  const list = await page['transfers/list']({})
  return list.ok ? list.value.transfers.map((t) => t.name).sort() : []
}

async function idsFor(files: File[]) {
  const answer = await page.diskFileIds!(files)
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value
}

describe('uploads from disk in Electron', () => {
  it('take a dropped file and a dropped folder by id; the folder recurses under its name, without following links', async () => {
    const [file, folder] = await idsFor([standIn.fileOnDisk(join(home, 'fotos', 'gato.png')), standIn.fileOnDisk(join(home, 'fotos'))])
    const answer = await page['transfers/uploadPaths']({ ...target, files: [{ fileId: file!, relativePath: 'gato.png' }, { fileId: folder!, relativePath: 'fotos' }] })
    expect(answer.ok).toBe(true)
    expect(await queuedNames()).toEqual(['fotos/2024/perro.png', 'fotos/gato.png', 'gato.png'])
  })

  it('refuse a path the page names itself, however it is dressed up', async () => {
    const ssh = join(home, '.ssh', 'id_ed25519')
    const asPaths = await page['transfers/uploadPaths']({ ...target, paths: [ssh] } as never)
    expect(asPaths).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const asId = await page['transfers/uploadPaths']({ ...target, files: [{ fileId: ssh, relativePath: 'id_ed25519' }] })
    expect(asId).toMatchObject({ ok: false, error: { code: 'file-not-picked' } })
    // A File the page builds itself has no path behind it, so it gets no id.
    expect(await idsFor([new File(['x'], 'id_ed25519')])).toEqual([null])
    // And the preload's own channel is not on window.cubeta.
    expect(Object.keys(page).some((key) => key.includes('diskFiles/register') || key === 'invoke')).toBe(false)
    expect(await queuedNames()).toEqual([])
  })

  it('use each id once, and forget them all when the window reloads or closes', async () => {
    const gato = join(home, 'fotos', 'gato.png')
    const [first] = await idsFor([standIn.fileOnDisk(gato)])
    expect((await page['transfers/uploadPaths']({ ...target, files: [{ fileId: first!, relativePath: 'gato.png' }] })).ok).toBe(true)
    const replay = await page['transfers/uploadPaths']({ ...target, bucket: 'otro-bucket-publico', files: [{ fileId: first!, relativePath: 'gato.png' }] })
    expect(replay).toMatchObject({ ok: false, error: { code: 'file-not-picked' } })

    const [second] = await idsFor([standIn.fileOnDisk(gato)])
    h.backend.diskFiles?.forgetAll() // what main does on did-navigate, render-process-gone and closed
    const afterReload = await page['transfers/uploadPaths']({ ...target, files: [{ fileId: second!, relativePath: 'gato.png' }] })
    expect(afterReload).toMatchObject({ ok: false, error: { code: 'file-not-picked' } })
  })

  it('refuse the whole call when one id is unknown, keeping the good ones usable', async () => {
    const [good] = await idsFor([standIn.fileOnDisk(join(home, 'fotos', 'gato.png'))])
    const mixed = await page['transfers/uploadPaths']({ ...target, files: [{ fileId: good!, relativePath: 'gato.png' }, { fileId: 'made-up', relativePath: 'x' }] })
    expect(mixed).toMatchObject({ ok: false, error: { code: 'file-not-picked' } })
    expect((await page['transfers/uploadPaths']({ ...target, files: [{ fileId: good!, relativePath: 'gato.png' }] })).ok).toBe(true)
  })
})
