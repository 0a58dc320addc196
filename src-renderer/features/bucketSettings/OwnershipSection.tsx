import { useState } from 'react'
import type { BucketSettings } from '../../../src-main/contract/bridge'
import { aclsOn, ownershipChoices, type Ownership } from '../../../src-main/contract/rules/bucketSettings/simpleSettings'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { useBucketSettingsTranslation } from './i18n'
import { EditorActions } from './EditorActions'
import { ChoiceGroup, SettingsForm, SettingsWarning } from './EditorParts'
import { EditableSection } from './SettingSection'
import { useSettingsStore } from './settingsStore'
import { useSettingWrite } from './useSettingEditor'

/**
 * Object Ownership, that is whether ACLs are on; the editor says what changes, warns that
 * ACLs on lets a single upload make a file public, and what ACLs off means for Django.
 */
export function OwnershipSection({ profileId, bucket, read }: { profileId: string; bucket: string; read: BucketSettings['ownership'] | null }) {
  const { t } = useBucketSettingsTranslation()
  return (
    <EditableSection
      title={t('ownership.title')}
      read={read}
      editLabel={t('ownership.edit')}
      summary={(value) => <p>{value === 'BucketOwnerEnforced' ? t('ownership.enforced') : value === 'BucketOwnerPreferred' ? t('ownership.preferred') : t('ownership.writer')}</p>}
      editor={(value, done) => <OwnershipEditor profileId={profileId} bucket={bucket} current={value} onDone={done} />}
    />
  )
}

function OwnershipEditor({ profileId, bucket, current, onDone }: { profileId: string; bucket: string; current: string | null; onDone: () => void }) {
  const { t } = useBucketSettingsTranslation()
  const [choice, setChoice] = useState<Ownership>((ownershipChoices as readonly string[]).includes(current ?? '') ? (current as Ownership) : 'BucketOwnerEnforced')
  const write = useSettingWrite(onDone)
  const turningOn = !aclsOn(current) && aclsOn(choice)
  const apply = () =>
    write.run(async () => {
      useSettingsStore.getState().put('ownership', unwrap(await bridge['bucketSettings/setOwnership']({ profileId, bucket, ownership: choice })))
    })
  return (
    <SettingsForm onApply={() => void apply()}>
      <ChoiceGroup legend={t('ownership.choose')} options={ownershipChoices} value={choice} onChange={setChoice} labelOf={(option) => t(`ownership.option.${option}`)} />
      <p className="settings-change" role="status">
        {t('willChange', { before: t(`ownership.short.${current ?? 'none'}`), after: t(`ownership.short.${choice}`) })}
      </p>
      {turningOn && (
        <SettingsWarning title={t('ownership.aclsOnTitle')}>
          <p>{t('ownership.aclsOn')}</p>
        </SettingsWarning>
      )}
      {choice === 'BucketOwnerEnforced' && <p className="quiet">{t('ownership.aclsOffNote')}</p>}
      <EditorActions error={write.error} back="cancel" onBack={onDone} label={t('ownership.apply')} disabled={write.busy || choice === current} />
    </SettingsForm>
  )
}
