import { describe, expect, it } from 'vitest'
import { createWindowOptions } from '../../src-main/electron/windowOptions'

/**
 * The window's options, pinned one by one
 *
 * Each line here is an item of Electron's security checklist. A failing test means a
 * setting was loosened: read the checklist before changing the expectation.
 */
describe('createWindowOptions', () => {
  const options = createWindowOptions('/app/out/preload/index.js')
  const web = options.webPreferences ?? {}

  it('runs the page sandboxed, isolated and without Node', () => {
    expect(web.sandbox).toBe(true)
    expect(web.contextIsolation).toBe(true)
    expect(web.nodeIntegration).toBe(false)
    expect(web.nodeIntegrationInWorker).toBe(false)
    expect(web.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps web security on and insecure content, webviews and experiments off', () => {
    expect(web.webSecurity).toBe(true)
    expect(web.allowRunningInsecureContent).toBe(false)
    expect(web.webviewTag).toBe(false)
    expect(web.experimentalFeatures).toBe(false)
    expect(web.navigateOnDragDrop).toBe(false)
    expect(web.spellcheck).toBe(false)
    expect(web.safeDialogs).toBe(true)
  })

  it('sets no option that would re-enable Blink features or load remote code', () => {
    expect(web).not.toHaveProperty('enableBlinkFeatures')
    expect(web).not.toHaveProperty('additionalArguments')
    expect(web).not.toHaveProperty('partition')
    expect(options).not.toHaveProperty('parent')
  })

  it('loads the given preload and nothing else', () => {
    expect(web.preload).toBe('/app/out/preload/index.js')
  })

  it('opens hidden at a sensible size, titled Cubeta', () => {
    expect(options).toMatchObject({ title: 'Cubeta', width: 1200, height: 780, minWidth: 900, minHeight: 600, show: false })
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i)
  })

  it('starts in the colour of the theme the OS asks for, so a dark desktop sees no white flash', () => {
    expect(createWindowOptions('a', { dark: true }).backgroundColor).toBe('#1e2125')
    expect(createWindowOptions('a', { dark: false }).backgroundColor).toBe('#f6f7f9')
  })

  it('returns a fresh object each time, so one window cannot loosen another', () => {
    expect(createWindowOptions('a')).not.toBe(createWindowOptions('a'))
  })
})
