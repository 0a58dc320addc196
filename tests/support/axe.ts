import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/**
 * axe-core in the journeys: WCAG 2.1 A and AA, on whatever the page shows now
 *
 * Call it on every screen and dialog a journey reaches. By default it checks the screen
 * in the light and in the dark theme, by switching the emulated OS setting (Cubeta
 * follows it unless the user picked a theme), then switches back: every WCAG 2.1 A/AA
 * rule in the first theme, and in the others the rules a theme can change (colour
 * contrast, links told apart by colour), since names, roles and structure are the same
 * in both. Motion is reduced first, so that no transition is caught half-way and
 * measured as a colour nobody ever sees. A failure lists each rule, the elements and
 * axe's own summary.
 */
export const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export type Theme = 'light' | 'dark'

/** The WCAG 2.1 AA rules whose outcome depends on the colours of the theme. */
export const themeRules = ['color-contrast', 'link-in-text-block']

export interface AxeCheckOptions {
  /** Which themes to check; `['current']` checks the page as it is. */
  themes?: (Theme | 'current')[]
  /** CSS selectors to leave out, each with a reason in the calling test. */
  exclude?: string[]
}

export async function expectNoAxeViolations(page: Page, label: string, options: AxeCheckOptions = {}): Promise<void> {
  const themes = options.themes ?? ['light', 'dark']
  const before: Theme = (await page.evaluate(prefersDark)) ? 'dark' : 'light'
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const report: string[] = []
  try {
    for (const [index, theme] of themes.entries()) {
      if (theme !== 'current') await showTheme(page, theme)
      let builder = index === 0 ? new AxeBuilder({ page }).withTags(wcag21aa) : new AxeBuilder({ page }).withRules(themeRules)
      for (const selector of options.exclude ?? []) builder = builder.exclude(selector)
      const { violations } = await builder.analyze()
      for (const violation of violations) {
        const where = violation.nodes.map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`).join('\n')
        report.push(`[${theme}] ${violation.id} (${violation.impact}): ${violation.help}\n${where}`)
      }
    }
  } finally {
    if (themes.some((theme) => theme !== 'current')) await showTheme(page, before)
  }
  expect(report, `axe found WCAG 2.1 AA violations on "${label}"`).toEqual([])
}

// Strings, evaluated in the page: the tests' TypeScript has no DOM types.
const prefersDark = "matchMedia('(prefers-color-scheme: dark)').matches"

/** The OS says light or dark; the page has repainted once it returns. */
export async function showTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme })
  await page.waitForFunction(`${prefersDark} === ${theme === 'dark'}`)
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))')
}
