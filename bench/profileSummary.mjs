#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `npm run bench -- --cpu-prof`): where the driver's CPU
// time went, by function (self time) and by source file, with the bundle's lines mapped
// back to the app's source files through the bundle's `//#region <file>` markers.
//
//   node bench/profileSummary.mjs bench/results/profiles/CPU.*.cpuprofile [--top 25]
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, inclusive: { type: 'string', default: '' } } })
const inclusiveNames = values.inclusive.split(',').filter(Boolean)
const top = Number(values.top)

const mapsCache = new Map()
const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
/** For a bundled file: generated line → the source file of its first mapping, from its .map. */
function sourceLines(file) {
  if (mapsCache.has(file)) return mapsCache.get(file)
  let lines
  try {
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'))
    lines = []
    let source = 0
    for (const segments of map.mappings.split(';')) {
      let found = null
      let _column = 0
      for (const segment of segments.split(',')) {
        if (!segment) continue
        const fields = []
        let value = 0
        let shift = 0
        for (const ch of segment) {
          let digit = b64.indexOf(ch)
          const more = digit & 32
          digit &= 31
          value += digit << shift
          if (more) shift += 5
          else {
            fields.push(value & 1 ? -(value >> 1) : value >> 1)
            value = 0
            shift = 0
          }
        }
        _column += fields[0]
        if (fields.length > 1) {
          source += fields[1]
          found ??= map.sources[source]
        }
      }
      lines.push(found)
    }
    lines = lines.map((f) => (f ? f.replace(/^(\.\.\/)+/, '') : f))
  } catch {
    lines = null
  }
  mapsCache.set(file, lines)
  return lines
}

const diagRenderer = fileURLToPath(new URL('./.build/diag/renderer/assets/', import.meta.url))
function regionOf(url, line) {
  // The driver's bundle, or the unminified renderer that --profile-ui serves.
  const page = /^https?:\/\/[^/]+\/assets\/([\w.-]+\.js)$/.exec(url)
  const file = page ? `${diagRenderer}${page[1]}` : url.startsWith('file://') && url.includes('/bench/.build/') ? fileURLToPath(url) : null
  if (!file) return null
  const lines = sourceLines(file)
  if (!lines) return null
  for (let l = line; l >= 0; l--) if (lines[l]) return lines[l]
  return null
}

function where(frame) {
  const { url, lineNumber } = frame
  if (!url) return '(native / V8)'
  const region = regionOf(url, lineNumber)
  if (region) return region
  const nm = url.indexOf('node_modules/')
  if (nm !== -1) {
    const rest = url.slice(nm + 13).split('/')
    return `node_modules/${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`
  }
  if (url.startsWith('node:')) return url
  return url.replace(/^file:\/\//, '')
}

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8'))
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map()
  const total = profile.endTime - profile.startTime
  // Sample counts → microseconds: timeDeltas line up with samples.
  const selfUs = new Map()
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  const byFunction = new Map()
  const byFile = new Map()
  for (const [id, us] of selfUs) {
    const node = byId.get(id)
    const f = node.callFrame
    const place = where(f)
    const name = `${f.functionName || '(anonymous)'}  [${place}${f.url && !place.startsWith('node_modules') && !place.startsWith('(') ? `:${f.lineNumber + 1}` : ''}]`
    byFunction.set(name, (byFunction.get(name) ?? 0) + us)
    byFile.set(place, (byFile.get(place) ?? 0) + us)
  }
  void self
  // Inclusive time: a sample counts for a function when it is anywhere on the stack.
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const inclusive = new Map()
  const wanted = (f) => (inclusiveNames.length === 0 ? f.url.includes('/bench/.build/') || f.url.includes('/assets/') || f.url.includes('node_modules/@smithy') || f.url.includes('node_modules/@aws-sdk') : inclusiveNames.includes(f.functionName))
  for (const [id, us] of selfUs) {
    const seen = new Set()
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at).callFrame
      if (!f.functionName || !wanted(f)) continue
      const name = `${f.functionName}  [${where(f)}]`
      if (seen.has(name)) continue
      seen.add(name)
      inclusive.set(name, (inclusive.get(name) ?? 0) + us)
    }
  }
  const pct = (us) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms`
  console.log(`\n${file}: ${(total / 1e6).toFixed(2)} s profiled`)
  console.log('\nSelf time by source (file or package):')
  for (const [k, v] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v)}  ${k}`)
  console.log('\nSelf time by function:')
  for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v)}  ${k}`)
  console.log(`\nInclusive time (self + callees)${inclusiveNames.length ? ` of ${inclusiveNames.join(', ')}` : ', app code and the AWS SDK'}:`)
  for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v)}  ${k}`)
}
