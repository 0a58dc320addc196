import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createProfileRepository } from '../../src-main/services/profiles/profileRepository'

const profile = (id: string) => ({ id, name: id, accessKeyId: 'AKIA', region: 'us-east-1', endpoint: null, forcePathStyle: false, createdAt: '2026-01-01T00:00:00Z' })

describe('profiles.json', () => {
  it('writes atomically, leaving no temporary files and keeping the previous copy', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cubeta-repo-'))
    const repo = createProfileRepository(dir)
    await repo.save([profile('a')])
    await repo.save([profile('a'), profile('b')])
    expect((await repo.load()).map((p) => p.id)).toEqual(['a', 'b'])
    expect((await readdir(dir)).sort()).toEqual(['profiles.json', 'profiles.json.bak'])
    expect(JSON.parse(await readFile(join(dir, 'profiles.json.bak'), 'utf8')).profiles).toHaveLength(1)
  })

  it('serializes concurrent saves so the last one wins whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cubeta-repo-'))
    const repo = createProfileRepository(dir)
    await Promise.all([repo.save([profile('1')]), repo.save([profile('2')]), repo.save([profile('3')])])
    expect((await repo.load()).map((p) => p.id)).toEqual(['3'])
  })

  it('falls back to the last good copy when the file is truncated, and keeps the damaged one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cubeta-repo-'))
    const repo = createProfileRepository(dir)
    await repo.save([profile('a')])
    await repo.save([profile('a'), profile('b')])
    await writeFile(join(dir, 'profiles.json'), '{"version":1,"profi')
    expect((await repo.load()).map((p) => p.id)).toEqual(['a'])
    expect(repo.recoveredFromCorruption).toBe(true)
    expect((await readdir(dir)).some((n) => n.startsWith('profiles.json.corrupt-'))).toBe(true)
  })
})

describe('a damaged profiles.json', () => {
  it('is set aside, the last good copy is put back in place, and later loads still find it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cubeta-repo-'))
    const first = createProfileRepository(dir)
    await first.save([profile('a')])
    await first.save([profile('a'), profile('b')])
    await writeFile(join(dir, 'profiles.json'), '{"version":1,"profiles":[{"id":"a"')
    const second = createProfileRepository(dir)
    expect((await second.load()).map((p) => p.id)).toEqual(['a'])
    expect(second.recoveredFromCorruption).toBe(true)
    expect(second.damagedCopy).toMatch(/profiles\.json\.corrupt-\d+$/)
    expect(await readFile(second.damagedCopy!, 'utf8')).toBe('{"version":1,"profiles":[{"id":"a"')
    // The next start reads the restored file, not an empty list.
    const third = createProfileRepository(dir)
    expect((await third.load()).map((p) => p.id)).toEqual(['a'])
    expect(third.recoveredFromCorruption).toBe(false)
  })
})
