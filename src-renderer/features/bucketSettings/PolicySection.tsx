import type { BucketSettings } from '../../../src-main/contract/bridge'
import { copyText } from '../../clipboard/copyText'
import { PolicyEditor } from './PolicyEditor'
import { useBucketSettingsTranslation } from './i18n'
import { SettingSection } from './SettingSection'
import { useSettingEditor } from './useSettingEditor'

const pretty = (json: string) => {
  try {
    return JSON.stringify(JSON.parse(json), null, 2)
  } catch {
    return json
  }
}

/** The bucket policy: shown as S3 keeps it, copied, and edited as JSON (PolicyEditor). */
export function PolicySection({ profileId, bucket, settings }: { profileId: string; bucket: string; settings: BucketSettings | null }) {
  const { t } = useBucketSettingsTranslation()
  const { editing, open, done, opener } = useSettingEditor()
  const read = settings?.policy ?? null
  const actions = !editing && (
    <div className="settings-card__actions">
      {read?.state === 'ok' && read.value !== null && (
        <button type="button" className="button" onClick={() => void copyText(read.value as string)}>
          {t('policy.copy')}
        </button>
      )}
      <button ref={opener} type="button" className="button" aria-label={t('policy.edit')} onClick={open}>
        {t('edit')}
      </button>
    </div>
  )
  return (
    <SettingSection title={t('policy.title')} read={read} actions={actions}>
      {(value) => (
        <>
          {value === null ? (
            <p>{t('policy.none')}</p>
          ) : (
            <pre className="settings-json" tabIndex={0} role="group" aria-label={t('policy.title')}>
              {pretty(value)}
            </pre>
          )}
          {editing && settings && <PolicyEditor profileId={profileId} bucket={bucket} current={value} settings={settings} onDone={done} />}
        </>
      )}
    </SettingSection>
  )
}
