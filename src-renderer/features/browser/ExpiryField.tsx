import { useFormatLocale } from '../../i18n/formatLocale'
import { Field } from '../../ui/Field'
import { expiryChoices, expiryLabel } from './urlForms'

/** How long a presigned link works: the same choices wherever one is made (an object, a version). */
export function ExpiryField({ label, seconds, onChange }: { label: string; seconds: number; onChange: (seconds: number) => void }) {
  const locale = useFormatLocale()
  return (
    <Field label={label}>
      {(control) => (
        <select {...control} className="select" value={seconds} onChange={(event) => onChange(Number(event.target.value))}>
          {expiryChoices.map((choice) => (
            <option key={choice.seconds} value={choice.seconds}>
              {expiryLabel(choice, locale)}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
