import i18next from 'i18next'
import type { VersionEntry } from '../../../src-main/contract/bridge'
import { bridge, BridgeCallError, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { translateError } from '../../errors/translateError'
import { lookupIn } from '../../i18n/i18n'
import { useBrowserStore } from '../browser/browserStore'
import { useToastStore } from '../browser/toastStore'
import { versionsNamespace } from './i18n'
import { useVersionsListStore, type VersionsWhere } from './versionsListStore'

/** What a version row's buttons do; each ends with the list and the folder read again, and says what happened. */
const t = (key: string, options?: Record<string, unknown>) => i18next.t(key, { ns: versionsNamespace, ...options })

function failed(caught: unknown) {
  const error = asBridgeError(caught)
  const language = i18next.language
  const own = (key: string) => {
    const value: unknown = i18next.getResource(language, versionsNamespace, key)
    return typeof value === 'string' ? value : lookupIn(language)(key)
  }
  useToastStore.getState().show(translateError(error, language, own).message, { tone: 'error' })
}

const afterChange = () => {
  void useVersionsListStore.getState().refresh()
  void useBrowserStore.getState().refresh()
}

export async function restoreVersion(where: VersionsWhere, version: VersionEntry) {
  try {
    unwrap(await bridge['versions/restore']({ profileId: where.profileId, bucket: where.bucket, key: version.key, versionId: version.versionId }))
    useToastStore.getState().show(t('toast.restored', { name: nameOf(version.key) }))
    afterChange()
  } catch (caught) {
    failed(caught)
  }
}

export async function undeleteMarkers(target: { profileId: string; bucket: string }, markers: { key: string; versionId: string }[]): Promise<boolean> {
  try {
    const outcome = unwrap(await bridge['versions/undelete']({ profileId: target.profileId, bucket: target.bucket, markers }))
    if (outcome.failed.length > 0) failed(new BridgeCallError(outcome.failed[0]!.error))
    else useToastStore.getState().show(t('toast.undeleted', { count: outcome.restored }))
    afterChange()
    return outcome.failed.length === 0
  } catch (caught) {
    failed(caught)
    return false
  }
}

export async function downloadVersion(where: VersionsWhere, version: VersionEntry) {
  try {
    const answer = unwrap(await bridge['versions/download']({ profileId: where.profileId, bucket: where.bucket, key: version.key, versionId: version.versionId }))
    if (answer.url) {
      const link = document.createElement('a')
      link.href = answer.url
      link.download = nameOf(version.key)
      document.body.append(link)
      link.click()
      link.remove()
    } else if (answer.folder) useToastStore.getState().show(t('toast.downloaded', { folder: answer.folder }))
  } catch (caught) {
    failed(caught)
  }
}

export const nameOf = (key: string) => key.replace(/\/$/, '').split('/').pop() ?? key
