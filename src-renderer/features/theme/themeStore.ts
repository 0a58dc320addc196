import { create } from 'zustand'
import { readSetting, settingKeys, writeSetting } from '../../app/localSetting'
import { savedThemeChoice, themeAttribute, type ThemeChoice } from './themeChoice'

interface ThemeState {
  choice: ThemeChoice
  choose(choice: ThemeChoice): void
}

/** Sets html[data-theme]; called before the first render too, so the page never flashes the other theme. */
export function applyTheme(choice: ThemeChoice): void {
  const attribute = themeAttribute(choice)
  if (attribute) document.documentElement.dataset.theme = attribute
  else delete document.documentElement.dataset.theme
}

export function initialTheme(): ThemeChoice {
  return savedThemeChoice(readSetting(settingKeys.theme))
}

export const useThemeStore = create<ThemeState>()((set) => ({
  choice: initialTheme(),
  choose(choice) {
    writeSetting(settingKeys.theme, choice === 'system' ? null : choice)
    set({ choice })
    applyTheme(choice)
  },
}))
