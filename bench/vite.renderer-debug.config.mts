import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// `npm run bench -- --only ui --profile-ui`: the same renderer as electron.vite.config.ts
// builds, but unminified and with source maps, so a CPU profile of the page names the
// app's own functions and files. Only for diagnosis; the benchmark's numbers come from
// the real build in out/renderer.
const here = import.meta.dirname

export default defineConfig({
  root: resolve(here, '../src-renderer'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: resolve(here, '.build/diag/renderer'),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: { input: { index: resolve(here, '../src-renderer/index.html') } },
  },
})
