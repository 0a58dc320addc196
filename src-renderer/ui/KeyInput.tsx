import type { InputHTMLAttributes } from 'react'

/**
 * An input for an access key id or its secret
 *
 * Neither is remembered, autofilled, auto-capitalized nor spell-checked (spell-checkers
 * may send text to a service). The secret is a password field.
 */
export function KeyInput({ secret = false, value, onValue, ...control }: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  secret?: boolean
  value: string
  onValue(value: string): void
}) {
  return (
    <input
      {...control}
      className="input input--mono"
      type={secret ? 'password' : 'text'}
      autoComplete="off"
      autoCapitalize="off"
      autoCorrect="off"
      spellCheck={false}
      value={value}
      onChange={(event) => onValue(event.target.value)}
    />
  )
}
