import { mkdir } from 'node:fs/promises'
import { test, type Page } from '@playwright/test'
import { startBrowserMode, type BrowserModeApp } from './browserMode'
import { startFaultProxy, type FaultProxy } from './faultProxy'
import { resetMoto, useMoto, type Moto } from './moto'

/**
 * The hooks every Playwright spec against moto needs: one moto for the file (the one
 * `npm test` started, if any), reset before each test, stopped after the file.
 * Call it at the top level of a spec, before the spec's own beforeEach hooks.
 */
export function useMotoInSpecs(): { readonly endpoint: string } {
  let moto: Moto | null = null
  test.beforeAll(async () => {
    moto = await useMoto()
  })
  test.afterAll(async () => moto?.stop())
  test.beforeEach(async () => resetMoto(moto!.endpoint))
  return {
    get endpoint() {
      return moto!.endpoint
    },
  }
}

/**
 * useMotoInSpecs, plus a browser-mode Cubeta started against that moto for each test and
 * stopped after it, and `shot` for screenshots into test-results/<folder>/.
 */
export function useAppInSpecs(folder: string) {
  const moto = useMotoInSpecs()
  let app: BrowserModeApp | null = null
  test.beforeAll(async () => {
    await mkdir(`test-results/${folder}`, { recursive: true })
  })
  test.beforeEach(async () => {
    app = await startBrowserMode(moto.endpoint)
  })
  test.afterEach(async () => app?.stop())
  return {
    get endpoint() {
      return moto.endpoint
    },
    get app() {
      return app!
    },
    shot: (page: Page, name: string, options: { fullPage?: boolean } = {}) => page.screenshot({ path: `test-results/${folder}/${name}.png`, ...options }),
  }
}

/**
 * useMotoInSpecs, plus for each test a fault proxy in front of that moto and a browser-mode
 * Cubeta that reaches moto only through it, both stopped after the test.
 */
export function useAppBehindProxy() {
  const moto = useMotoInSpecs()
  let proxy: FaultProxy | null = null
  let app: BrowserModeApp | null = null
  test.beforeEach(async () => {
    proxy = await startFaultProxy(moto.endpoint)
    app = await startBrowserMode(proxy.endpoint)
  })
  test.afterEach(async () => {
    await app?.stop()
    await proxy?.close()
  })
  return {
    get endpoint() {
      return moto.endpoint
    },
    get proxy() {
      return proxy!
    },
    get app() {
      return app!
    },
  }
}
