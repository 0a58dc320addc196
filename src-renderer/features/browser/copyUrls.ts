import i18next from 'i18next'
import type { UrlForm } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { copyText } from '../../clipboard/copyText'
import { asBridgeError } from '../../errors/asBridgeError'
import { translateError } from '../../errors/translateError'
import { browserErrorLookup } from './browserI18n'
import { useBrowserUiStore } from './browserUiStore'
import { useToastStore } from './toastStore'

export interface CopyRequest {
  profileId: string
  bucket: string
  keys: string[]
  form: UrlForm
  expiresInSeconds?: number | null
}

/**
 * Copy URL: the main process builds the text (one line per key; presigned links need
 * the secret, which never reaches the window), the clipboard gets it, and a toast
 * shows exactly what was copied. Failures show as an error toast in plain words.
 */
export async function copyUrls(request: CopyRequest): Promise<boolean> {
  const { show } = useToastStore.getState()
  const t = i18next.t.bind(i18next)
  if (request.keys.length === 0) {
    show(t('browser.toast.nothingToCopy'), { tone: 'error' })
    return false
  }
  try {
    const { text } = unwrap(
      await bridge['urls/build']({
        profileId: request.profileId,
        bucket: request.bucket,
        keys: request.keys,
        form: request.form,
        expiresInSeconds: request.form === 'presigned' ? (request.expiresInSeconds ?? null) : null,
      }),
    )
    await copyText(text)
    show(t(`browser.toast.copied.${request.form}`, { count: request.keys.length }), { detail: text })
    return true
  } catch (caught) {
    const error = asBridgeError(caught)
    // A key no URL can reach: say why and offer Rename, rather than a toast that fades.
    if (error.code === 'key-unreachable' && error.params) {
      const { key, segment, suggestion } = error.params
      useBrowserUiStore.getState().showDialog({ kind: 'unreachable', key: String(key), segment: String(segment), suggestion: String(suggestion) })
      return false
    }
    // copyText throws a plain Error when the clipboard refused; say that, not "something went wrong".
    const shown = error.code === 'unexpected' ? { message: t('browser.toast.clipboardFailed'), hint: '' } : translateError(error, i18next.language, browserErrorLookup(i18next.language))
    show(shown.message, { detail: shown.hint || null, tone: 'error' })
    return false
  }
}
