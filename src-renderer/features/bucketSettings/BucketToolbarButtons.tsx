import { useAppViewStore } from '../../app/appViewStore'
import { useBucketSettingsTranslation } from './i18n'

/**
 * In the file browser's toolbar: the way to this bucket's settings. Compact (a narrow
 * window) shows just "Settings"; its name stays "Bucket settings", which contains it.
 */
export function BucketToolbarButtons({ profileId, bucket, compact = false }: { profileId: string; bucket: string; compact?: boolean }) {
  const { t } = useBucketSettingsTranslation()
  const openBucket = useAppViewStore((s) => s.openBucket)
  return (
    <button type="button" className="button" aria-label={compact ? t('open') : undefined} onClick={() => openBucket({ profileId, bucket, panel: 'settings' })}>
      {compact ? t('openShort') : t('open')}
    </button>
  )
}
