import { useId } from 'react'
import { CloseIcon } from '../../ui/icons'

export interface KeyValueRow {
  first: string
  second: string
}

/**
 * Rows of two text fields (a tag's key and value, a metadata name and value) with Remove
 * on each and one Add below. Each field is named by its row ("Key of tag 2"), and its
 * problem is tied to it, so a screen reader hears which one is wrong.
 */
export function KeyValueRows(props: {
  rows: KeyValueRow[]
  onChange: (rows: KeyValueRow[]) => void
  headings: [string, string]
  labelFirst: (position: number) => string
  labelSecond: (position: number) => string
  labelRemove: (position: number) => string
  addLabel: string
  emptyText: string
  /** Problems by row index and field. */
  problems: Map<string, string>
  max?: number
  readOnly?: boolean
}) {
  const id = useId()
  const update = (index: number, change: Partial<KeyValueRow>) => props.onChange(props.rows.map((r, i) => (i === index ? { ...r, ...change } : r)))
  const full = props.max !== undefined && props.rows.length >= props.max
  return (
    <div className="key-value-rows">
      {props.rows.length === 0 ? (
        <p className="quiet">{props.emptyText}</p>
      ) : (
        <div className="key-value-rows__head" aria-hidden="true">
          <span>{props.headings[0]}</span>
          <span>{props.headings[1]}</span>
        </div>
      )}
      {props.rows.map((row, index) => {
        const fields = (['first', 'second'] as const).map((field) => ({ field, problem: props.problems.get(`${index}:${field}`), problemId: `${id}-${index}-${field}` }))
        return (
          <div key={index} className="key-value-rows__row">
            {fields.map(({ field, problem, problemId }) => (
              <input
                key={field}
                className="input"
                type="text"
                autoComplete="off"
                spellCheck={false}
                aria-label={(field === 'first' ? props.labelFirst : props.labelSecond)(index + 1)}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? problemId : undefined}
                readOnly={props.readOnly}
                value={row[field]}
                onChange={(e) => update(index, { [field]: e.target.value })}
              />
            ))}
            <button type="button" className="button button--quiet button--icon" aria-label={props.labelRemove(index + 1)} title={props.labelRemove(index + 1)} onClick={() => props.onChange(props.rows.filter((_, i) => i !== index))}>
              <CloseIcon />
            </button>
            {fields.map(({ field, problem, problemId }) =>
              problem ? (
                <p key={field} id={problemId} className="field__problem key-value-rows__problem">
                  {problem}
                </p>
              ) : null,
            )}
          </div>
        )
      })}
      <button type="button" className="button" aria-disabled={full || props.readOnly || undefined} onClick={() => !full && !props.readOnly && props.onChange([...props.rows, { first: '', second: '' }])}>
        {props.addLabel}
      </button>
    </div>
  )
}
