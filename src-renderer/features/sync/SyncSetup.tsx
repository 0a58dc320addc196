import { useId, useRef } from 'react'
import type { SyncPair } from '../../../src-main/contract/bridge'
import { formatModified } from '../browser/formatting'
import { FolderInput } from './FolderInput'
import { useSyncTranslation } from './i18n'
import { useSyncStore } from './syncStore'
import { whereLabel } from './whereLabel'
import { LiteralInput } from '../../ui/LiteralInput'

const inPage = () => !window.cubeta

/** The first step: a remembered pair to compare again, or a new one (direction, folders, rule). */
export function SyncSetup({ onCancel, onZip }: { onCancel(): void; onZip(prefix: string): void }) {
  const { t, i18n } = useSyncTranslation()
  const form = useSyncStore((s) => s.form)
  const edit = useSyncStore((s) => s.edit)
  const picked = useSyncStore((s) => s.picked)
  const diskFolder = useSyncStore((s) => s.diskFolder)
  const pairs = useSyncStore((s) => s.pairs)
  const comparing = useSyncStore((s) => s.step === 'comparing')
  const { compare, pickFromPage, pickFromDisk, compareAgain, forget } = useSyncStore.getState()
  const folderInput = useRef<HTMLInputElement>(null)
  const againInput = useRef<HTMLInputElement>(null)
  const againPair = useRef<SyncPair | null>(null)
  const ids = { prefix: useId(), prefixHelp: useId(), folder: useId(), exactHelp: useId() }
  const downloadInPage = inPage() && form.direction === 'download'
  const folderName = inPage() ? picked?.name : diskFolder

  const again = (pair: SyncPair) => {
    if (!pair.folderFromPage) return void compareAgain(pair)
    againPair.current = pair
    againInput.current?.click()
  }

  return (
    <form
      className="form sync-setup"
      onSubmit={(event) => {
        event.preventDefault()
        if (downloadInPage) onZip(form.prefixText)
        else void compare()
      }}
    >
      <div className="form__body">
        {pairs.length > 0 && (
          <section className="sync-pairs" aria-labelledby={`${ids.folder}-pairs`}>
            <h3 id={`${ids.folder}-pairs`} className="sync-heading">
              {t('pairs.title')}
            </h3>
            <ul className="sync-pairs__list">
              {pairs.map((pair) => {
                const where = whereLabel(t, pair.bucket, pair.prefix)
                return (
                  <li key={pair.id} className="sync-pairs__item">
                    <span className="sync-pairs__name">
                      <span className="mono">{pair.folder}</span> {pair.direction === 'upload' ? '→' : '←'} <span className="mono">{where}</span>
                    </span>
                    <span className="quiet sync-pairs__last">
                      {pair.lastRun ? t('pairs.lastRun', { ...pair.lastRun, date: formatModified(pair.lastRun.at, i18n.language) }) : t('pairs.never')}
                    </span>
                    <button type="button" className="button" aria-label={t('pairs.again', { folder: pair.folder, where })} disabled={comparing} onClick={() => again(pair)}>
                      {t('pairs.againShort')}
                    </button>
                    <button type="button" className="button button--quiet" aria-label={t('pairs.forget', { folder: pair.folder, where })} onClick={() => void forget(pair)}>
                      {t('pairs.forgetShort')}
                    </button>
                  </li>
                )
              })}
            </ul>
            {pairs.some((p) => p.folderFromPage) && <p className="quiet">{t('pairs.chooseAgain', { folder: pairs.find((p) => p.folderFromPage)!.folder })}</p>}
            <FolderInput ref={againInput} onPicked={(files) => againPair.current && void compareAgain(againPair.current, files)} />
          </section>
        )}

        <fieldset className="sync-fieldset">
          <legend>{t('form.direction')}</legend>
          {(['upload', 'download'] as const).map((direction) => (
            <label key={direction} className="sync-choice">
              <input type="radio" name="sync-direction" value={direction} checked={form.direction === direction} onChange={() => edit({ direction })} />
              <span>{t(`form.${direction}`)}</span>
            </label>
          ))}
        </fieldset>

        <div className="field">
          <label className="field__label" htmlFor={ids.prefix}>
            {t('form.prefix')}
          </label>
          <LiteralInput id={ids.prefix} value={form.prefixText} aria-describedby={ids.prefixHelp} onChange={(e) => edit({ prefixText: e.target.value })} />
          <p id={ids.prefixHelp} className="field__help">
            {t('form.prefixHelp')}
          </p>
        </div>

        {downloadInPage ? (
          <p className="notice">{t('form.downloadInBrowser')}</p>
        ) : (
          <>
            <div className="field">
              <span className="field__label" id={ids.folder}>
                {t('form.folder')}
              </span>
              <div className="sync-folder">
                <button type="button" className="button" aria-describedby={ids.folder} onClick={() => (inPage() ? folderInput.current?.click() : void pickFromDisk())}>
                  {t('form.chooseFolder')}
                </button>
                <span className="sync-folder__chosen" role="status">
                  {folderName ? (inPage() && picked ? t('form.chosen', { folder: picked.name, count: picked.files.length }) : folderName) : t('form.noFolder')}
                </span>
              </div>
              {inPage() && <FolderInput ref={folderInput} onPicked={pickFromPage} />}
            </div>

            <fieldset className="sync-fieldset" aria-describedby={inPage() ? ids.exactHelp : undefined}>
              <legend>{t('form.rule')}</legend>
              {(['quick', 'exact'] as const).map((rule) => (
                <label key={rule} className="sync-choice">
                  <input type="radio" name="sync-rule" value={rule} checked={form.rule === rule} disabled={rule === 'exact' && inPage()} onChange={() => edit({ rule })} />
                  <span>{t(`form.${rule}`)}</span>
                </label>
              ))}
              {inPage() && (
                <p id={ids.exactHelp} className="field__help">
                  {t('form.exactNeedsDesktop')}
                </p>
              )}
            </fieldset>

            {form.direction === 'upload' && (
              <label className="sync-choice">
                <input type="checkbox" checked={form.hashedCache} onChange={(e) => edit({ hashedCache: e.target.checked })} />
                <span>{t('form.hashedCache')}</span>
              </label>
            )}
          </>
        )}

      </div>
      <div className="form__actions">
        <p role="status" className="form__status">
          {comparing ? t('form.comparing') : ''}
        </p>
        <button type="button" className="button" onClick={onCancel}>
          {t('dialog.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={comparing}>
          {downloadInPage ? t('zip') : t('form.compare')}
        </button>
      </div>
    </form>
  )
}
