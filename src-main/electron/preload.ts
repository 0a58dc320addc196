import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { createPreloadApi } from './preloadApi'

/**
 * The sandboxed preload
 *
 * Bundled into one CommonJS file (out/preload/index.js); in a sandboxed preload only
 * `electron` can be required at runtime, and the contract it builds from has no imports.
 * It exposes the typed bridge and nothing else.
 */
contextBridge.exposeInMainWorld('cubeta', createPreloadApi(ipcRenderer, webUtils))
