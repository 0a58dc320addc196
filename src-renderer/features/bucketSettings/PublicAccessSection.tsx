import { useState } from 'react'
import type { BucketSettings, PublicAccessBlock } from '../../../src-main/contract/bridge'
import { blockChanges, blockFields, nothingBlocked, publicReadStops } from '../../../src-main/contract/rules/bucketSettings/lockouts'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { useBucketSettingsTranslation } from './i18n'
import { EditorActions } from './EditorActions'
import { ConfirmBox, SettingsWarning } from './EditorParts'
import { SettingSection } from './SettingSection'
import { useSettingEditor } from './useSettingEditor'
import { useSettingsStore } from './settingsStore'

const policyValue = (read: BucketSettings['policy'] | undefined): unknown => {
  if (read?.state !== 'ok') return read ? { Statement: { Effect: 'Allow', Principal: '*' } } : null
  try {
    return read.value === null ? null : JSON.parse(read.value)
  } catch {
    return null
  }
}

/** Block Public Access in words, as the panel has always shown it. */
export function useBlockWords() {
  const { t } = useBucketSettingsTranslation()
  return (value: PublicAccessBlock | null) => {
    if (!value) return t('bpa.none')
    const on = blockFields.filter((k) => value[k])
    return on.length === 0 ? t('bpa.none') : on.length === 4 ? t('bpa.all') : t('bpa.some', { list: on.map((k) => t(`bpa.${k}`)).join('; ') })
  }
}

/**
 * Block Public Access for this bucket: the four switches in words; the editor says what
 * each does, what the change turns off (widening) and on, and asks first. Turning on
 * "ignore public policies" under a public policy stops public read: that must be
 * confirmed, and the main side refuses it otherwise.
 */
export function PublicAccessSection({ profileId, bucket, settings }: { profileId: string; bucket: string; settings: BucketSettings | null }) {
  const { t } = useBucketSettingsTranslation()
  const words = useBlockWords()
  const { editing, open, done, opener } = useSettingEditor()
  return (
    <SettingSection
      title={t('bpa.title')}
      read={settings?.publicAccessBlock ?? null}
      actions={!editing && <button ref={opener} type="button" className="button" aria-label={t('bpa.edit')} onClick={open}>{t('edit')}</button>}
    >
      {(value) => (
        <>
          <p>{words(value)}</p>
          {editing && settings && <BlockEditor profileId={profileId} bucket={bucket} current={value} policy={policyValue(settings.policy)} accountBlocks={settings.accountPublicAccessBlock.state === 'ok' && settings.accountPublicAccessBlock.value !== null} onDone={done} />}
        </>
      )}
    </SettingSection>
  )
}

/** The account's Block Public Access: read only, it is the administrator's to change. */
export function AccountBlockSection({ settings }: { settings: BucketSettings | null }) {
  const { t } = useBucketSettingsTranslation()
  const words = useBlockWords()
  return (
    <SettingSection title={t('bpa.accountTitle')} read={settings?.accountPublicAccessBlock ?? null}>
      {(value) => <p>{words(value)}</p>}
    </SettingSection>
  )
}

function BlockEditor({ profileId, bucket, current, policy, accountBlocks, onDone }: { profileId: string; bucket: string; current: PublicAccessBlock | null; policy: unknown; accountBlocks: boolean; onDone: () => void }) {
  const { t } = useBucketSettingsTranslation()
  const [choice, setChoice] = useState<PublicAccessBlock>(current ?? nothingBlocked)
  const [reviewing, setReviewing] = useState(false)
  const [understood, setUnderstood] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ReturnType<typeof asBridgeError> | null>(null)
  const changes = blockChanges(current, choice)
  const stops = publicReadStops(current, choice, policy)
  const changed = changes.off.length + changes.on.length > 0
  const names = (list: readonly (typeof blockFields)[number][]) => list.map((k) => t('bpa.quoted', { name: t(`bpa.switch.${k}`) })).join(', ')

  const apply = async () => {
    setBusy(true)
    setError(null)
    try {
      const readBack = unwrap(await bridge['bucketSettings/setPublicAccessBlock']({ profileId, bucket, settings: choice, acknowledgedPublicReadStops: understood }))
      useSettingsStore.getState().put('publicAccessBlock', readBack)
      onDone()
    } catch (caught) {
      setError(asBridgeError(caught))
      setBusy(false)
    }
  }
  const summary = (
    <div role="status" className="settings-change">
      {!changed && <p>{t('bpa.noChange')}</p>}
      {changes.off.length > 0 && <p>{t('bpa.turnsOff', { list: names(changes.off) })}</p>}
      {changes.on.length > 0 && <p>{t('bpa.turnsOn', { list: names(changes.on) })}</p>}
    </div>
  )
  const warnings = (
    <>
      {changes.off.length > 0 && (
        <SettingsWarning title={t('bpa.wideningTitle')}>
          <p>{t('bpa.widening')}</p>
        </SettingsWarning>
      )}
      {stops && (
        <SettingsWarning title={t('bpa.stopsTitle')}>
          <p>{t('bpa.stops')}</p>
          <ConfirmBox checked={understood} onChange={setUnderstood} label={t('bpa.stopsUnderstood')} />
        </SettingsWarning>
      )}
    </>
  )

  return (
    <div className="settings-editor">
      {!reviewing ? (
        <>
          <fieldset className="settings-form">
            <legend className="field__label">{t('bpa.switches')}</legend>
            {blockFields.map((field) => (
              <label key={field} className="checkbox-field">
                <input type="checkbox" checked={choice[field]} onChange={(event) => setChoice({ ...choice, [field]: event.target.checked })} />
                <span>
                  {t(`bpa.switch.${field}`)}
                  <span className="field__help settings-switch__help">{t(`bpa.help.${field}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {accountBlocks && <p className="quiet">{t('bpa.accountWins')}</p>}
          {summary}
          <EditorActions back="cancel" onBack={onDone} label={t('review')} disabled={!changed} onGo={() => setReviewing(true)} />
        </>
      ) : (
        <>
          <h3 className="field__label">{t('bpa.reviewTitle')}</h3>
          {summary}
          {warnings}
          <EditorActions error={error} back="back" onBack={() => setReviewing(false)} label={t('bpa.apply')} disabled={busy || (stops && !understood)} onGo={() => void apply()} />
        </>
      )}
    </div>
  )
}
