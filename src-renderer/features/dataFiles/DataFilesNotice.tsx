import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DataFileReport, UnreadableEntry } from '../../../src-main/contract/bridge'
import { useAppInfoStore } from '../../app/appInfoStore'
import { CloseIcon } from '../../ui/icons'

/**
 * After a damaged or partly unreadable data file: which file, what Cubeta did, where the
 * damaged copy is, and each entry it could not read with what is wrong.
 */
const none: DataFileReport[] = []

export function DataFilesNotice() {
  // One constant for "none": a new [] on every read would re-render forever.
  const reports = useAppInfoStore((s) => s.info?.dataFiles ?? none)
  return (
    <>
      {reports.map((report) => (
        <DataFileNotice key={report.file} report={report} />
      ))}
    </>
  )
}

/** The profiles file keeps its original words (app.profilesRecovered); the journals have their own. */
const bodyKey = (report: DataFileReport): string => {
  if (report.file === 'profiles') {
    return {
      'restored-backup': 'app.profilesRecovered.body',
      'started-empty': 'app.profilesRecovered.bodyNoCopy',
      'kept-good-entries': 'app.profilesRecovered.bodyKeptGood',
      'left-alone': 'app.dataFiles.leftAlone',
    }[report.outcome]
  }
  return `app.dataFiles.${report.file}.${report.outcome === 'left-alone' ? 'leftAlone' : report.outcome}`
}
const titleKey = (report: DataFileReport) => (report.file === 'profiles' ? 'app.profilesRecovered.title' : `app.dataFiles.${report.file}.title`)
const dismissKey = (report: DataFileReport) => (report.file === 'profiles' ? 'app.profilesRecovered.dismiss' : `app.dataFiles.${report.file}.dismiss`)

function DataFileNotice({ report }: { report: DataFileReport }) {
  const { t } = useTranslation()
  const [dismissed, setDismissed] = useState(false)
  if (dismissed) return null
  const body = report.outcome === 'left-alone' ? t(bodyKey(report), { path: report.path }) : t(bodyKey(report))
  return (
    <section role="alert" aria-label={t(titleKey(report))} className="notice notice--warning app-notice">
      <div className="notice__text">
        <p className="notice__message">{t(titleKey(report))}</p>
        <p className="notice__hint">{body}</p>
        <p className="notice__hint mono">{t('app.dataFiles.file', { path: report.path })}</p>
        {report.unreadableEntries.length > 0 && (
          <ul className="notice__list" aria-label={t('app.dataFiles.unreadableLabel')} tabIndex={0}>
            {report.unreadableEntries.map((entry) => (
              <li key={entry.position}>
                <EntryProblems entry={entry} />
              </li>
            ))}
          </ul>
        )}
        {report.damagedCopy && <p className="notice__hint mono">{t('app.profilesRecovered.kept', { path: report.damagedCopy })}</p>}
      </div>
      <button type="button" className="notice__dismiss" aria-label={t(dismissKey(report))} onClick={() => setDismissed(true)}>
        <CloseIcon />
      </button>
    </section>
  )
}

function EntryProblems({ entry }: { entry: UnreadableEntry }) {
  const { t } = useTranslation()
  const which = entry.name ? t('app.dataFiles.entryNamed', { name: entry.name, position: entry.position }) : t('app.dataFiles.entry', { position: entry.position })
  const problems = entry.problems.map((p) => t('app.dataFiles.problem', { field: p.field, expected: t(`app.dataFiles.expected.${p.expected}`, { defaultValue: t('app.dataFiles.expected.valid') }) }))
  return (
    <>
      {which}: {problems.length > 0 ? problems.join('; ') : t('app.dataFiles.expected.valid')}
    </>
  )
}
