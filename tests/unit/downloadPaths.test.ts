import { describe, expect, it } from 'vitest'
import { safePath } from '../../src-main/services/downloads/downloadToFolder'

describe('download paths', () => {
  it('puts keys below the chosen folder', () => {
    expect(safePath('/home/ana/Descargas', 'año 2024/foto.png')).toBe('/home/ana/Descargas/año 2024/foto.png')
    expect(safePath('/home/ana/Descargas', '/leading//slashes/x.txt')).toBe('/home/ana/Descargas/leading/slashes/x.txt')
  })
  it('refuses keys that would climb out of it', () => {
    for (const key of ['../etc/passwd', 'a/../../b', '..']) expect(() => safePath('/home/ana/Descargas', key)).toThrow(/outside the chosen folder/)
  })
})
