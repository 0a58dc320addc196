import type { ProfileView } from '../../../src-main/contract/bridge'
import { Field } from '../../ui/Field'
import { KeyInput } from '../../ui/KeyInput'
import { compactMask } from '../profiles/displayKey'
import { ChoiceOption } from './ChoiceOption'
import type { AdminAnswers, AdminField, PageProblems } from './planValidation'
import { problemText } from './problemText'
import { useSetupTranslation } from './useSetupTranslation'
import { ProfileNameInput } from '../../ui/ProfileNameInput'

interface Props {
  admin: AdminAnswers
  profiles: ProfileView[]
  /** Problems to show now (the page decides when). */
  problems: PageProblems<AdminField>
  secretCleared: boolean
  onChange: (patch: Partial<AdminAnswers>) => void
}

/** Pasted keys or a saved profile, and whether to keep pasted keys as a profile. */
export function AdminKeyFields({ admin, profiles, problems, secretCleared, onChange }: Props) {
  const { t } = useSetupTranslation()
  const noProfiles = profiles.length === 0
  return (
    <>
      <fieldset className="choice-group">
        <legend className="field__label">{t('admin.sourceLegend')}</legend>
        <ChoiceOption type="radio" name="setup-admin-source" label={t('admin.sourceKeys')} checked={admin.source === 'keys'} onChange={() => onChange({ source: 'keys' })} />
        <ChoiceOption
          type="radio"
          name="setup-admin-source"
          label={t('admin.sourceProfile')}
          help={noProfiles ? t('admin.noProfiles') : undefined}
          disabled={noProfiles}
          checked={admin.source === 'profile'}
          onChange={() => onChange({ source: 'profile' })}
        />
      </fieldset>

      {admin.source === 'profile' ? (
        <Field label={t('admin.profile')} problem={problemText(t, problems.profileId)}>
          {(control) => (
            <select {...control} className="select" value={admin.profileId} onChange={(event) => onChange({ profileId: event.target.value })}>
              <option value="">{t('admin.profilePlaceholder')}</option>
              {profiles.map((profile) => (
                <option key={profile.id} value={profile.id}>
                  {t('admin.profileOption', { name: profile.name, key: compactMask(profile.keyIdMasked) })}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <>
          <Field label={t('admin.accessKeyId')} help={t('admin.accessKeyIdHelp')} problem={problemText(t, problems.accessKeyId)}>
            {(control) => (
              <KeyInput {...control} value={admin.accessKeyId} onValue={(value) => onChange({ accessKeyId: value })} />
            )}
          </Field>
          <Field
            label={t('admin.secretAccessKey')}
            help={secretCleared ? t('admin.secretAgain') : undefined}
            problem={problemText(t, problems.secretAccessKey)}
          >
            {(control) => (
              <KeyInput {...control} secret value={admin.secretAccessKey} onValue={(value) => onChange({ secretAccessKey: value })} />
            )}
          </Field>
          <ChoiceOption
            type="checkbox"
            label={t('admin.saveAsProfile')}
            help={t('admin.saveAsProfileHelp')}
            checked={admin.saveAsProfile}
            onChange={(saveAsProfile) => onChange({ saveAsProfile })}
          />
          {admin.saveAsProfile && (
            <Field label={t('admin.saveName')} problem={problemText(t, problems.saveName)}>
              {(control) => (
                <ProfileNameInput {...control} placeholder={t('admin.saveNamePlaceholder')} value={admin.saveName} onValue={(value) => onChange({ saveName: value })} />
              )}
            </Field>
          )}
        </>
      )}
    </>
  )
}
