import { resolve } from 'node:path'
import { defineConfig } from 'vite'

// The headless driver: the app's own main-side services and the renderer's browser store,
// bundled for plain Node (the sources use extensionless imports). Dependencies stay
// external and load from node_modules, as they do in the app's main bundle.
const here = import.meta.dirname

export default defineConfig({
  root: resolve(here, '..'),
  logLevel: 'warn',
  build: {
    ssr: resolve(here, 'cubetaDriver.ts'),
    outDir: resolve(here, '.build/driver'),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
})
