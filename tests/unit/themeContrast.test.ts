import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'

/**
 * The colour tokens of both themes meet WCAG 2.1 AA, pair by pair
 *
 * axe checks the screens the journeys reach; this checks every text colour against
 * every background it can sit on, in light and dark, including pairs no journey shows
 * today. Read straight from tokens.css, so a new colour is checked as soon as it exists.
 */
const css = readFileSync('src-renderer/styles/tokens.css', 'utf8')
const tokens = new Map<string, { light: string; dark: string }>()
for (const match of css.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)) tokens.set(match[1]!, { light: match[2]!, dark: match[3]! })

const channel = (value: number) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4)
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a: string, b: string) => {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (high + 0.05) / (low + 0.05)
}
const token = (name: string) => {
  const found = tokens.get(name)
  if (!found) throw new Error(`tokens.css has no light-dark() token --${name}`)
  return found
}

const backgrounds = ['bg-app', 'bg-sidebar', 'bg-subtle', 'bg-hover', 'bg-input', 'accent-soft', 'danger-soft', 'warning-soft']
const texts = ['text', 'text-muted', 'text-faint', 'accent-strong', 'accent-soft-text', 'danger', 'warning-text']

function failures(foregrounds: string[], behind: string[], minimum: number): string[] {
  const found: string[] = []
  for (const theme of ['light', 'dark'] as const) {
    for (const fg of foregrounds) {
      for (const bg of behind) {
        const ratio = contrast(token(fg)[theme], token(bg)[theme])
        if (ratio < minimum) found.push(`${theme}: --${fg} on --${bg} is ${ratio.toFixed(2)}:1`)
      }
    }
  }
  return found
}

describe('theme colours', () => {
  it('are all light-dark() pairs the test can read', () => {
    expect(tokens.size).toBeGreaterThan(25)
  })

  it('give every text colour 4.5:1 on every background, in both themes', () => {
    expect(failures(texts, backgrounds, 4.5)).toEqual([])
  })

  it('give filled buttons readable labels', () => {
    expect(failures(['accent-text'], ['accent', 'accent-hover'], 4.5)).toEqual([])
    for (const theme of ['light', 'dark'] as const) {
      expect(contrast('#ffffff', token('danger-fill')[theme])).toBeGreaterThanOrEqual(4.5)
      expect(contrast('#ffffff', token('danger-fill-hover')[theme])).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('give each of the eight profile badges readable letters', () => {
    for (let n = 1; n <= 8; n++) expect(failures([`badge-${n}-text`], [`badge-${n}-bg`], 4.5)).toEqual([])
  })

  it('make the focus ring and the edges of fields 3:1 against what surrounds them', () => {
    expect(failures(['focus'], backgrounds, 3)).toEqual([])
    expect(failures(['border-control'], ['bg-app', 'bg-sidebar', 'bg-input'], 3)).toEqual([])
  })

  it('the grey the issue measured (#8a929c) is no longer used for text', () => {
    for (const name of texts) expect(token(name).light.toLowerCase(), name).not.toBe('#8a929c')
  })
})
