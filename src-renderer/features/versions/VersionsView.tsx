import { useEffect, useState } from 'react'
import type { VersionEntry } from '../../../src-main/contract/bridge'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { FileIcon, FolderIcon } from '../browser/browserIcons'
import { useBrowserStore } from '../browser/browserStore'
import { formatExactBytes, formatModified, formatModifiedInFull, formatSize, storageClassLabel } from '../browser/formatting'
import { DeleteVersionDialog } from './DeleteVersionDialog'
import { useVersionsTranslation, versionsNamespace } from './i18n'
import { downloadVersion, nameOf, restoreVersion, undeleteMarkers } from './versionActions'
import { VersionLinkDialog } from './VersionLinkDialog'
import { useVersionsListStore, type VersionsWhere } from './versionsListStore'
import './versions.css'
import { useFormatLocale } from '../../i18n/formatLocale'

type Asking = { kind: 'link' | 'delete'; version: VersionEntry } | null

/**
 * The open folder with every version and delete marker under each key, newest first
 *
 * Each key's name heads its rows; each version says when it was written, its size and
 * id, and whether it is current, older or a delete marker, with what can be done to it.
 */
export function VersionsView({ where }: { where: VersionsWhere }) {
  const { t } = useVersionsTranslation()
  const locale = useFormatLocale()
  const { folders, versions, next, status, error } = useVersionsListStore()
  const navigate = useBrowserStore((s) => s.navigate)
  const [asking, setAsking] = useState<Asking>(null)

  useEffect(() => {
    void useVersionsListStore.getState().open(where)
  }, [where.profileId, where.bucket, where.prefix])

  const date = (iso: string | null) => formatModified(iso, locale)
  const stateOf = (v: VersionEntry) => (v.isDeleteMarker ? (v.isLatest ? t('state.deleted') : t('state.oldMarker')) : v.isLatest ? t('state.current') : t('state.older'))

  return (
    <div className="versions-view">
      <table className="table versions-table" aria-label={t('table')} aria-busy={status === 'loading'}>
        <thead>
          <tr>
            <th scope="col">{t('col.name')}</th>
            <th scope="col">{t('col.state')}</th>
            <th scope="col">{t('col.modified')}</th>
            <th scope="col">{t('col.size')}</th>
            <th scope="col">{t('col.version')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {folders.map((folder) => (
            <tr key={folder}>
              <th scope="row">
                <span className="versions-table__name">
                  <FolderIcon />
                  <button type="button" className="link-button" onClick={() => navigate(folder)}>
                    {nameOf(folder)}/
                  </button>
                </span>
              </th>
              <td colSpan={5} />
            </tr>
          ))}
          {versions.map((v, index) => {
            const firstOfKey = index === 0 || versions[index - 1]?.key !== v.key
            const label = { name: nameOf(v.key), date: date(v.lastModified) }
            return (
              <tr key={`${v.key}\n${v.versionId}`} className={`${firstOfKey ? 'versions-table__first' : ''} ${v.isDeleteMarker ? 'versions-table__marker' : ''}`}>
                <th scope="row">
                  {firstOfKey ? (
                    <span className="versions-table__name">
                      <FileIcon />
                      <span>{nameOf(v.key)}</span>
                    </span>
                  ) : (
                    <span className="visually-hidden">{nameOf(v.key)}</span>
                  )}
                </th>
                <td>
                  <span className={`version-state version-state--${v.isDeleteMarker ? 'marker' : v.isLatest ? 'current' : 'older'}`}>{stateOf(v)}</span>
                </td>
                <td>
                  <time dateTime={v.lastModified ?? undefined} title={formatModifiedInFull(v.lastModified, locale)}>
                    {date(v.lastModified)}
                  </time>
                </td>
                <td title={v.size === null ? undefined : formatExactBytes(v.size, locale)}>
                  {v.isDeleteMarker ? '—' : `${formatSize(v.size, locale)}${v.storageClass && v.storageClass !== 'STANDARD' ? ` · ${storageClassLabel(v.storageClass)}` : ''}`}
                </td>
                <td className="mono versions-table__id" title={v.versionId}>
                  {v.versionId}
                </td>
                <td>
                  <div className="version-actions">
                    {v.isDeleteMarker ? (
                      <button type="button" className="button button--small" aria-label={t(v.isLatest ? 'actions.undeleteLabel' : 'actions.removeMarkerLabel', label)} onClick={() => void undeleteMarkers(where, [{ key: v.key, versionId: v.versionId }])}>
                        {v.isLatest ? t('actions.undelete') : t('actions.removeMarker')}
                      </button>
                    ) : (
                      <>
                        {!v.isLatest && (
                          <button type="button" className="button button--small" aria-label={t('actions.restoreLabel', label)} onClick={() => void restoreVersion(where, v)}>
                            {t('actions.restore')}
                          </button>
                        )}
                        <button type="button" className="button button--small" aria-label={t('actions.downloadLabel', label)} onClick={() => void downloadVersion(where, v)}>
                          {t('actions.download')}
                        </button>
                        <button type="button" className="button button--small" aria-label={t('actions.linkLabel', label)} onClick={() => setAsking({ kind: 'link', version: v })}>
                          {t('actions.link')}
                        </button>
                        <button type="button" className="button button--small button--danger-quiet" aria-label={t('actions.deleteLabel', label)} onClick={() => setAsking({ kind: 'delete', version: v })}>
                          {t('actions.delete')}
                        </button>
                      </>
                    )}
                  </div>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {status === 'ready' && folders.length === 0 && versions.length === 0 && <p className="versions-view__empty quiet">{t('empty')}</p>}
      {status === 'loading' && <p className="quiet" role="status">{t('loading')}</p>}
      {next && status !== 'loading' && (
        <button type="button" className="button versions-view__more" onClick={() => void useVersionsListStore.getState().more()}>
          {t('more')}
        </button>
      )}
      {status === 'error' && error && <ErrorAlert error={error} namespace={versionsNamespace} />}
      {asking?.kind === 'link' && <VersionLinkDialog where={where} version={asking.version} onClose={() => setAsking(null)} />}
      {asking?.kind === 'delete' && <DeleteVersionDialog where={where} version={asking.version} onClose={() => setAsking(null)} />}
    </div>
  )
}
