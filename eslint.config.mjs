// The layers Cubeta keeps, enforced (see the README's "Folders"):
//   contract (pure) ← core ← services ← composition root ← shell (electron) / browser mode
//   the router sits on contract + core; the renderer reaches main only through the contract.
// A boundary error is a design question: move the shared piece down a layer, don't silence it.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import { importX, createNodeResolver } from 'eslint-plugin-import-x'
import { fileCycles, folderCycles } from './tests/lint/importCycles.mjs'

const mainFolders = ['contract', 'core', 'router', 'services', 'composition', 'browserMode', 'electron']
/** `from` every main folder except the ones listed: for "may only import these". */
const mainExcept = (...allowed) => mainFolders.filter((f) => !allowed.includes(f)).map((f) => `./src-main/${f}`)

export const boundaryZones = [
  { target: './src-main/contract', from: [...mainExcept('contract'), './src-renderer', './tests', './bench'], message: 'The contract imports nothing of ours: both sides share it.' },
  { target: './src-main/core', from: [...mainExcept('contract', 'core'), './src-renderer'], message: 'Core is shared by every main layer: it may import only the contract.' },
  { target: './src-main/router', from: [...mainExcept('contract', 'core', 'router'), './src-renderer'], message: 'The router knows the contract and core, never a service or a shell.' },
  { target: './src-main/services', from: ['./src-main/router', './src-main/composition', './src-main/browserMode', './src-main/electron', './src-renderer'], message: 'Services never import the router, the composition root, a shell or the renderer.' },
  { target: './src-main/composition', from: ['./src-main/browserMode', './src-main/electron', './src-renderer'], message: 'The composition root is below both shells.' },
  { target: './src-main/browserMode', from: ['./src-main/electron', './src-renderer'], message: 'Browser mode runs without Electron and serves the built renderer, never imports it.' },
  { target: './src-main/electron', from: ['./src-main/browserMode', './src-renderer'], message: 'The Electron shell does not depend on browser mode or the renderer sources.' },
  { target: './src-renderer', from: mainExcept('contract'), message: 'The renderer reaches the main process only through the contract.' },
]

const noElectron = {
  name: 'electron',
  message: 'Only src-main/electron/ imports electron: everything else must run in plain Node.',
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench/.cache/**', 'bench/.build/**', 'bench/results/**', '.peers/**', '.cubeta-test/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,mjs,js}'],
    plugins: { 'import-x': importX, cubeta: { rules: { 'folder-cycles': folderCycles, 'file-cycles': fileCycles } } },
    settings: {
      // Dependencies are parsed to follow cycles; TypeScript files need the TypeScript parser.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.mjs', '.js'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.mjs', '.js', '.json', '.d.mts'] })],
    },
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'cubeta/folder-cycles': ['error', { root: 'src-main' }],
      'cubeta/file-cycles': ['error', { root: 'src-main' }],
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['electron/*'], message: noElectron.message }] }],
      // Types are checked by tsc; these two fire on deliberate, documented patterns.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src-main/electron/**', 'tests/**', 'bench/**', '*.config.*'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-main/contract/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['node:*', '@aws-sdk/*', 'react', 'react-dom', 'zustand'], message: 'The contract is pure: zod and its own files only.' }] }],
    },
  },
  {
    files: ['src-renderer/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['node:*'], message: 'The renderer runs in a page: no Node modules.' }] }],
    },
  },
)
