import type { BrowserWindowConstructorOptions } from 'electron'

/**
 * The main window's options
 *
 * SECURITY: do not loosen any of these without reading Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security). The renderer shows data
 * from the user's buckets; with these settings, even a script that slipped into the page
 * runs in a sandboxed, isolated Chromium renderer with no Node and only the preload's
 * typed bridge. A pure factory (the electron import is type-only), so a unit test pins
 * every setting without launching Electron.
 */
export function createWindowOptions(preloadPath: string, look: { dark?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    title: 'Cubeta',
    width: 1200,
    height: 780,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show', so the user never sees a blank white frame; the colour is
    // the sidebar's in the theme the OS asks for (the page follows it through nativeTheme).
    show: false,
    backgroundColor: look.dark ? '#1e2125' : '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  }
}
