import { useSyncTranslation } from './i18n'
import { downloadFolderZip } from './folderZip'
import { SyncDialog } from './SyncDialog'
import { useSyncStore } from './syncStore'

/**
 * In the file browser's toolbar: sync a local folder with this one, or (browser mode) take
 * it as a .zip. In a narrow toolbar the .zip button gives way: the sync dialog's download
 * direction offers the same .zip.
 */
export function SyncButtons({ compact = false, ...target }: { profileId: string; bucket: string; prefix: string; compact?: boolean }) {
  const { t } = useSyncTranslation()
  const open = useSyncStore((s) => s.open)
  return (
    <>
      <button type="button" className="button" onClick={() => open(target)}>
        {t('open')}
      </button>
      {!window.cubeta && !compact && (
        <button type="button" className="button" onClick={() => void downloadFolderZip(target)}>
          {t('zip')}
        </button>
      )}
      <SyncDialog />
    </>
  )
}
