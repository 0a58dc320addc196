import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from '../support/axe'
import { useMotoInSpecs } from '../support/e2eMoto'
import { startBrowserMode, type BrowserModeApp } from '../support/browserMode'

/**
 * Browser mode's session, from Chromium, with another local server listening on another
 * port that records everything it receives: it never gets Cubeta's cookie. The printed
 * link works once, and opening it again explains how to get another.
 */
const moto = useMotoInSpecs()
let app: BrowserModeApp
let recorder: Server
const received: IncomingHttpHeaders[] = []

test.beforeEach(async () => {
  app = await startBrowserMode(moto.endpoint)
  received.length = 0
  recorder = createServer((request, response) => {
    received.push(request.headers)
    response.end('<!doctype html><title>another local server</title><p>hello</p>')
  })
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve))
})
test.afterEach(async () => {
  await app.stop()
  await new Promise((resolve) => recorder.close(resolve))
})

test('the session cookie stays with Cubeta’s own host, and is not the printed token', async ({ page, context }) => {
  const link = new URL(app.url)
  expect(link.hostname).toMatch(/^cubeta-[0-9a-f]{10}\.localhost$/)
  await page.goto(app.url)
  await expect(page.getByRole('heading', { name: /welcome/i })).toBeVisible()
  // The token left the address bar, and the cookie holds a value of its own.
  expect(page.url()).toBe(`${link.origin}/`)
  const [cookie] = await context.cookies(link.origin)
  expect(cookie).toMatchObject({ domain: link.hostname, httpOnly: true, sameSite: 'Strict' })
  expect(cookie!.value).not.toBe(link.searchParams.get('token'))

  const port = (recorder.address() as { port: number }).port
  for (const other of [`http://127.0.0.1:${port}/`, `http://localhost:${port}/`, `http://other.localhost:${port}/`]) {
    await page.goto(other)
    await expect(page.getByText('hello')).toBeVisible()
  }
  expect(received.length).toBeGreaterThanOrEqual(3)
  for (const headers of received) expect(headers.cookie ?? '').not.toContain(cookie!.value)
})

test('a used link explains how to get a new one, and the new one signs in once', async ({ page, browser }) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { name: /welcome/i })).toBeVisible()

  // Another browser (no session) opening the same link: no bare 401, but what to do.
  const other = await browser.newContext({ locale: 'es-419' })
  const second = await other.newPage()
  const answer = await second.goto(app.url)
  expect(answer?.status()).toBe(401)
  await expect(second.getByRole('heading', { name: 'Este enlace de acceso ya no funciona' })).toBeVisible()
  await expect(second.getByText('npm run new-token')).toBeVisible()
  await expectNoAxeViolations(second, 'the used-link page, in Spanish')
  await second.screenshot({ path: 'test-results/session/used-link-es.png' })

  const fresh = await app.newSignInUrl()
  expect(fresh).not.toBe(app.url)
  await second.goto(fresh)
  await expect(second.getByRole('heading', { name: /bienvenid/i })).toBeVisible()
  await other.close()

  // A browser that never signed in, at the bare address: not a bare 401 either.
  const stranger = await browser.newContext({ locale: 'en-US' })
  const bare = await stranger.newPage()
  expect((await bare.goto(new URL(app.url).origin))?.status()).toBe(401)
  await expect(bare.getByRole('heading', { name: 'Open Cubeta with its sign-in link' })).toBeVisible()
  await expect(bare.getByText('npm run new-token')).toBeVisible()
  await expectNoAxeViolations(bare, 'the not-signed-in page')
  await bare.screenshot({ path: 'test-results/session/no-session-en.png' })
  await stranger.close()
})

test('a sign-in link with a path like “/.//evil.example/” stays on Cubeta', async ({ page }) => {
  const link = new URL(await app.newSignInUrl())
  await page.goto(`${link.origin}/.//evil.example/?token=${link.searchParams.get('token')}`)
  await expect(page.getByRole('heading', { name: /welcome/i })).toBeVisible()
  expect(page.url()).toBe(`${link.origin}/`)
})
