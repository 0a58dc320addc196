import { useMemo } from 'react'
import { CodeBlock } from './CodeBlock'
import { ChoiceOption } from './ChoiceOption'
import { CopyButton } from './CopyButton'
import { PageFrame } from './PageFrame'
import { firstProblem } from './planValidation'
import { bucketPolicyPreview, userPolicyPreview } from './policyPreview'
import { useSetupWizardStore } from './setupWizardStore'
import { useSetupTranslation } from './useSetupTranslation'
import { BackNextActions } from './BackNextActions'

/** Page 4: what becomes public, the exact policy that does it, and the last two options. */
export function PublicReadPage({ onCancel }: { onCancel: () => void }) {
  const { t } = useSetupTranslation()
  const store = useSetupWizardStore()
  const { plan, start } = store
  const accountId = start?.accountId ?? ''
  const policy = useMemo(
    () => bucketPolicyPreview(plan.bucket, accountId, plan.userName, plan.policy),
    [plan.bucket, accountId, plan.userName, plan.policy],
  )

  const setUp = () => {
    // Each page checked its own answers; this catches one changed since, before anything is sent.
    const found = firstProblem(null, plan)
    if (found) store.goTo(found.page, { revealProblems: true })
    else void store.run()
  }

  return (
    <PageFrame
      heading={t('publicRead.heading')}
      onCancel={onCancel}
      onSubmit={setUp}
      actions={<BackNextActions onBack={() => store.goTo('bucket')} nextLabel={t('nav.setUp')} disabled={store.busy !== null} />}
    >
      <div className="setup-callout">
        <p className="setup-callout__main">{t('publicRead.whatBecomesPublic')}</p>
        <p className="quiet">{t('publicRead.why')}</p>
      </div>
      <p className="quiet">{t('publicRead.summary', { user: plan.userName, bucket: plan.bucket, region: plan.region })}</p>

      <section className="setup-block" aria-labelledby="setup-policy-title">
        <div className="setup-block__header">
          <h3 id="setup-policy-title" className="setup-block__title">
            {t('publicRead.policyTitle')}
          </h3>
          <CopyButton label={t('publicRead.copyPolicy')} text={() => policy} />
        </div>
        <CodeBlock code={policy} labelledBy="setup-policy-title" />
        <p className="field__help">{t('publicRead.mergeNote')}</p>
        <p className="field__help">{t('publicRead.blockNote')}</p>
      </section>

      <details className="setup-details">
        <summary>{t('publicRead.userPolicyTitle')}</summary>
        {plan.policy === 'least-privilege' ? (
          <CodeBlock code={userPolicyPreview(plan.bucket)} label={t('publicRead.userPolicyTitle')} />
        ) : (
          <p className="quiet">{t('publicRead.userPolicyFull')}</p>
        )}
      </details>

      <fieldset className="choice-group">
        <legend className="field__label">{t('publicRead.options')}</legend>
        <ChoiceOption type="checkbox" label={t('publicRead.cors')} help={t('publicRead.corsHelp')} checked={plan.cors} onChange={(cors) => store.setPlan({ cors })} />
        <ChoiceOption
          type="checkbox"
          label={t('publicRead.keepTest')}
          help={t('publicRead.keepTestHelp')}
          checked={plan.keepTestObject}
          onChange={(keepTestObject) => store.setPlan({ keepTestObject })}
        />
      </fieldset>
    </PageFrame>
  )
}
