import { test } from '@playwright/test'
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
