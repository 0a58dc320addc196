import { useEffect, useId, useState } from 'react'
import type { FileTypeFilter } from '../../../src-main/contract/bridge'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useBrowserStore } from '../browser/browserStore'
import { formatCount } from '../browser/formatting'
import { useSearchTranslation } from './i18n'
import { IndexStatusLine } from './IndexStatusLine'
import { useSearchStore } from './searchStore'
import './search.css'
import { useFormatLocale } from '../../i18n/formatLocale'

const types: FileTypeFilter[] = ['any', 'image', 'video', 'audio', 'document', 'code', 'archive']

/**
 * Search the whole bucket (or this folder and below): text or a glob, with type, size
 * and date filters. Results take the grid below; "Back to the folder" gives it back.
 * In a narrow window the filters wait behind "More options" (search.css), which says how
 * many are on, so the bar keeps to one line and the files keep the room.
 */
export function SearchBar({ profileId, bucket }: { profileId: string; bucket: string }) {
  const { t } = useSearchTranslation()
  const locale = useFormatLocale()
  const form = useSearchStore((s) => s.form)
  const edit = useSearchStore((s) => s.edit)
  const run = useSearchStore((s) => s.run)
  const clear = useSearchStore((s) => s.clear)
  const matched = useSearchStore((s) => s.matched)
  const capped = useSearchStore((s) => s.capped)
  const source = useSearchStore((s) => s.source)
  const error = useSearchStore((s) => s.error)
  const showingResults = useBrowserStore((s) => s.results !== null)
  const listing = useSearchStore((s) => s.index?.state === 'building')
  const shown = useBrowserStore((s) => (s.results ? s.rows.length : 0))
  const ids = { query: useId(), where: useId(), type: useId(), size: useId(), date: useId(), hint: useId(), options: useId() }
  const [optionsOpen, setOptionsOpen] = useState(false)
  const optionsOn = [form.where !== 'bucket', form.type !== 'any', form.minSizeMb.trim() !== '', form.modifiedAfter !== '', form.caseSensitive].filter(Boolean).length

  useEffect(() => useSearchStore.getState().follow(profileId, bucket), [profileId, bucket])

  return (
    <div className={`search-bar${optionsOpen ? ' search-bar--options-open' : ''}`}>
      <form
        className="search-bar__form"
        role="search"
        aria-label={t('form')}
        onSubmit={(event) => {
          event.preventDefault()
          void run()
        }}
      >
        <label className="search-bar__field search-bar__field--query" htmlFor={ids.query}>
          <span>{t('query')}</span>
          <input id={ids.query} className="input" type="search" value={form.query} placeholder={t('queryPlaceholder')} aria-describedby={ids.hint} spellCheck={false} onChange={(e) => edit({ query: e.target.value })} />
        </label>
        <span id={ids.hint} className="offscreen">
          {t('queryPlaceholder')}
        </span>
        <button type="button" className="button search-bar__options-toggle" aria-expanded={optionsOpen} aria-controls={ids.options} onClick={() => setOptionsOpen(!optionsOpen)}>
          {optionsOn > 0 ? t('optionsOn', { count: optionsOn, n: formatCount(optionsOn, locale) }) : t('options')}
        </button>
        <div id={ids.options} className="search-bar__options">
        <label className="search-bar__field" htmlFor={ids.where}>
          <span>{t('where')}</span>
          <select id={ids.where} className="input" value={form.where} onChange={(e) => edit({ where: e.target.value as 'bucket' | 'folder' })}>
            <option value="bucket">{t('wholeBucket')}</option>
            <option value="folder">{t('thisFolder')}</option>
          </select>
        </label>
        <label className="search-bar__field" htmlFor={ids.type}>
          <span>{t('type')}</span>
          <select id={ids.type} className="input" value={form.type} onChange={(e) => edit({ type: e.target.value as FileTypeFilter })}>
            {types.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="search-bar__field search-bar__field--small" htmlFor={ids.size}>
          <span>{t('minSize')}</span>
          <input id={ids.size} className="input" inputMode="decimal" value={form.minSizeMb} onChange={(e) => edit({ minSizeMb: e.target.value })} />
        </label>
        <label className="search-bar__field" htmlFor={ids.date}>
          <span>{t('modifiedAfter')}</span>
          <input id={ids.date} className="input" type="date" value={form.modifiedAfter} onChange={(e) => edit({ modifiedAfter: e.target.value })} />
        </label>
        <label className="search-bar__check">
          <input type="checkbox" checked={form.caseSensitive} onChange={(e) => edit({ caseSensitive: e.target.checked })} />
          <span>{t('matchCase')}</span>
        </label>
        </div>
        <button type="submit" className="button button--primary">
          {t('search')}
        </button>
        {showingResults && (
          <button type="button" className="button" onClick={clear}>
            {t('clear')}
          </button>
        )}
      </form>
      <div className="search-bar__notes">
        <IndexStatusLine />
        {showingResults && capped && <p className="search-bar__note">{t('capped', { count: matched, shown: formatCount(shown, locale), n: formatCount(matched, locale) })}</p>}
        {showingResults && source === 'listing' && listing && <p className="search-bar__note">{t('fromListing')}</p>}
      </div>
      {error && <ErrorAlert error={error} />}
    </div>
  )
}
