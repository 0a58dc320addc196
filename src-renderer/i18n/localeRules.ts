/**
 * The locale numbers and dates are written in: the user's full locale when it speaks
 * the UI language (es-MX writes "3.0 KB" and "7:14 p.m.", es-ES "3,0 KB" and "19:14"),
 * else the UI language's usual form. Cubeta's Spanish is Latin American, so with no
 * Spanish locale to go by it writes es-419.
 *
 * `locales` are the OS locale first, then the browser's, in the order they prefer.
 */
const defaults: Record<string, string> = { en: 'en-US', es: 'es-419' }

export function formatLocaleFor(language: string, locales: readonly (string | null | undefined)[]): string {
  for (const locale of locales) {
    const tag = canonical(locale)
    if (tag && tag.split('-')[0] === language) return tag
  }
  return defaults[language] ?? language
}

/** "es_MX.UTF-8" (POSIX, from $LANG) and "es-mx" both become "es-MX"; junk becomes null. */
export function canonical(locale: string | null | undefined): string | null {
  if (!locale) return null
  const tag = locale.trim().split(/[.@]/)[0]?.replace(/_/g, '-') ?? ''
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null
  } catch {
    return null
  }
}
