import { useState } from 'react'
import type { BucketSettings, VersioningState } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { useVersioningStore } from '../versions/versioningStore'
import { useBucketSettingsTranslation } from './i18n'
import { EditorActions } from './EditorActions'
import { ChoiceGroup, ConfirmBox, SettingsForm, SettingsWarning } from './EditorParts'
import { EditableSection } from './SettingSection'
import { useSettingsStore } from './settingsStore'
import { useSettingWrite } from './useSettingEditor'

/**
 * Versioning: off, on or suspended, in words; the editor says what will change and, the
 * first time it goes on, that it is one-way, and asks for that to be confirmed.
 */
export function VersioningSection({ profileId, bucket, read }: { profileId: string; bucket: string; read: BucketSettings['versioning'] | null }) {
  const { t } = useBucketSettingsTranslation()
  return (
    <EditableSection
      title={t('versioning.title')}
      read={read}
      editLabel={t('versioning.edit')}
      summary={(value) => <p>{t(`versioning.is.${value.status}`)}</p>}
      editor={(value, done) => <VersioningEditor profileId={profileId} bucket={bucket} current={value.status} onDone={done} />}
    />
  )
}

function VersioningEditor({ profileId, bucket, current, onDone }: { profileId: string; bucket: string; current: VersioningState; onDone: () => void }) {
  const { t } = useBucketSettingsTranslation()
  const [choice, setChoice] = useState<'on' | 'suspended'>(current === 'on' ? 'suspended' : 'on')
  const [understood, setUnderstood] = useState(false)
  const write = useSettingWrite(onDone)
  const oneWay = current === 'off' && choice === 'on'
  const apply = () =>
    write.run(async () => {
      const readBack = unwrap(await bridge['bucketSettings/setVersioning']({ profileId, bucket, status: choice, acknowledgedOneWay: understood }))
      useSettingsStore.getState().put('versioning', readBack)
      if (readBack.state === 'ok') useVersioningStore.getState().setStatus(profileId, bucket, readBack.value.status)
    })
  return (
    <SettingsForm onApply={() => void apply()}>
      <ChoiceGroup legend={t('versioning.choose')} options={['on', 'suspended'] as const} value={choice} onChange={setChoice} labelOf={(option) => t(`versioning.option.${option}`)} />
      <p className="settings-change" role="status">
        {t('willChange', { before: t(`versioning.short.${current}`), after: t(`versioning.short.${choice}`) })}
      </p>
      {oneWay && (
        <SettingsWarning title={t('versioning.oneWayTitle')}>
          <p>{t('versioning.oneWay')}</p>
          <ConfirmBox checked={understood} onChange={setUnderstood} label={t('versioning.understood')} />
        </SettingsWarning>
      )}
      <EditorActions error={write.error} back="cancel" onBack={onDone} label={t('versioning.apply')} disabled={write.busy || choice === current || (oneWay && !understood)} />
    </SettingsForm>
  )
}
