import i18next from 'i18next'
import { create } from 'zustand'
import { readSetting, settingKeys, writeSetting } from '../../app/localSetting'
import { formatLocaleFor } from '../../i18n/localeRules'
import { chooseLanguage, type UiLanguage } from './chooseLanguage'

interface LanguageState {
  language: UiLanguage
  /** The full locale for numbers and dates (es-MX, es-ES…): see formatLocaleFor. */
  formatLocale: string
  /** True once the user picked a language; the OS locale no longer decides. */
  chosenByUser: boolean
  choose(language: UiLanguage): void
  /** Follows the OS locale from `app/info`, unless the user already chose. */
  followOsLocale(osLocale: string): void
}

const browserLocales = (): string[] => [...(navigator.languages ?? []), navigator.language]

/** Before `app/info` answers, the browser's language is the best guess of the OS's. */
export function initialLanguage(): UiLanguage {
  return chooseLanguage(readSetting(settingKeys.language), [navigator.language])
}

const apply = (language: UiLanguage) => {
  void i18next.changeLanguage(language)
  document.documentElement.lang = language
}

let osLocales: string[] = []

export const useLanguageStore = create<LanguageState>()((set, get) => ({
  language: initialLanguage(),
  formatLocale: formatLocaleFor(initialLanguage(), browserLocales()),
  chosenByUser: readSetting(settingKeys.language) !== null,

  choose(language) {
    writeSetting(settingKeys.language, language)
    set({ language, chosenByUser: true, formatLocale: formatLocaleFor(language, [...osLocales, ...browserLocales()]) })
    apply(language)
  },

  followOsLocale(osLocale) {
    osLocales = [osLocale]
    const formatLocale = formatLocaleFor(get().language, [...osLocales, ...browserLocales()])
    if (get().chosenByUser) return set({ formatLocale })
    const language = chooseLanguage(null, [osLocale, navigator.language])
    if (language === get().language) return set({ formatLocale })
    set({ language, formatLocale: formatLocaleFor(language, [...osLocales, ...browserLocales()]) })
    apply(language)
  },
}))
