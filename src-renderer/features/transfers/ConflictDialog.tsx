import { useState } from 'react'
import type { ConflictChoice, ConflictQuestion } from '../../../src-main/contract/bridge'
import { Dialog } from '../../ui/Dialog'
import { useTransfersTranslation } from './i18n'
import { formatBytes } from './transferFormat'
import { useTransfersStore } from './transfersStore'
import { dateFormat } from '../../i18n/formatters'
import { useFormatLocale } from '../../i18n/formatLocale'

/** An upload would replace an object: the user decides, never the app. */
export function ConflictDialog({ conflict }: { conflict: ConflictQuestion }) {
  const { t } = useTransfersTranslation()
  const locale = useFormatLocale()
  const resolve = useTransfersStore((s) => s.resolveConflict)
  const [applyToAll, setApplyToAll] = useState(false)
  const name = conflict.key.split('/').pop() ?? conflict.key
  const choose = (choice: ConflictChoice) => void resolve(choice, applyToAll)
  return (
    <Dialog title={t('conflict.title', { name })} onClose={() => choose('skip')} size="small">
      <div className="dialog__text">
        <p>{t('conflict.body', { key: conflict.key })}</p>
        {conflict.existingSize !== null && conflict.existingModified && (
          <p className="quiet">
            {t('conflict.existing', {
              size: formatBytes(conflict.existingSize, locale),
              date: dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(conflict.existingModified)),
            })}
          </p>
        )}
        <p className="quiet">{t('conflict.keepBothHelp')}</p>
        {conflict.remaining > 0 && (
          <label className="checkbox-field">
            <input type="checkbox" checked={applyToAll} onChange={(e) => setApplyToAll(e.target.checked)} />
            <span>{t('conflict.applyToAll', { count: conflict.remaining })}</span>
          </label>
        )}
      </div>
      <div className="form__actions">
        {/* Skip has the focus: Enter must never replace someone's file. */}
        <button type="button" className="button" data-autofocus onClick={() => choose('skip')}>
          {t('conflict.skip')}
        </button>
        <button type="button" className="button" onClick={() => choose('keep-both')}>
          {t('conflict.keepBoth')}
        </button>
        <button type="button" className="button button--danger" onClick={() => choose('overwrite')}>
          {t('conflict.overwrite')}
        </button>
      </div>
    </Dialog>
  )
}
