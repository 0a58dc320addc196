import { Field } from '../../ui/Field'
import { ChoiceOption } from './ChoiceOption'
import { PageFrame } from './PageFrame'
import { userPageProblems, type PlanAnswers } from './planValidation'
import { problemText } from './problemText'
import { useSetupWizardStore } from './setupWizardStore'
import { useFieldProblems } from './useFieldProblems'
import { useSetupTranslation } from './useSetupTranslation'
import { BackNextActions } from './BackNextActions'
import { LiteralInput } from '../../ui/LiteralInput'

/** Page 2: the IAM user the app will use, and how far its rights reach. */
export function UserPage({ onCancel }: { onCancel: () => void }) {
  const { t } = useSetupTranslation()
  const store = useSetupWizardStore()
  const { plan } = store
  const fields = useFieldProblems(store.revealProblems)
  const problems = userPageProblems(plan)
  const nameProblem = problemText(t, fields.shown('userName', problems.userName))

  const change = (patch: Partial<PlanAnswers>) => {
    Object.keys(patch).forEach(fields.touch)
    store.setPlan(patch)
  }
  const next = () => (problems.userName ? fields.attempt() : store.goTo('bucket'))

  return (
    <PageFrame
      heading={t('user.heading')}
      onCancel={onCancel}
      onSubmit={next}
      formRef={fields.containerRef}
      actions={<BackNextActions onBack={() => store.goTo('admin')} />}
    >
      <p className="setup-lead">{t('user.lead')}</p>
      <Field label={t('user.name')} help={t('user.nameHelp')} problem={nameProblem}>
        {(control) => (
          <LiteralInput
            {...control}
            maxLength={128}
            placeholder={t('user.namePlaceholder')}
            value={plan.userName}
            onChange={(event) => change({ userName: event.target.value })}
          />
        )}
      </Field>
      <fieldset className="choice-group">
        <legend className="field__label">{t('user.modeLegend')}</legend>
        <ChoiceOption type="radio" name="setup-user-mode" label={t('user.modeNew')} help={t('user.modeNewHelp')} checked={plan.userMode === 'new'} onChange={() => change({ userMode: 'new' })} />
        <ChoiceOption
          type="radio"
          name="setup-user-mode"
          label={t('user.modeExisting')}
          help={t('user.modeExistingHelp')}
          checked={plan.userMode === 'existing'}
          onChange={() => change({ userMode: 'existing' })}
        />
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field__label">{t('user.policyLegend')}</legend>
        <ChoiceOption
          type="radio"
          name="setup-user-policy"
          label={t('user.leastPrivilege')}
          help={t('user.leastPrivilegeHelp')}
          checked={plan.policy === 'least-privilege'}
          onChange={() => change({ policy: 'least-privilege' })}
        />
        <ChoiceOption
          type="radio"
          name="setup-user-policy"
          label={t('user.fullAccess')}
          help={t('user.fullAccessHelp')}
          checked={plan.policy === 's3-full-access'}
          onChange={() => change({ policy: 's3-full-access' })}
        />
        <p className="setup-note">{t('user.difference')}</p>
      </fieldset>
    </PageFrame>
  )
}
