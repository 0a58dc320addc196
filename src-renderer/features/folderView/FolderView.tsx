import { useEffect, useMemo, useState } from 'react'
import type { ObjectEntry, UrlForm } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { UploadDropTarget } from '../transfers/UploadDropTarget'
import { useTransfersStore } from '../transfers/transfersStore'
import { copyUrls } from './copyUrls'
import { DeleteDialog } from './DeleteDialog'
import { FolderToolbar } from './FolderToolbar'
import { folderKeyAction } from './folderKeys'
import { visibleRows } from './folderRows'
import { useFolderStore } from './folderStore'
import { useFolderTranslation } from './i18n'
import { NewFolderDialog } from './NewFolderDialog'
import { ObjectGrid } from './ObjectGrid'
import { Toasts } from './Toasts'
import { useToastStore } from './toastStore'
import './folderView.css'

/** A bucket's folders and objects: browse, upload by dropping, copy URLs, delete. */
export function FolderView({ profileId, bucket, publicBaseUrl }: { profileId: string; bucket: string; publicBaseUrl: string | null }) {
  const { t } = useFolderTranslation()
  const store = useFolderStore()
  const toast = useToastStore((s) => s.show)
  const [dialog, setDialog] = useState<'new-folder' | { delete: string[] } | null>(null)
  const rows = useMemo(() => visibleRows(store.entries, store.sort, store.filter), [store.entries, store.sort, store.filter])
  const order = useMemo(() => rows.map((r) => r.key), [rows])
  const selectedKeys = order.filter((key) => store.selected.has(key))

  useEffect(() => useFolderStore.getState().open(profileId, bucket, ''), [profileId, bucket])
  // When an upload batch lands here, show and select what it wrote.
  useEffect(
    () =>
      useTransfersStore.getState().onBatchFinished((batch) => {
        const here = useFolderStore.getState()
        if (batch.bucket !== here.bucket || !batch.keys.length) return
        const visible = batch.keys.filter((k) => k.startsWith(here.prefix)).map((k) => here.prefix + k.slice(here.prefix.length).replace(/\/.*$/, '/'))
        here.refresh([...new Set(visible)])
      }),
    [],
  )

  const copy = async (keys: string[], form: UrlForm = 'public', expiry = 3600) => {
    const objects = keys.filter((k) => !k.endsWith('/'))
    if (objects.length === 0) return
    try {
      const built = await copyUrls({ profileId, bucket }, objects, form, expiry)
      toast(built.urls.length === 1 ? t('copied') : t('copiedCount', { count: built.urls.length }), built.text)
    } catch (caught) {
      toast(t('copyFailed'), asBridgeError(caught).message)
    }
  }
  const openEntry = (entry: ObjectEntry) => entry.kind === 'folder' && store.open(profileId, bucket, entry.key)
  const checkPublic = async () => {
    const key = selectedKeys[0]
    if (!key || key.endsWith('/')) return
    try {
      const answer = unwrap(await bridge['objects/checkPublic']({ profileId, bucket, key }))
      const name = key.split('/').pop() ?? key
      toast(answer.isPublic ? t('public', { name }) : t('private', { name, status: answer.status }), answer.url)
    } catch (caught) {
      toast(t('copyFailed'), asBridgeError(caught).message)
    }
  }

  const onKeyDown = (event: React.KeyboardEvent) => {
    const action = folderKeyAction(event)
    if (!action) return
    event.preventDefault()
    const current = store.anchor ? order.indexOf(store.anchor) : -1
    if (action === 'open') {
      const entry = rows.find((r) => r.key === store.anchor)
      if (entry) openEntry(entry)
    } else if (action === 'up') store.up()
    else if (action === 'copy') void copy(selectedKeys)
    else if (action === 'select-all') store.select(order)
    else if (action === 'delete' && selectedKeys.length > 0) setDialog({ delete: selectedKeys })
    else if (action === 'next' || action === 'previous') {
      const next = order[Math.min(order.length - 1, Math.max(0, current + (action === 'next' ? 1 : -1)))]
      if (next) store.select([next])
    }
  }

  return (
    <div className="folder-view">
      <FolderToolbar
        hasBaseUrl={publicBaseUrl !== null}
        selectedCount={selectedKeys.length}
        onCopyAs={(form, expiry) => void copy(selectedKeys, form, expiry)}
        onNewFolder={() => setDialog('new-folder')}
        onDelete={() => setDialog({ delete: selectedKeys })}
        onCheckPublic={() => void checkPublic()}
      />
      {store.error && <ErrorAlert error={store.error} />}
      <UploadDropTarget profileId={profileId} bucket={bucket} prefix={store.prefix}>
        <ObjectGrid
          rows={rows}
          selected={store.selected}
          sort={store.sort}
          onSort={store.setSort}
          onRowClick={(entry, event) => store.click(entry.key, { toggle: event.ctrlKey || event.metaKey, extend: event.shiftKey }, order)}
          onOpen={openEntry}
          onCopy={(entry) => void copy([entry.key])}
          onKeyDown={onKeyDown}
        />
        {store.status === 'ready' && rows.length === 0 && !store.loadingMore && (
          <p className="folder-view__empty">{store.filter ? t('noMatch', { filter: store.filter }) : t('empty')}</p>
        )}
      </UploadDropTarget>
      <p className="folder-view__status quiet" role="status">
        {store.loadingMore ? t('loadingMore', { count: store.entries.length }) : t('count', { count: store.entries.length })}
        {selectedKeys.length > 0 && ` · ${t('selected', { count: selectedKeys.length })}`}
      </p>
      {dialog === 'new-folder' && <NewFolderDialog onClose={() => setDialog(null)} />}
      {dialog !== null && dialog !== 'new-folder' && <DeleteDialog keys={dialog.delete} onClose={() => setDialog(null)} />}
      <Toasts />
    </div>
  )
}
