/**
 * ESLint rules: no import cycles between folders, nor between files (types included)
 *
 * import-x/no-cycle finds cycles between files but skips `import type`, and two folders
 * can depend on each other through different files (services/objects → services/transfers
 * → services/objects), which makes neither movable nor testable alone. These rules build
 * the graph of `root` from the sources on disk (files, or their folders), replace the
 * linted file's own edges with the ones in its text, and report an import whose two ends
 * sit in one strongly connected set.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

const extensions = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts']
const importPattern = /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"](\.[^'"]+)['"]|\bimport\s*\(\s*['"](\.[^'"]+)['"]\s*\)/g

function resolveFile(fromFile, specifier) {
  for (const ext of extensions) {
    const candidate = resolve(dirname(fromFile), specifier + ext)
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return null
}

function sourceFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|mjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
}

const diskCache = new Map()
/** file → folders it imports (relative imports inside root only), read once per process. */
function diskEdges(rootDir) {
  if (!diskCache.has(rootDir)) {
    const edges = new Map()
    for (const file of sourceFiles(rootDir)) {
      const text = readFileSync(file, 'utf8')
      const targets = [...text.matchAll(importPattern)].map((m) => resolveFile(file, m[1] ?? m[2]))
      edges.set(file, targets.filter((t) => t && t.startsWith(rootDir + sep)))
    }
    diskCache.set(rootDir, edges)
  }
  return diskCache.get(rootDir)
}

/** Tarjan's strongly connected components over folder names. */
function componentsOf(graph) {
  let index = 0
  const stack = []
  const info = new Map()
  const component = new Map()
  const visit = (node) => {
    info.set(node, { index, low: index, onStack: true })
    index++
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      if (!info.has(next)) {
        visit(next)
        info.get(node).low = Math.min(info.get(node).low, info.get(next).low)
      } else if (info.get(next).onStack) {
        info.get(node).low = Math.min(info.get(node).low, info.get(next).index)
      }
    }
    if (info.get(node).low === info.get(node).index) {
      const members = []
      let member
      do {
        member = stack.pop()
        info.get(member).onStack = false
        members.push(member)
      } while (member !== node)
      for (const m of members) component.set(m, members)
    }
  }
  for (const node of graph.keys()) if (!info.has(node)) visit(node)
  return component
}

function cycleRule(level) {
  return {
    meta: {
      type: 'problem',
      schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
      messages: {
        cycle:
          level === 'folder'
            ? 'Folders {{from}} and {{to}} import each other ({{members}}): move what both need into a folder below them.'
            : 'Files {{from}} and {{to}} import each other, types included ({{members}}): move what both need into a file of its own.',
      },
    },
    create(context) {
      const rootDir = resolve(context.cwd, context.options[0]?.root ?? 'src')
      const file = resolve(context.filename)
      if (!file.startsWith(rootDir + sep)) return {}
      const folderOf = (f) => relative(rootDir, level === 'folder' ? dirname(f) : f).split(sep).join('/') || '.'
      const ownImports = []
      const collect = (node) => {
        const specifier = node.source?.value
        if (typeof specifier !== 'string' || !specifier.startsWith('.')) return
        const target = resolveFile(file, specifier)
        if (target && target.startsWith(rootDir + sep)) ownImports.push({ node, target })
      }
      return {
        ImportDeclaration: collect,
        ExportNamedDeclaration: collect,
        ExportAllDeclaration: collect,
        ImportExpression: collect,
        'Program:exit'() {
          const graph = new Map()
          const addEdge = (from, to) => {
            const a = folderOf(from)
            const b = folderOf(to)
            if (!graph.has(a)) graph.set(a, new Set())
            if (!graph.has(b)) graph.set(b, new Set())
            if (a !== b) graph.get(a).add(b)
          }
          for (const [source, targets] of diskEdges(rootDir)) if (source !== file) for (const t of targets) addEdge(source, t)
          for (const { target } of ownImports) addEdge(file, target)
          const component = componentsOf(graph)
          const here = folderOf(file)
          for (const { node, target } of ownImports) {
            const there = folderOf(target)
            const members = component.get(here)
            if (here !== there && members && members.length > 1 && members.includes(there)) {
              context.report({ node, messageId: 'cycle', data: { from: here, to: there, members: [...members].sort().join(', ') } })
            }
          }
        },
      }
    },
  }
}

export const folderCycles = cycleRule('folder')
export const fileCycles = cycleRule('file')
