export const uiLanguages = ['en', 'es'] as const
export type UiLanguage = (typeof uiLanguages)[number]

export const isUiLanguage = (value: unknown): value is UiLanguage =>
  typeof value === 'string' && (uiLanguages as readonly string[]).includes(value)

/**
 * The language of a locale tag, if Cubeta speaks it
 *
 * Accepts BCP 47 ("es-ES") and POSIX forms ("es_ES.UTF-8"), since the OS locale on Linux
 * often comes from $LANG.
 */
export function languageOfLocale(locale: string | null | undefined): UiLanguage | null {
  if (!locale) return null
  const primary = locale.trim().toLowerCase().split(/[-_.@]/)[0]
  return isUiLanguage(primary) ? primary : null
}

/**
 * The UI language: the user's saved choice first, then the first locale Cubeta speaks
 * (the OS locale before the browser's), then English.
 */
export function chooseLanguage(saved: string | null, locales: readonly (string | null | undefined)[]): UiLanguage {
  if (isUiLanguage(saved)) return saved
  for (const locale of locales) {
    const language = languageOfLocale(locale)
    if (language) return language
  }
  return 'en'
}
