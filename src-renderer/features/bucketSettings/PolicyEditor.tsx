import { useId, useState } from 'react'
import type { BucketSettings } from '../../../src-main/contract/bridge'
import { cubetaStatements, mergeBucketPolicy } from '../../../src-main/contract/rules/bucketPolicy'
import { parseJsonText } from '../../../src-main/contract/rules/bucketSettings/jsonText'
import { blockRefusingPolicy, policyLockouts } from '../../../src-main/contract/rules/bucketSettings/lockouts'
import { isPublicPolicy, policyProblems, removedStatements } from '../../../src-main/contract/rules/bucketSettings/policyRules'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { bucketSettingsNamespace, useBucketSettingsTranslation } from './i18n'
import { JsonTextField } from './JsonTextField'
import { ConfirmBox, SettingsWarning } from './EditorParts'
import { useSettingsStore } from './settingsStore'

const pretty = (value: unknown) => JSON.stringify(value, null, 2)
const okValue = <T,>(read: { state: string; value?: T }): T | null => (read.state === 'ok' ? (read.value ?? null) : null)

/**
 * The policy as JSON, checked as it is typed: where the JSON broke (line and column, a
 * click moves the caret there), what S3 would refuse, the lock-outs to confirm, and what
 * Block Public Access would do to a public policy. The review names every statement the
 * edit removes; deleting the whole policy is one more reviewed change.
 */
export function PolicyEditor({ profileId, bucket, current, settings, onDone }: { profileId: string; bucket: string; current: string | null; settings: BucketSettings; onDone: () => void }) {
  const { t } = useBucketSettingsTranslation()
  const [text, setText] = useState(current === null ? pretty({ Version: '2012-10-17', Statement: [] }) : pretty(JSON.parse(current)))
  const [deleting, setDeleting] = useState(false)
  const [understood, setUnderstood] = useState(false)
  const [relax, setRelax] = useState(false)
  const [reviewing, setReviewing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ReturnType<typeof asBridgeError> | null>(null)
  const helpId = useId()

  const parsed = parseJsonText(text)
  const problems = parsed.ok ? policyProblems(parsed.value, bucket) : []
  const valid = parsed.ok && problems.length === 0
  const after = deleting ? null : valid ? parsed.value : null
  const lockouts = after ? policyLockouts(after, bucket, settings.caller) : []
  const bucketBlock = okValue(settings.publicAccessBlock)
  const refusedBy = after ? blockRefusingPolicy(after, bucketBlock, okValue(settings.accountPublicAccessBlock)) : null
  const ignoredBy = after && !refusedBy && isPublicPolicy(after) && bucketBlock?.restrictPublicBuckets ? 'restricted' : null
  const blockedBy = refusedBy ?? ignoredBy
  const before = current === null ? null : JSON.parse(current)
  const removed = removedStatements(before, after)

  // Merged the guided setup's way, into any policy that parses (an empty one included).
  const mergeable = parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value)
  const addPublicRead = () => {
    if (mergeable) setText(pretty(mergeBucketPolicy(JSON.stringify(parsed.value), cubetaStatements(bucket, null, 'least-privilege'))))
  }
  const apply = async () => {
    setBusy(true)
    setError(null)
    try {
      const policy = deleting ? null : JSON.stringify(after)
      const readBack = unwrap(await bridge['bucketSettings/setPolicy']({ profileId, bucket, policy, acknowledgedLockout: understood, relaxBlockPublicAccess: relax && blockedBy !== 'account' && blockedBy !== null }))
      useSettingsStore.getState().put('policy', readBack.policy)
      useSettingsStore.getState().put('publicAccessBlock', readBack.publicAccessBlock)
      onDone()
    } catch (caught) {
      setError(asBridgeError(caught))
      setBusy(false)
    }
  }
  const where = (n: number) => t('policy.statementWord', { position: n })
  const mustConfirm = lockouts.length > 0 && !understood

  const warnings = (
    <>
      {lockouts.length > 0 && (
        <SettingsWarning title={t('policy.lockoutTitle')} alert>
          <ul className="settings-list">
            {lockouts.map((l, i) => (
              <li key={i}>{t(`policy.lockout.${l.code}`, { certainty: t(l.certain ? 'policy.lockout.certain' : 'policy.lockout.maybe'), action: l.action, statement: l.statement })}</li>
            ))}
          </ul>
          <ConfirmBox checked={understood} onChange={setUnderstood} label={t('policy.lockoutUnderstood')} />
        </SettingsWarning>
      )}
      {blockedBy && (
        <SettingsWarning>
          <p>{t(`policy.blocked.${blockedBy}`)}</p>
          {blockedBy !== 'account' && <ConfirmBox checked={relax} onChange={setRelax} label={t('policy.blocked.relax')} />}
        </SettingsWarning>
      )}
    </>
  )

  if (reviewing) {
    return (
      <div className="settings-editor">
        <p>{deleting ? t('policy.deletes') : t('policy.review')}</p>
        <p className="settings-change" role="status">
          {removed.length > 0 ? t('policy.removed', { list: removed.join(', ') }) : t('policy.nothingRemoved')}
          {relax && blockedBy && blockedBy !== 'account' ? ` ${t('policy.relaxes')}` : ''}
        </p>
        <div className="settings-diff">
          <div>
            <h3 className="field__label">{t('before')}</h3>
            <pre className="settings-json" tabIndex={0} role="group" aria-label={t('before')}>{before === null ? '—' : pretty(before)}</pre>
          </div>
          <div>
            <h3 className="field__label">{t('after')}</h3>
            <pre className="settings-json" tabIndex={0} role="group" aria-label={t('after')}>{after === null ? '—' : pretty(after)}</pre>
          </div>
        </div>
        {warnings}
        {error && <ErrorAlert error={error} namespace={bucketSettingsNamespace} />}
        <div className="settings-editor__actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setReviewing(false)
              setDeleting(false)
            }}
          >
            {t('back')}
          </button>
          <button type="button" className={`button ${deleting ? 'button--danger' : 'button--primary'}`} disabled={busy || mustConfirm} onClick={() => void apply()}>
            {deleting ? t('policy.remove') : t('policy.apply')}
          </button>
        </div>
      </div>
    )
  }

  return (
    <div className="settings-editor">
      <JsonTextField label={t('policy.json')} help={t('policy.jsonHelp')} rows={16} text={text} parsed={parsed} onChange={setText} />
      {problems.length > 0 && (
        <ul className="field__problem" role="alert">
          {problems.slice(0, 6).map((p, i) => (
            <li key={i}>{t(`policy.problem.${p.code}`, { where: where(p.statement), detail: p.detail, bucket })}</li>
          ))}
        </ul>
      )}
      {valid && warnings}
      <p id={helpId} className="field__help">
        {t('policy.addPublicReadHelp')}
      </p>
      <div className="settings-editor__actions settings-editor__actions--split">
        <button type="button" className="button" disabled={!mergeable} onClick={addPublicRead} aria-describedby={helpId}>
          {t('policy.addPublicRead')}
        </button>
        {current !== null && (
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              setDeleting(true)
              setReviewing(true)
            }}
          >
            {t('policy.remove')}
          </button>
        )}
        <span className="settings-editor__spacer" />
        <button type="button" className="button" onClick={onDone}>
          {t('cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!valid}
          onClick={() => {
            setDeleting(false)
            setReviewing(true)
          }}
        >
          {t('review')}
        </button>
      </div>
    </div>
  )
}
