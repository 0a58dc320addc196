import i18next from 'i18next'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { translateError } from '../../errors/translateError'
import { browserErrorLookup } from './browserI18n'
import { useToastStore } from './toastStore'

/**
 * Download the selected objects
 *
 * In Electron the main process asks for a folder and streams them there. In browser
 * mode the browser saves them itself: each object gets a one-time link, opened one after
 * another so the browser's download manager shows each file.
 */
export async function downloadObjects(target: { profileId: string; bucket: string }, keys: string[]): Promise<void> {
  const { show } = useToastStore.getState()
  const t = i18next.t.bind(i18next)
  try {
    if (window.cubeta) {
      const result = unwrap(await bridge['objects/download']({ ...target, keys }))
      if (result.folder) show(t('browser.toast.downloaded', { count: result.written.length, folder: result.folder }))
      return
    }
    for (const key of keys) {
      const { url } = unwrap(await bridge['objects/downloadLink']({ ...target, key }))
      const link = document.createElement('a')
      link.href = url
      link.download = key.split('/').pop() ?? 'download'
      document.body.append(link)
      link.click()
      link.remove()
    }
  } catch (caught) {
    const error = asBridgeError(caught)
    const shown = translateError(error, i18next.language, browserErrorLookup(i18next.language))
    show(t('browser.toast.downloadFailed'), { detail: shown.message, tone: 'error' })
  }
}
