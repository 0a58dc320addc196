import i18next from 'i18next'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { translateError } from '../../errors/translateError'
import { lookupIn } from '../../i18n/i18n'
import { useToastStore } from '../browser/toastStore'
import { registerSyncTranslations, syncNamespace } from './i18n'

/**
 * Browser mode's "download this folder": the server streams one .zip through a one-time
 * link, which the browser's own download manager saves. Names that can't be file names
 * stay out of the archive, and the toast says which.
 */
export async function downloadFolderZip(target: { profileId: string; bucket: string; prefix: string }): Promise<void> {
  registerSyncTranslations(i18next)
  const t = i18next.getFixedT(null, syncNamespace)
  const { show } = useToastStore.getState()
  try {
    const { url, skipped } = unwrap(await bridge['sync/zipLink'](target))
    const link = document.createElement('a')
    link.href = url
    link.download = ''
    document.body.append(link)
    link.click()
    link.remove()
    if (skipped.length > 0) {
      const names = skipped.slice(0, 5).map((s) => s.path).join(', ') + (skipped.length > 5 ? ', …' : '')
      show(t('zipSkipped', { count: skipped.length, names }), { tone: 'error' })
    }
  } catch (caught) {
    const language = i18next.language
    const shown = translateError(asBridgeError(caught), language, (key) => {
      const own: unknown = i18next.getResource(language, syncNamespace, key)
      return typeof own === 'string' ? own : lookupIn(language)(key)
    })
    show(t('zipFailed'), { detail: shown.message, tone: 'error' })
  }
}
