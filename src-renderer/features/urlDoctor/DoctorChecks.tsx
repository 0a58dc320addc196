import type { DoctorCheck, DoctorFinding } from '../../../src-main/contract/bridge'
import { CheckStateIcon } from './CheckStateIcon'
import { sayDoctor } from './doctorText'
import { FixControl, type FixActions } from './FixControl'
import { useUrlDoctorTranslation } from './i18n'

/**
 * Every check in the order it ran, with what it found. Causes' fixes are gathered in the
 * answer above, so each fix has one button; a warning carries its own (an ACL that is
 * the only grant works today, but the policy statement is the lasting way).
 */
export function DoctorChecks({ checks, actions }: { checks: DoctorCheck[]; actions: FixActions }) {
  const { t } = useUrlDoctorTranslation()
  return (
    <ol className="doctor-checks" aria-label={t('checks.label')}>
      {checks.map((check) => (
        <li key={check.id} className={`doctor-check doctor-check--${check.state}`}>
          <div className="doctor-check__head">
            <CheckStateIcon state={check.state} />
            <span className="doctor-check__name">{t(`checks.${check.id}`)}</span>
            <span className="doctor-check__state">{t(`states.${check.state}`)}</span>
          </div>
          {check.findings.length > 0 && (
            <ul className="doctor-check__findings">
              {check.findings.map((finding, i) => (
                <FindingLine key={`${finding.code}-${i}`} finding={finding} actions={actions} />
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  )
}

function FindingLine({ finding, actions }: { finding: DoctorFinding; actions: FixActions }) {
  const { t } = useUrlDoctorTranslation()
  return (
    <li className={`doctor-finding doctor-finding--${finding.severity}`}>
      <p>{sayDoctor(t, finding)}</p>
      {finding.severity === 'warning' && finding.fix && <FixControl fix={finding.fix} actions={actions} />}
    </li>
  )
}
