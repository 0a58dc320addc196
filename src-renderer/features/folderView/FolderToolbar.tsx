import { useState } from 'react'
import type { UrlForm } from '../../../src-main/contract/bridge'
import { useAppViewStore } from '../../app/appViewStore'
import { RefreshIcon } from '../../ui/icons'
import { UploadControls } from '../transfers/UploadControls'
import { breadcrumbs } from './folderRows'
import { useFolderStore } from './folderStore'
import { useFolderTranslation } from './i18n'

const forms: UrlForm[] = ['public', 'path-style', 'custom-base', 'presigned', 'html', 'markdown']
const expiries = [60, 3600, 86400, 604800]

interface Props {
  hasBaseUrl: boolean
  selectedCount: number
  onCopyAs(form: UrlForm, expiresInSeconds: number): void
  onNewFolder(): void
  onDelete(): void
  onCheckPublic(): void
}

/** Where you are and what you can do here: breadcrumbs, navigation, uploads, copy, delete, filter. */
export function FolderToolbar({ hasBaseUrl, selectedCount, onCopyAs, onNewFolder, onDelete, onCheckPublic }: Props) {
  const { t } = useFolderTranslation()
  const { profileId, bucket, prefix, history, filter, open, up, back, refresh, setFilter } = useFolderStore()
  const closeBucket = useAppViewStore((s) => s.closeBucket)
  const [form, setForm] = useState<UrlForm>('public')
  const [expiry, setExpiry] = useState(3600)
  if (!profileId || !bucket) return null
  return (
    <div className="folder-toolbar">
      <nav aria-label={t('breadcrumbs')} className="folder-toolbar__crumbs">
        <button type="button" className="link-button" onClick={closeBucket}>
          {t('allBuckets')}
        </button>
        {breadcrumbs(bucket, prefix).map((crumb, index, all) => (
          <span key={crumb.prefix} className="folder-toolbar__crumb">
            <span aria-hidden="true">›</span>
            {index === all.length - 1 ? (
              <span aria-current="page">{crumb.label}</span>
            ) : (
              <button type="button" className="link-button" onClick={() => open(profileId, bucket, crumb.prefix)}>
                {crumb.label}
              </button>
            )}
          </span>
        ))}
      </nav>
      <div className="folder-toolbar__row">
        <button type="button" className="button" onClick={back} disabled={history.length === 0}>
          {t('back')}
        </button>
        <button type="button" className="button" onClick={up} disabled={prefix === ''}>
          {t('up')}
        </button>
        <button type="button" className="button" onClick={() => refresh()}>
          <RefreshIcon />
          {t('refresh')}
        </button>
        <button type="button" className="button" onClick={onNewFolder}>
          {t('newFolder')}
        </button>
        <UploadControls profileId={profileId} bucket={bucket} prefix={prefix} />
      </div>
      <div className="folder-toolbar__row">
        <label className="folder-toolbar__field">
          <span>{t('copyAs')}</span>
          <select className="select select--compact" value={form} onChange={(e) => setForm(e.target.value as UrlForm)}>
            {forms.map((f) => (
              <option key={f} value={f} disabled={f === 'custom-base' && !hasBaseUrl}>
                {t(`forms.${f}`)}
                {f === 'custom-base' && !hasBaseUrl ? ` — ${t('noBaseUrl')}` : ''}
              </option>
            ))}
          </select>
        </label>
        {form === 'presigned' && (
          <label className="folder-toolbar__field">
            <span>{t('expiry')}</span>
            <select className="select select--compact" value={expiry} onChange={(e) => setExpiry(Number(e.target.value))}>
              {expiries.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {t(`expiries.${seconds}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="button button--primary" disabled={selectedCount === 0} onClick={() => onCopyAs(form, expiry)}>
          {t('copyUrl')}
        </button>
        <button type="button" className="button" disabled={selectedCount !== 1} onClick={onCheckPublic}>
          {t('isPublic')}
        </button>
        <button type="button" className="button button--danger-quiet" disabled={selectedCount === 0} onClick={onDelete}>
          {t('delete')}
        </button>
        <label className="folder-toolbar__field folder-toolbar__filter">
          <span className="offscreen">{t('filter')}</span>
          <input className="input" type="search" aria-label={t('filter')} placeholder={t('filterPlaceholder')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
      </div>
    </div>
  )
}
