import type { DeleteHooks } from '../browser/dialogs/DeleteDialog'
import { formatCount } from '../browser/formatting'
import { useToastStore } from '../browser/toastStore'
import { useVersionsTranslation } from './i18n'
import { nameOf, undeleteMarkers } from './versionActions'
import { useBucketVersioning } from './versioningStore'
import { useFormatLocale } from '../../i18n/formatLocale'

/**
 * Deleting in a versioned bucket adds delete markers and keeps every version: the delete
 * dialog says so, and the notice after it offers Undo (the markers removed again).
 */
export function useVersionedDelete(profileId: string, bucket: string): DeleteHooks | undefined {
  const { t } = useVersionsTranslation()
  const locale = useFormatLocale()
  const status = useBucketVersioning(profileId, bucket)
  if (status !== 'on') return undefined
  return {
    note: <p className="versioned-note">{t('undo.dialog')}</p>,
    onDeleted(location, outcome) {
      if (outcome.markers.length === 0) return false
      const count = outcome.markers.length
      useToastStore.getState().show(t('undo.notice', { count, n: formatCount(count, locale), name: nameOf(outcome.markers[0]!.key) }), {
        action: { label: t('undo.action'), run: () => void undeleteMarkers(location, outcome.markers) },
      })
      return true
    },
  }
}
