/**
 * The theme the user asked for: the OS setting (the default), or always light or dark
 *
 * "system" leaves html without data-theme, so the page follows prefers-color-scheme,
 * which Electron drives from the OS through nativeTheme; the other two pin it.
 */
export const themeChoices = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof themeChoices)[number]

export const isThemeChoice = (value: unknown): value is ThemeChoice =>
  typeof value === 'string' && (themeChoices as readonly string[]).includes(value)

/** A saved value from an older or hand-edited store falls back to the OS setting. */
export const savedThemeChoice = (saved: string | null): ThemeChoice => (isThemeChoice(saved) ? saved : 'system')

/** What html[data-theme] says for a choice: nothing for the OS setting. */
export const themeAttribute = (choice: ThemeChoice): 'light' | 'dark' | null => (choice === 'system' ? null : choice)
