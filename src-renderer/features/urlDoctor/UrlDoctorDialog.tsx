import { useEffect, useRef } from 'react'
import type { DoctorFinding, DoctorFix } from '../../../src-main/contract/bridge'
import { Dialog } from '../../ui/Dialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { DoctorChecks } from './DoctorChecks'
import { DoctorQuestionForm } from './DoctorQuestionForm'
import { sayDoctor } from './doctorText'
import { FixControl, type FixActions } from './FixControl'
import { FixPreview } from './FixPreview'
import { urlDoctorNamespace, useUrlDoctorTranslation } from './i18n'
import { useUrlDoctorStore } from './urlDoctorStore'
import './urlDoctor.css'

export interface UrlDoctorTarget {
  profileId: string
  bucket: string
  key: string
  publicBaseUrl: string | null
}

/**
 * "Why doesn't this URL work?": every check in order, each verdict as it lands, then the
 * cause in one sentence with its fix. A fix shows exactly what it will change and is
 * applied only on "Apply"; the doctor then runs again.
 */
export function UrlDoctorDialog({ target, onClose, onRename }: { target: UrlDoctorTarget; onClose: () => void; onRename: (key: string, suggestion: string) => void }) {
  const { t } = useUrlDoctorTranslation()
  const { question, report, busy, error, preview, applied, run, showFix, applyFix, reset } = useUrlDoctorStore()
  const answer = useRef<HTMLElement>(null)

  useEffect(() => {
    void run({ profileId: target.profileId, bucket: target.bucket, key: target.key, form: 'public', usage: 'page', origin: null })
    return reset
  }, [target.profileId, target.bucket, target.key, run, reset])
  // After a fix, the answer is what changed: take the focus there.
  useEffect(() => {
    if (applied && report?.finished) answer.current?.focus()
  }, [applied, report?.finished])

  const causes = report?.checks.flatMap((c) => c.findings).filter((f) => f.severity === 'cause') ?? []
  const fixes = uniqueFixes(causes)
  const previewed = preview ? fixes.concat(report?.checks.flatMap((c) => c.findings.flatMap((f) => (f.fix ? [f.fix] : []))) ?? []).find((f) => f.kind === 'apply' && f.id === preview) : undefined
  const actions: FixActions = {
    busy: busy !== null,
    preview: showFix,
    rename: onRename,
    checkKey: (key) => question && void run({ ...question, key }),
  }
  const conclusion = report?.conclusion ?? null

  return (
    <Dialog title={t('title')} onClose={() => busy !== 'applying' && onClose()} size="large">
      <div className="doctor">
        <p className="quiet doctor__intro">{t('intro')}</p>
        {question && <DoctorQuestionForm key={`${question.key}|${question.form}`} question={question} hasBaseUrl={target.publicBaseUrl !== null} busy={busy !== null} onRun={(q) => void run(q)} />}
        <section ref={answer} tabIndex={-1} className={`doctor-answer doctor-answer--${tone(conclusion, busy)}`} aria-labelledby="doctor-answer-title" aria-busy={busy !== null}>
          <h3 id="doctor-answer-title" className="doctor-answer__title">
            {t('conclusion.label')}
          </h3>
          <div role="status">
            {applied && conclusion && <p className="doctor-answer__applied">{t('fix.applied')}</p>}
            <p className="doctor-answer__sentence">{conclusion ? sayDoctor(t, conclusion) : busy ? t('running') : ''}</p>
            {causes.length > 1 && <p className="doctor-answer__more">{t('conclusion.more', { count: causes.length - 1 })}</p>}
          </div>
          {conclusion && !preview && fixes.length > 0 && (
            <div className="doctor-answer__fixes">
              {fixes.map((fix, i) => (
                <FixControl key={i} fix={fix} actions={actions} />
              ))}
            </div>
          )}
        </section>
        {previewed?.kind === 'apply' ? (
          <FixPreview fix={previewed} busy={busy === 'applying'} onApply={() => void applyFix(previewed.id)} onBack={() => showFix(null)} />
        ) : (
          report && <DoctorChecks checks={report.checks} actions={actions} />
        )}
        {report?.url && <p className="quiet doctor__url mono" title={report.url}>{t('checkedUrl', { url: report.url })}</p>}
      </div>
      {error && <ErrorAlert error={error} namespace={urlDoctorNamespace} />}
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose} disabled={busy === 'applying'}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  )
}

/** The causes' fixes, each once (one fix often answers two causes). */
function uniqueFixes(causes: DoctorFinding[]): DoctorFix[] {
  const seen = new Set<string>()
  return causes.flatMap((finding) => {
    const fix = finding.fix
    if (!fix) return []
    const id = fix.kind === 'apply' ? fix.id : `${fix.kind}:${fix.text.code}:${JSON.stringify(fix.text.params)}`
    if (seen.has(id)) return []
    seen.add(id)
    return [fix]
  })
}

function tone(conclusion: DoctorFinding | null, busy: string | null): string {
  if (!conclusion) return busy ? 'running' : 'none'
  return conclusion.severity === 'cause' ? 'cause' : 'works'
}
