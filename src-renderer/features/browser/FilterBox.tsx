import { useId } from 'react'
import { useBrowserTranslation } from './browserI18n'
import { SearchIcon } from './browserIcons'
import { useBrowserStore } from './browserStore'

/** Narrows the loaded rows by name as the user types; Escape clears it. */
export function FilterBox() {
  const { t } = useBrowserTranslation()
  const filter = useBrowserStore((s) => s.filter)
  const setFilter = useBrowserStore((s) => s.setFilter)
  const id = useId()
  return (
    <div className="filter-box">
      <label htmlFor={id} className="visually-hidden">
        {t('filter.label')}
      </label>
      <SearchIcon />
      <input
        id={id}
        type="text"
        className="input filter-box__input"
        placeholder={t('filter.placeholder')}
        autoComplete="off"
        spellCheck={false}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && filter) {
            event.preventDefault()
            setFilter('')
          }
        }}
      />
    </div>
  )
}
