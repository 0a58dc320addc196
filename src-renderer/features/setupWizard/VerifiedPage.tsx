import { useState } from 'react'
import { Field } from '../../ui/Field'
import { PageFrame } from './PageFrame'
import { defaultProfileName, profileNameProblem } from './planValidation'
import { problemText } from './problemText'
import { SetupErrorAlert } from './SetupErrorAlert'
import { useSetupWizardStore } from './setupWizardStore'
import { useFieldProblems } from './useFieldProblems'
import { useSetupTranslation } from './useSetupTranslation'
import { ProfileNameInput } from '../../ui/ProfileNameInput'

/** Page 6: the proof that public read works, and the name of the profile to save. */
export function VerifiedPage({ onCancel }: { onCancel: () => void }) {
  const { t } = useSetupTranslation()
  const store = useSetupWizardStore()
  const { plan, busy } = store
  const verified = store.progress?.verified ?? null
  const [name, setName] = useState(() => defaultProfileName(plan.bucket, plan.userName))
  const fields = useFieldProblems()
  const problem = profileNameProblem(name) ?? undefined
  const finish = () => (problem ? fields.attempt() : void store.finishSetup(name))

  return (
    <PageFrame
      heading={t('verified.heading')}
      onCancel={onCancel}
      onSubmit={finish}
      formRef={fields.containerRef}
      status={busy === 'finish' ? t('verified.finishing') : ''}
      actions={
        <button type="submit" className="button button--primary" disabled={busy !== null}>
          {t('nav.finish')}
        </button>
      }
    >
      <p className="setup-lead">{t('verified.lead')}</p>
      {verified && (
        <figure className="setup-proof">
          <img className="setup-proof__image" src={verified.previewDataUrl} alt={t('verified.imageAlt')} />
          <figcaption className="setup-proof__caption">
            <span className="field__label">{t('verified.publicUrl')}</span>
            {plan.keepTestObject ? (
              <a className="mono setup-proof__url" href={verified.publicUrl} target="_blank" rel="noreferrer">
                {verified.publicUrl}
              </a>
            ) : (
              // Deleted right after the check: a link would open a missing file.
              <>
                <span className="mono setup-proof__gone">{verified.publicUrl}</span>
                <span className="quiet">{t('verified.deletedNote')}</span>
              </>
            )}
          </figcaption>
        </figure>
      )}
      <Field label={t('verified.profileName')} help={t('verified.profileNameHelp')} problem={problemText(t, fields.shown('profileName', problem))}>
        {(control) => (
          <ProfileNameInput
            {...control}
            value={name}
            onValue={(value) => {
              fields.touch('profileName')
              setName(value)
            }}
          />
        )}
      </Field>
      {store.error && <SetupErrorAlert error={store.error} />}
    </PageFrame>
  )
}
