import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Which layer may import which
 *
 * - only src-main/electron/ touches Electron, so everything else runs in plain Node
 *   (tests, browser mode);
 * - the contract imports nothing but itself, so both sides can share it;
 * - the renderer imports no Node, no Electron, and from src-main only the contract;
 * - services and the router never reach up into the Electron shell.
 * A regex over import/export/require statements is enough for code we write ourselves.
 */
const projectDir = resolve(import.meta.dirname, '../..')

interface SourceImport {
  file: string
  specifier: string
  /** Project-relative path for relative specifiers, else null. */
  target: string | null
}

const importPattern =
  /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g

function findImports(source: string): string[] {
  const code = source.replace(/^\s*\/\*[\s\S]*?\*\//gm, '').replace(/^\s*\/\/.*$/gm, '')
  return [...code.matchAll(importPattern)].map((match) => match[1] ?? match[2] ?? match[3] ?? '')
}

function sourceFiles(folder: string): string[] {
  return readdirSync(resolve(projectDir, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|js|mjs|cjs)$/.test(entry.name))
    .map((entry) => relative(projectDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
}

function importsOf(folder: string): SourceImport[] {
  return sourceFiles(folder).flatMap((file) =>
    findImports(readFileSync(resolve(projectDir, file), 'utf8')).map((specifier) => ({
      file,
      specifier,
      target: specifier.startsWith('.')
        ? relative(projectDir, resolve(projectDir, dirname(file), specifier)).split(sep).join('/')
        : null,
    })),
  )
}

const isElectron = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/')
const describeImport = ({ file, specifier }: SourceImport) => `${file} imports '${specifier}'`

const mainImports = importsOf('src-main')
const rendererImports = importsOf('src-renderer')

describe('layering', () => {
  it('finds imports in every statement form it checks', () => {
    const sample = [
      "import { app } from 'electron'",
      "import type { A } from './a'",
      "export { b } from '../b'",
      "import 'side-effect'",
      "const c = require('node:fs')",
      "const d = await import('./d')",
      'import {\n  e,\n  f,\n} from "multi-line"',
      "// import { g } from 'a-comment'",
    ].join('\n')
    expect(findImports(sample)).toEqual(['electron', './a', '../b', 'side-effect', 'node:fs', './d', 'multi-line'])
  })

  it('walks the real sources', () => {
    expect(mainImports.some((i) => i.file === 'src-main/electron/main.ts' && i.specifier === 'electron')).toBe(true)
    expect(mainImports.some((i) => i.file.startsWith('src-main/services/'))).toBe(true)
  })

  it('lets only src-main/electron/ import electron', () => {
    const offenders = [...mainImports, ...rendererImports]
      .filter((i) => isElectron(i.specifier) && !i.file.startsWith('src-main/electron/'))
      .map(describeImport)
    expect(offenders).toEqual([])
  })

  it('keeps the contract free of every import but its own files', () => {
    const offenders = mainImports
      .filter((i) => i.file.startsWith('src-main/contract/'))
      .filter((i) => i.target === null || !i.target.startsWith('src-main/contract/'))
      .map(describeImport)
    expect(offenders).toEqual([])
  })

  it('keeps Node and Electron out of the renderer, and src-main but the contract', () => {
    const offenders = rendererImports
      .filter(
        (i) =>
          i.specifier.startsWith('node:') ||
          isElectron(i.specifier) ||
          (i.target !== null && !i.target.startsWith('src-renderer/') && !i.target.startsWith('src-main/contract/')),
      )
      .map(describeImport)
    expect(offenders).toEqual([])
  })

  it('keeps services, the router and browser mode below the Electron shell', () => {
    const offenders = mainImports
      .filter((i) => /^src-main\/(services|router|browserMode)\//.test(i.file))
      .filter((i) => isElectron(i.specifier) || (i.target?.startsWith('src-main/electron') ?? false))
      .map(describeImport)
    expect(offenders).toEqual([])
  })
})
