import type { UrlForm } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { copyText } from '../../clipboard/copyText'

/** Builds the text for some keys in the main process (presigning needs the secret), then copies it. */
export async function copyUrls(target: { profileId: string; bucket: string }, keys: string[], form: UrlForm, expiresInSeconds: number | null = null) {
  const built = unwrap(await bridge['urls/build']({ ...target, keys, form, expiresInSeconds: form === 'presigned' ? expiresInSeconds : null }))
  await copyText(built.text)
  return built
}
