import { useId } from 'react'
import { awsRegions } from '../../../src-main/contract/rules/regions'
import { Field } from '../../ui/Field'
import { AlertIcon } from '../../ui/icons'
import { PageFrame } from './PageFrame'
import { bucketPageProblems, bucketPageWarnings, type PlanAnswers } from './planValidation'
import { problemText } from './problemText'
import { useSetupWizardStore } from './setupWizardStore'
import { useFieldProblems } from './useFieldProblems'
import { useSetupTranslation } from './useSetupTranslation'
import { useRegionLabel } from '../../i18n/regionNames'
import { BackNextActions } from './BackNextActions'
import { LiteralInput } from '../../ui/LiteralInput'

/** Page 3: the bucket's name, checked as it is typed, and its region. */
export function BucketPage({ onCancel }: { onCancel: () => void }) {
  const { t } = useSetupTranslation()
  const regionLabel = useRegionLabel()
  const store = useSetupWizardStore()
  const { plan } = store
  const fields = useFieldProblems(store.revealProblems)
  const warningId = useId()
  const problems = bucketPageProblems(plan)
  const shownBucket = fields.shown('bucket', problems.bucket)
  // A warning is only worth reading once the name is otherwise right.
  const warning = shownBucket ? undefined : bucketPageWarnings(plan)[0]

  const change = (patch: Partial<PlanAnswers>) => {
    Object.keys(patch).forEach(fields.touch)
    store.setPlan(patch)
  }
  const next = () => (problems.bucket || problems.region ? fields.attempt() : store.goTo('publicRead'))

  return (
    <PageFrame
      heading={t('bucket.heading')}
      onCancel={onCancel}
      onSubmit={next}
      formRef={fields.containerRef}
      actions={<BackNextActions onBack={() => store.goTo('user')} />}
    >
      <p className="setup-lead">{t('bucket.lead')}</p>
      <Field
        label={t('bucket.name')}
        help={
          <>
            {t('bucket.nameHelp')} {t('bucket.existing')}
          </>
        }
        problem={problemText(t, shownBucket)}
      >
        {(control) => (
          <LiteralInput
            {...control}
            aria-describedby={[control['aria-describedby'], warning ? warningId : null].filter(Boolean).join(' ') || undefined}
            maxLength={100}
            placeholder={t('bucket.namePlaceholder')}
            value={plan.bucket}
            onChange={(event) => change({ bucket: event.target.value })}
          />
        )}
      </Field>
      {warning && (
        <div id={warningId} className="notice notice--warning setup-inline-notice">
          <AlertIcon />
          <p className="notice__text">{problemText(t, warning)}</p>
        </div>
      )}
      <Field label={t('bucket.region')} help={t('bucket.regionHelp')} problem={problemText(t, fields.shown('region', problems.region))}>
        {(control) => (
          <select {...control} className="select" value={plan.region} onChange={(event) => change({ region: event.target.value })}>
            {awsRegions.map((region) => (
              <option key={region.code} value={region.code}>
                {regionLabel(region.code)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </PageFrame>
  )
}
