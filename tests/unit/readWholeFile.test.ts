import { randomBytes } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readWholeFile } from '../../src-main/services/transfers/objectUpload'

describe('a small file read whole', () => {
  it('is its bytes when it is the size it was listed with, an empty file included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cubeta-read-'))
    const content = randomBytes(200_000)
    await writeFile(join(dir, 'a'), content)
    await writeFile(join(dir, 'empty'), Buffer.alloc(0))
    expect((await readWholeFile(join(dir, 'a'), content.length)).equals(content)).toBe(true)
    expect((await readWholeFile(join(dir, 'empty'), 0)).length).toBe(0)
  })

  it('reads longer or shorter than listed when the file grew or shrank, so the size check refuses it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cubeta-read-'))
    await writeFile(join(dir, 'a'), randomBytes(1000))
    expect((await readWholeFile(join(dir, 'a'), 900)).length).toBeGreaterThan(900)
    expect((await readWholeFile(join(dir, 'a'), 1200)).length).toBe(1000)
  })

  it('fails as the file system says when the file is gone', async () => {
    await expect(readWholeFile(join(tmpdir(), 'cubeta-no-such-file'), 10)).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
