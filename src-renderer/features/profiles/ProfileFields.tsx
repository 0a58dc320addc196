import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../ui/Field'
import { KeyInput } from '../../ui/KeyInput'
import { UrlInput } from '../../ui/UrlInput'
import type { FormProblems, ProfileFormValues } from './profileForm'
import { RegionSelect } from './RegionSelect'
import { ProfileNameInput } from '../../ui/ProfileNameInput'

interface FieldsProps {
  values: ProfileFormValues
  problems: FormProblems
  onChange: (patch: Partial<ProfileFormValues>) => void
}

/** The translated sentence for a field's problem, if it has one. */
function useProblemText(problems: FormProblems) {
  const { t } = useTranslation()
  return (field: keyof FormProblems) => {
    const problem = problems[field]
    return problem ? t(`profileForm.problems.${problem.key}`, problem.values ?? {}) : undefined
  }
}

export function NameField({ values, problems, onChange }: FieldsProps) {
  const { t } = useTranslation()
  const problemText = useProblemText(problems)
  return (
    <Field label={t('profileForm.name')} problem={problemText('name')}>
      {(control) => (
        <ProfileNameInput {...control} placeholder={t('profileForm.namePlaceholder')} value={values.name} onValue={(value) => onChange({ name: value })} />
      )}
    </Field>
  )
}

/**
 * The access key pair. The secret is a password field that the browser neither
 * remembers, autofills nor spell-checks (spell-checkers may send text to a service).
 */
export function KeyFields({ values, problems, onChange }: FieldsProps) {
  const { t } = useTranslation()
  const problemText = useProblemText(problems)
  return (
    <>
      <Field label={t('profileForm.accessKeyId')} help={t('profileForm.accessKeyIdHelp')} problem={problemText('accessKeyId')}>
        {(control) => (
          <KeyInput {...control} value={values.accessKeyId} onValue={(value) => onChange({ accessKeyId: value })} />
        )}
      </Field>
      <Field label={t('profileForm.secretAccessKey')} help={t('profileForm.secretHelp')} problem={problemText('secretAccessKey')}>
        {(control) => (
          <KeyInput {...control} secret value={values.secretAccessKey} onValue={(value) => onChange({ secretAccessKey: value })} />
        )}
      </Field>
    </>
  )
}

/** Region, and for S3-compatible stores the endpoint and its URL style. */
export function ConnectionFields({ values, problems, onChange }: FieldsProps) {
  const { t } = useTranslation()
  const problemText = useProblemText(problems)
  const pathStyleId = useId()
  const hasEndpoint = values.endpoint.trim() !== ''
  return (
    <>
      <Field label={t('profileForm.region')} problem={problemText('region')}>
        {(control) => (
          <RegionSelect {...control} value={values.region} customEndpoint={hasEndpoint} onChange={(region) => onChange({ region })} />
        )}
      </Field>
      <Field label={t('profileForm.endpoint')} help={t('profileForm.endpointHelp')} problem={problemText('endpoint')}>
        {(control) => (
          <UrlInput {...control} placeholder="https://" value={values.endpoint} onValue={(endpoint) => onChange({ endpoint })} />
        )}
      </Field>
      <div className={`checkbox-field ${hasEndpoint ? '' : 'checkbox-field--disabled'}`}>
        <input
          id={pathStyleId}
          type="checkbox"
          checked={hasEndpoint && values.forcePathStyle}
          disabled={!hasEndpoint}
          aria-describedby={`${pathStyleId}-help`}
          onChange={(event) => onChange({ forcePathStyle: event.target.checked })}
        />
        <div>
          <label htmlFor={pathStyleId}>{t('profileForm.pathStyle')}</label>
          <p id={`${pathStyleId}-help`} className="field__help">
            {t('profileForm.pathStyleHelp')}
          </p>
        </div>
      </div>
    </>
  )
}

/** Where visitors reach the files: a CDN or custom domain in front of the bucket (optional). */
export function PublicBaseUrlField({ values, problems, onChange }: FieldsProps) {
  const { t } = useTranslation()
  const problemText = useProblemText(problems)
  return (
    <Field label={t('profileForm.publicBaseUrl')} help={t('profileForm.publicBaseUrlHelp')} problem={problemText('publicBaseUrl')}>
      {(control) => (
        <UrlInput {...control} placeholder="https://d111.cloudfront.net" value={values.publicBaseUrl} onValue={(publicBaseUrl) => onChange({ publicBaseUrl })} />
      )}
    </Field>
  )
}
