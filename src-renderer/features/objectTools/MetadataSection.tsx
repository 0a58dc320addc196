import { metadataBytes, metadataProblems } from '../../../src-main/contract/rules/objectTools/metadataRules'
import { useVersioningStore } from '../versions/versioningStore'
import { useObjectToolsTranslation } from './i18n'
import { KeyValueRows, type KeyValueRow } from './KeyValueRows'
import './objectTools.css'

/** Problems of the metadata rows as the form shows them ("0:first" → words), and one for the whole set. */
export function useMetadataCheck() {
  const { t } = useObjectToolsTranslation()
  return (rows: KeyValueRow[]) => {
    const entries = rows.map((r) => ({ name: r.first, value: r.second }))
    const byField = new Map<string, string>()
    let whole: string | null = null
    for (const p of metadataProblems(entries)) {
      if (p.index < 0) whole = t(`problems.${p.code}`, { bytes: metadataBytes(entries) })
      else byField.set(`${p.index}:${p.field === 'name' ? 'first' : 'second'}`, t(`problems.${p.code}`))
    }
    return { byField, whole, entries, ok: byField.size === 0 && whole === null }
  }
}

/** The x-amz-meta-* rows of the headers dialog, with what saving keeps and, in a versioned bucket, that it makes a version. */
export function MetadataSection(props: { rows: KeyValueRow[]; onChange: (rows: KeyValueRow[]) => void; problems: Map<string, string>; whole: string | null; readOnly: boolean }) {
  const { t } = useObjectToolsTranslation()
  const versioned = useVersioningStore((s) => s.status === 'on' || s.status === 'suspended')
  return (
    <fieldset className="choice-group">
      <legend className="field__label">{t('metadata.title')}</legend>
      <p className="quiet">{t('metadata.help')}</p>
      <KeyValueRows
        rows={props.rows}
        onChange={props.onChange}
        headings={[t('metadata.name'), t('metadata.value')]}
        labelFirst={(position) => t('metadata.nameOf', { position })}
        labelSecond={(position) => t('metadata.valueOf', { position })}
        labelRemove={(position) => t('metadata.remove', { position })}
        addLabel={t('metadata.add')}
        emptyText={t('metadata.none')}
        problems={props.problems}
        readOnly={props.readOnly}
      />
      {props.whole && (
        <p className="field__problem" role="alert">
          {props.whole}
        </p>
      )}
      <p className="quiet">{t('metadata.keeps')}</p>
      {versioned && <p className="quiet">{t('newVersion')}</p>}
    </fieldset>
  )
}
