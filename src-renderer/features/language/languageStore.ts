import i18next from 'i18next'
import { create } from 'zustand'
import { readSetting, settingKeys, writeSetting } from '../../app/localSetting'
import { chooseLanguage, type UiLanguage } from './chooseLanguage'

interface LanguageState {
  language: UiLanguage
  /** True once the user picked a language; the OS locale no longer decides. */
  chosenByUser: boolean
  choose(language: UiLanguage): void
  /** Follows the OS locale from `app/info`, unless the user already chose. */
  followOsLocale(osLocale: string): void
}

/** Before `app/info` answers, the browser's language is the best guess of the OS's. */
export function initialLanguage(): UiLanguage {
  return chooseLanguage(readSetting(settingKeys.language), [navigator.language])
}

const apply = (language: UiLanguage) => {
  void i18next.changeLanguage(language)
  document.documentElement.lang = language
}

export const useLanguageStore = create<LanguageState>()((set, get) => ({
  language: initialLanguage(),
  chosenByUser: readSetting(settingKeys.language) !== null,

  choose(language) {
    writeSetting(settingKeys.language, language)
    set({ language, chosenByUser: true })
    apply(language)
  },

  followOsLocale(osLocale) {
    if (get().chosenByUser) return
    const language = chooseLanguage(null, [osLocale, navigator.language])
    if (language === get().language) return
    set({ language })
    apply(language)
  },
}))
