import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { resetMoto, seedAccount, setIamEnforcement, useMoto, type Moto } from '../support/moto'
import { expectedBridgeKeys } from '../support/bridgeSurface'

/**
 * The first journey in the real Electron shell
 *
 * Launches the built app (package.json's main, out/main/index.js) with a fresh data
 * folder and home, every AWS endpoint pointed at moto, and walks welcome → add profile →
 * buckets. It also checks the shell's security from inside the page: the exact bridge,
 * no Node, CSP blocking an injected script, no navigation away. Without an Electron
 * binary (its download fails on machines without internet) it skips, and the same
 * journey runs in browser mode (tests/e2e/firstProfile.spec.ts).
 */
// Playwright loads specs as CommonJS here (package.json has no "type": "module").
const projectDir = resolve(__dirname, '../..')
const electronBinary = installedElectronBinary()

const skipReason = "Electron's binary is not installed on this machine; the same journey runs in browser mode."
test.skip(electronBinary === null, skipReason)

/** The installed binary's path, found without `require('electron')`, which would try to download it. */
function installedElectronBinary(): string | null {
  const packageDir = join(projectDir, 'node_modules/electron')
  const pathFile = join(packageDir, 'path.txt')
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron'
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = override ? join(override, executable) : join(packageDir, 'dist', executable)
  return (override || existsSync(pathFile)) && existsSync(binary) ? binary : null
}

const buckets = [
  { name: 'fotos-del-blog', region: 'us-east-1' },
  { name: 'media-django-eu', region: 'eu-west-1' },
]
let moto: Moto
let dataDir: string
let home: string
let app: ElectronApplication
let page: Page
let keys: Awaited<ReturnType<typeof seedAccount>>

test.beforeAll(async () => {
  moto = await useMoto()
})
test.afterAll(async () => moto?.stop())

test.beforeEach(async () => {
  await resetMoto(moto.endpoint)
  keys = await seedAccount(moto.endpoint, buckets)
  await setIamEnforcement(moto.endpoint, true)
  dataDir = await mkdtemp(join(tmpdir(), 'cubeta-electron-data-'))
  home = await mkdtemp(join(tmpdir(), 'cubeta-electron-home-'))
  expect(existsSync(join(projectDir, 'out/main/index.js')), 'run `electron-vite build` first').toBe(true)
  app = await _electron.launch({
    executablePath: electronBinary as string,
    // Chromium refuses to start its OS sandbox as root (CI containers); the renderer is
    // still sandboxed by the window's options.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), projectDir],
    cwd: projectDir,
    env: { ...process.env, CUBETA_DATA_DIR: dataDir, HOME: home, CUBETA_AWS_ENDPOINT: moto.endpoint } as Record<string, string>,
  })
  page = await app.firstWindow()
  page.on('console', (message) => message.type() === 'error' && console.log(`[renderer] ${message.text()}`))
  page.on('pageerror', (error) => console.log(`[renderer] ${error.message}`))
})

test.afterEach(async () => {
  await app?.close()
  await rm(dataDir, { recursive: true, force: true })
  await rm(home, { recursive: true, force: true })
})

test('a new user adds a profile and sees their buckets', async () => {
  await expect(page.getByRole('heading', { name: /welcome/i })).toBeVisible()
  await page.getByRole('button', { name: 'Add a profile' }).click()
  await page.getByLabel('Profile name').fill('Mi proyecto Django')
  await page.getByLabel('Access key ID').fill(keys.accessKeyId)
  await page.getByLabel('Secret access key').fill(keys.secretAccessKey)
  await page.getByLabel('Region').selectOption('eu-west-1')
  await page.getByRole('button', { name: 'Save profile' }).click()

  const table = page.getByRole('table', { name: 'Buckets' })
  for (const bucket of buckets) await expect(table.getByRole('row').filter({ hasText: bucket.name })).toBeVisible()
})

test('the page gets the typed bridge and nothing else', async () => {
  expect(page.url()).toBe('app://cubeta/index.html')
  // globalThis is the page's window; this tsconfig has no DOM types.
  const surface = await page.evaluate(() => ({
    bridge: Object.keys((globalThis as unknown as { cubeta: object }).cubeta).sort(),
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
  }))
  expect(surface).toEqual({ bridge: expectedBridgeKeys, require: 'undefined', process: 'undefined' })
})

test('the CSP blocks an injected inline script', async () => {
  const ran = await page.evaluate(`(() => {
    const script = document.createElement('script')
    script.textContent = 'window.__injected = true'
    document.body.append(script)
    return window.__injected === true
  })()`)
  expect(ran).toBe(false)
})

test('the window neither navigates away nor opens new windows', async () => {
  await page.evaluate("window.location.href = 'https://example.com/'")
  await page.waitForTimeout(500)
  expect(page.url()).toBe('app://cubeta/index.html')
  expect(await page.evaluate("window.open('https://example.com/') === null")).toBe(true)
  expect(app.windows()).toHaveLength(1)
})
