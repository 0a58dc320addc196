import { useState } from 'react'
import type { BucketSettings } from '../../../src-main/contract/bridge'
import { kmsKeyProblem } from '../../../src-main/contract/rules/bucketSettings/simpleSettings'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { Field } from '../../ui/Field'
import { useBucketSettingsTranslation } from './i18n'
import { EditorActions } from './EditorActions'
import { ChoiceGroup, SettingsForm, SettingsWarning } from './EditorParts'
import { EditableSection } from './SettingSection'
import { useSettingsStore } from './settingsStore'
import { useSettingWrite } from './useSettingEditor'
import { LiteralInput } from '../../ui/LiteralInput'

type Encryption = NonNullable<Extract<BucketSettings['encryption'], { state: 'ok' }>['value']>

/**
 * Default encryption: SSE-S3, or SSE-KMS with a key and the bucket key. Choosing KMS warns
 * that such files can't be read by public URL (no anonymous kms:Decrypt).
 */
export function EncryptionSection({ profileId, bucket, read }: { profileId: string; bucket: string; read: BucketSettings['encryption'] | null }) {
  const { t } = useBucketSettingsTranslation()
  return (
    <EditableSection
      title={t('encryption.title')}
      read={read}
      editLabel={t('encryption.edit')}
      summary={(value) => <p>{!value || value.algorithm === 'AES256' ? t('encryption.s3') : t('encryption.kms', { key: value.kmsKeyId ?? t('encryption.awsKey') })}</p>}
      editor={(value, done) => <EncryptionEditor profileId={profileId} bucket={bucket} current={value} onDone={done} />}
    />
  )
}

function EncryptionEditor({ profileId, bucket, current, onDone }: { profileId: string; bucket: string; current: Encryption | null; onDone: () => void }) {
  const { t } = useBucketSettingsTranslation()
  const [algorithm, setAlgorithm] = useState<'AES256' | 'aws:kms'>(current?.algorithm === 'AES256' || !current ? 'AES256' : 'aws:kms')
  const [key, setKey] = useState(current?.kmsKeyId ?? '')
  const [bucketKey, setBucketKey] = useState(current?.bucketKey ?? true)
  const write = useSettingWrite(onDone)
  const problem = algorithm === 'aws:kms' ? kmsKeyProblem(key.trim()) : null
  const same = (current?.algorithm ?? 'AES256') === algorithm && (algorithm === 'AES256' || ((current?.kmsKeyId ?? '') === key.trim() && current?.bucketKey === bucketKey))
  const apply = () =>
    write.run(async () => {
      useSettingsStore.getState().put('encryption', unwrap(await bridge['bucketSettings/setEncryption']({ profileId, bucket, algorithm, kmsKeyId: algorithm === 'aws:kms' ? key.trim() : '', bucketKey })))
    })
  return (
    <SettingsForm onApply={() => void apply()}>
      <ChoiceGroup legend={t('encryption.choose')} options={['AES256', 'aws:kms'] as const} value={algorithm} onChange={setAlgorithm} labelOf={(option) => t(option === 'AES256' ? 'encryption.option.s3' : 'encryption.option.kms')} />
      {algorithm === 'aws:kms' && (
        <>
          <Field label={t('encryption.key')} help={t('encryption.keyHelp')} problem={problem ? t('encryption.keyProblem') : undefined}>
            {(control) => <LiteralInput {...control} value={key} onChange={(event) => setKey(event.target.value)} placeholder="alias/aws/s3" />}
          </Field>
          <label className="checkbox-field">
            <input type="checkbox" checked={bucketKey} onChange={(event) => setBucketKey(event.target.checked)} />
            <span>{t('encryption.bucketKey')}</span>
          </label>
          <SettingsWarning title={t('encryption.kmsTitle')}>
            <p>{t('encryption.kmsWarning')}</p>
          </SettingsWarning>
        </>
      )}
      <p className="quiet">{t('encryption.newOnly')}</p>
      <EditorActions error={write.error} back="cancel" onBack={onDone} label={t('encryption.apply')} disabled={write.busy || problem !== null || same} />
    </SettingsForm>
  )
}
