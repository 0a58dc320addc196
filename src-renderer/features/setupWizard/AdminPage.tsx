import { useEffect } from 'react'
import { AdminKeyFields } from './AdminKeyFields'
import { AdminStatus } from './AdminStatus'
import { PageFrame } from './PageFrame'
import { PendingSetupNotice } from './PendingSetupNotice'
import { adminProblems, type AdminAnswers, type AdminField, type PageProblems } from './planValidation'
import { SetupErrorAlert } from './SetupErrorAlert'
import { useSetupWizardStore } from './setupWizardStore'
import { useFieldProblems } from './useFieldProblems'
import { useSetupTranslation } from './useSetupTranslation'

/** Page 1: whose keys do the setup, and may they? */
export function AdminPage({ onCancel }: { onCancel: () => void }) {
  const { t } = useSetupTranslation()
  const store = useSetupWizardStore()
  const { admin, start, progress, busy } = store
  const fields = useFieldProblems(store.revealProblems)
  const missing = start ? start.missingPermissions.length > 0 : false
  // Checked and allowed: the keys are in the main process now, nothing left to fill in.
  const connected = start !== null && !missing
  const all = adminProblems(admin)
  const shown: PageProblems<AdminField> = Object.fromEntries(
    (Object.keys(all) as AdminField[]).map((field) => [field, fields.shown(field, all[field])]),
  )

  // A new check result: the emptied secret field is explained by its help, not scolded.
  const sessionId = start?.sessionId
  const { reset } = fields
  useEffect(() => {
    if (sessionId) reset()
  }, [sessionId, reset])

  const change = (patch: Partial<AdminAnswers>) => {
    Object.keys(patch).forEach(fields.touch)
    store.setAdmin(patch)
  }
  const check = () => {
    if (Object.keys(all).length > 0) fields.attempt()
    else void store.startSession()
  }
  const next = () => (connected ? store.goTo('user') : check())

  return (
    <PageFrame
      heading={t('admin.heading')}
      onCancel={onCancel}
      onSubmit={missing ? check : next}
      formRef={fields.containerRef}
      status={busy === 'start' ? t('nav.checking') : ''}
      actions={
        <>
          {missing && (
            <button type="submit" className="button" disabled={busy !== null}>
              {t('admin.checkAgain')}
            </button>
          )}
          <button type={missing ? 'button' : 'submit'} className="button button--primary" disabled={busy !== null || missing}>
            {t('nav.next')}
          </button>
        </>
      }
    >
      {store.pending && !start && <PendingSetupNotice pending={store.pending} />}
      <p className="setup-lead">{t('admin.lead')}</p>
      <p className="setup-note">{t('admin.safety')}</p>
      {connected ? (
        <>
          <AdminStatus start={start} />
          {(!progress || progress.status === 'ready') && (
            <div>
              <button type="button" className="button" onClick={() => void store.forgetAdmin()}>
                {t('admin.otherKeys')}
              </button>
            </div>
          )}
        </>
      ) : (
        <>
          {/* What is missing comes first: it is why the user is still on this page. */}
          {start && <AdminStatus start={start} />}
          <AdminKeyFields admin={admin} profiles={store.profiles} problems={shown} secretCleared={store.secretCleared} onChange={change} />
        </>
      )}
      {store.error && <SetupErrorAlert error={store.error} />}
    </PageFrame>
  )
}
