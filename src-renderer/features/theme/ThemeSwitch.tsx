import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { isThemeChoice, themeChoices } from './themeChoice'
import { useThemeStore } from './themeStore'

/** Light, dark, or whatever the OS says (the default), beside the language switch. */
export function ThemeSwitch() {
  const { t } = useTranslation()
  const choice = useThemeStore((s) => s.choice)
  const choose = useThemeStore((s) => s.choose)
  const id = useId()
  return (
    <div className="preference-switch">
      <label htmlFor={id}>{t('theme.label')}</label>
      <select
        id={id}
        className="select select--compact"
        value={choice}
        onChange={(event) => {
          if (isThemeChoice(event.target.value)) choose(event.target.value)
        }}
      >
        {themeChoices.map((value) => (
          <option key={value} value={value}>
            {t(`theme.${value}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
