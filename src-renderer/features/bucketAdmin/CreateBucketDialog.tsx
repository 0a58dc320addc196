import { useId, useState, type FormEvent } from 'react'
import type { BridgeError, CreatedBucket, ProfileView } from '../../../src-main/contract/bridge'
import { bucketNameProblems, bucketNameWarnings } from '../../../src-main/contract/rules/bucketNameRule'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { Dialog } from '../../ui/Dialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { Field } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { RegionSelect } from '../profiles/RegionSelect'
import { problemText } from '../setupWizard/problemText'
import { useSetupTranslation } from '../setupWizard/useSetupTranslation'
import { bucketAdminNamespace, useBucketAdminTranslation } from './i18n'
import { LiteralInput } from '../../ui/LiteralInput'

/**
 * "New bucket": a name checked as it is typed (the S3 rules the guided setup uses), a
 * region (the profile's by default), and whether to make its objects public the way the
 * guided setup does. A bucket that was made but could not be made public says so and
 * stays private.
 */
export function CreateBucketDialog({ profile, onClose, onCreated }: { profile: ProfileView; onClose: () => void; onCreated: (created: CreatedBucket) => void }) {
  const { t } = useBucketAdminTranslation()
  const setup = useSetupTranslation()
  const [name, setName] = useState('')
  const [region, setRegion] = useState(profile.region)
  const [publicRead, setPublicRead] = useState(false)
  const [touched, setTouched] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<BridgeError | null>(null)
  const [partly, setPartly] = useState<CreatedBucket | null>(null)
  const publicHelp = useId()
  const custom = profile.endpoint !== null
  const problem = touched ? bucketNameProblems(name)[0] : undefined
  const warning = bucketNameProblems(name).length === 0 ? bucketNameWarnings(name)[0] : undefined

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (bucketNameProblems(name).length > 0) return
    setBusy(true)
    setError(null)
    try {
      const created = unwrap(await bridge['buckets/create']({ profileId: profile.id, bucket: name, region, publicRead }))
      if (created.publicReadError) setPartly(created)
      else onCreated(created)
    } catch (caught) {
      setError(asBridgeError(caught))
    } finally {
      setBusy(false)
    }
  }

  if (partly) {
    return (
      <Dialog title={t('create.partlyTitle', { bucket: partly.bucket })} onClose={() => onCreated(partly)} size="small">
        <div className="form__body">
          <p className="dialog__text">{t('create.partlyBody')}</p>
        </div>
        {partly.publicReadError && <ErrorAlert error={partly.publicReadError} namespace={bucketAdminNamespace} />}
        <div className="form__actions">
          <button type="button" className="button button--primary" data-autofocus onClick={() => onCreated(partly)}>
            {t('create.openIt')}
          </button>
        </div>
      </Dialog>
    )
  }

  return (
    <Dialog title={t('create.title')} onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="form__body">
          <Field label={t('create.name')} help={warning ? setup.t(`problems.${warning.code}`, { defaultValue: warning.message }) : t('create.nameHelp')} problem={problemText(setup.t, problem)}>
            {(control) => (
              <LiteralInput
                {...control}
                maxLength={100}
                value={name}
                placeholder={t('create.namePlaceholder')}
                onChange={(event) => setName(event.target.value)}
                onBlur={() => setTouched(name !== '')}
              />
            )}
          </Field>
          <Field label={t('create.region')} help={custom ? t('create.regionCustom') : t('create.regionHelp')}>
            {(control) => <RegionSelect {...control} value={region} onChange={setRegion} customEndpoint={custom} />}
          </Field>
          <div className="checkbox-field">
            <input id={`${publicHelp}-box`} type="checkbox" checked={publicRead} aria-describedby={publicHelp} onChange={(event) => setPublicRead(event.target.checked)} />
            <div>
              <label htmlFor={`${publicHelp}-box`}>{t('create.publicRead')}</label>
              <p id={publicHelp} className="field__help">
                {t('create.publicReadHelp')}
              </p>
            </div>
          </div>
        </div>
        {error && <ErrorAlert error={error} namespace={bucketAdminNamespace} />}
        <FormActions busy={busy} busyText={t('create.creating')} submitText={t('create.submit')} onCancel={onClose} />
      </form>
    </Dialog>
  )
}
