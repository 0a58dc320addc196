import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { isUiLanguage, uiLanguages } from './chooseLanguage'
import { useLanguageStore } from './languageStore'

/** Each language is named in itself, so that someone lost in the wrong one can find theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const language = useLanguageStore((s) => s.language)
  const choose = useLanguageStore((s) => s.choose)
  const id = useId()
  return (
    <div className="preference-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        className="select select--compact"
        value={language}
        onChange={(event) => {
          if (isUiLanguage(event.target.value)) choose(event.target.value)
        }}
      >
        {uiLanguages.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`, { lng: code })}
          </option>
        ))}
      </select>
    </div>
  )
}
