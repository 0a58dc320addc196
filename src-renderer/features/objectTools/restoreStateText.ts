import type { ObjectProperties } from '../../../src-main/contract/bridge'
import { isArchived } from '../../../src-main/contract/rules/objectTools/storageClassRules'
import { useFormatLocale } from '../../i18n/formatLocale'
import { formatModified } from '../browser/formatting'
import { useObjectToolsTranslation } from './i18n'

/**
 * An archived file's restore in words: "In progress", "Ready until 12/9/2026, 3:00 p.m.",
 * or that it must be restored to be read. Null for a file that is online and was never restored.
 */
export function useRestoreStateText() {
  const { t } = useObjectToolsTranslation()
  const locale = useFormatLocale()
  const text = (properties: Pick<ObjectProperties, 'restore' | 'storageClass' | 'archiveTier'>): string | null => {
    const restore = properties.restore
    if (restore?.state === 'in-progress') return t('state.inProgress')
    if (restore?.state === 'ready') return restore.until ? t('state.readyUntil', { date: formatModified(restore.until, locale) }) : t('state.ready')
    return isArchived(properties.storageClass, properties.archiveTier) ? t('state.archived') : null
  }
  return Object.assign(text, { label: t('state.label') })
}
