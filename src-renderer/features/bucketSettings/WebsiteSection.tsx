import { useState } from 'react'
import type { BucketSettings } from '../../../src-main/contract/bridge'
import { websiteProblems, type WebsiteChoice } from '../../../src-main/contract/rules/bucketSettings/simpleSettings'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { copyText } from '../../clipboard/copyText'
import { Field } from '../../ui/Field'
import { useBucketSettingsTranslation } from './i18n'
import { EditorActions } from './EditorActions'
import { ChoiceGroup, SettingsForm, SettingsWarning } from './EditorParts'
import { EditableSection } from './SettingSection'
import { useSettingsStore } from './settingsStore'
import { useSettingWrite } from './useSettingEditor'
import { LiteralInput } from '../../ui/LiteralInput'

type Website = NonNullable<Extract<BucketSettings['website'], { state: 'ok' }>['value']>

/**
 * Static website hosting: off, the bucket served with its index and error documents, or
 * every request redirected; its website address (HTTP, public files only) once it is on.
 */
export function WebsiteSection({ profileId, bucket, read }: { profileId: string; bucket: string; read: BucketSettings['website'] | null }) {
  const { t } = useBucketSettingsTranslation()
  return (
    <EditableSection
      title={t('website.title')}
      read={read}
      editLabel={t('website.edit')}
      summary={(value) => (
        <>
          {value === null ? (
            <p>{t('website.none')}</p>
          ) : (
            <p>{value.redirectAll ? t('website.redirect', { host: value.redirectAll }) : t('website.on', { index: value.indexDocument ?? '—', error: value.errorDocument ?? '—' })}</p>
          )}
          {value?.endpointUrl && (
            <p>
              {t('website.endpoint')} <span className="mono">{value.endpointUrl}</span>{' '}
              <button type="button" className="link-button" onClick={() => void copyText(value.endpointUrl as string)}>
                {t('website.copy')}
              </button>
            </p>
          )}
        </>
      )}
      editor={(value, done) => <WebsiteEditor profileId={profileId} bucket={bucket} current={value} onDone={done} />}
    />
  )
}

function WebsiteEditor({ profileId, bucket, current, onDone }: { profileId: string; bucket: string; current: Website | null; onDone: () => void }) {
  const { t } = useBucketSettingsTranslation()
  const [choice, setChoice] = useState<WebsiteChoice>({
    mode: current === null ? 'documents' : current.redirectAll ? 'redirect' : 'documents',
    indexDocument: current?.indexDocument ?? 'index.html',
    errorDocument: current?.errorDocument ?? '',
    redirectHost: current?.redirectAll ?? '',
    redirectProtocol: 'https',
  })
  const write = useSettingWrite(onDone)
  const trimmed = { ...choice, indexDocument: choice.indexDocument.trim(), errorDocument: choice.errorDocument.trim(), redirectHost: choice.redirectHost.trim() }
  const problems = websiteProblems(trimmed)
  const problemFor = (codes: string[]) => {
    const found = problems.find((p) => codes.includes(p))
    return found ? t(`website.problem.${found}`) : undefined
  }
  const apply = () =>
    write.run(async () => {
      useSettingsStore.getState().put('website', unwrap(await bridge['bucketSettings/setWebsite']({ profileId, bucket, website: trimmed })))
    })
  return (
    <SettingsForm onApply={() => void apply()}>
      <ChoiceGroup legend={t('website.choose')} options={['off', 'documents', 'redirect'] as const} value={choice.mode} onChange={(mode) => setChoice({ ...choice, mode })} labelOf={(option) => t(`website.option.${option}`)} />
      {choice.mode === 'documents' && (
        <>
          <Field label={t('website.index')} help={t('website.indexHelp')} problem={problemFor(['website-no-index', 'website-index-slash'])}>
            {(control) => <LiteralInput {...control} value={choice.indexDocument} onChange={(event) => setChoice({ ...choice, indexDocument: event.target.value })} />}
          </Field>
          <Field label={t('website.error')} help={t('website.errorHelp')} problem={problemFor(['website-bad-error-key'])}>
            {(control) => <LiteralInput {...control} value={choice.errorDocument} onChange={(event) => setChoice({ ...choice, errorDocument: event.target.value })} />}
          </Field>
        </>
      )}
      {choice.mode === 'redirect' && (
        <>
          <Field label={t('website.host')} help={t('website.hostHelp')} problem={problemFor(['website-bad-host'])}>
            {(control) => <LiteralInput {...control} value={choice.redirectHost} onChange={(event) => setChoice({ ...choice, redirectHost: event.target.value })} />}
          </Field>
          <Field label={t('website.protocol')}>
            {(control) => (
              <select {...control} className="input" value={choice.redirectProtocol} onChange={(event) => setChoice({ ...choice, redirectProtocol: event.target.value as 'http' | 'https' })}>
                <option value="https">https</option>
                <option value="http">http</option>
              </select>
            )}
          </Field>
        </>
      )}
      {choice.mode === 'off' && current !== null && (
        <SettingsWarning title={t('website.offTitle')}>
          <p>{t('website.offWarning')}</p>
        </SettingsWarning>
      )}
      {choice.mode !== 'off' && <p className="quiet">{t('website.endpointNote')}</p>}
      <EditorActions error={write.error} back="cancel" onBack={onDone} label={t('website.apply')} disabled={write.busy || problems.length > 0 || (choice.mode === 'off' && current === null)} />
    </SettingsForm>
  )
}
