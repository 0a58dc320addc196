import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerRendererRequest } from '../../src-main/electron/rendererResponse'
import { contentSecurityPolicy } from '../../src-main/services/security/contentSecurityPolicy'

/** What app://cubeta/ answers, read from a real temporary renderer folder. */
let base: string
let rendererDir: string

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'cubeta-renderer-'))
  rendererDir = join(base, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Cubeta</title>')
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(base, 'secret.txt'), 'outside the renderer folder')
})
afterAll(() => rm(base, { recursive: true, force: true }))

function expectSecurityHeaders(response: Response) {
  expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
}

describe('answerRendererRequest', () => {
  it('serves index.html with its type, the CSP and nosniff', async () => {
    const response = await answerRendererRequest(rendererDir, 'app://cubeta/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expectSecurityHeaders(response)
    expect(await response.text()).toContain('<title>Cubeta</title>')
  })

  it('serves built assets', async () => {
    const response = await answerRendererRequest(rendererDir, 'app://cubeta/assets/app.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expectSecurityHeaders(response)
  })

  it.each([
    ['a missing file', 'app://cubeta/nope.js'],
    ['an encoded climb out of the folder', 'app://cubeta/%2e%2e/secret.txt'],
    ['another host', 'app://other/index.html'],
  ])('answers 404, with the security headers, for %s', async (_label, url) => {
    const response = await answerRendererRequest(rendererDir, url)
    expect(response.status).toBe(404)
    expectSecurityHeaders(response)
    expect(await response.text()).not.toContain('outside the renderer folder')
  })
})
