import type { ComponentProps } from 'react'

/**
 * A text field for text that must stay exactly as typed: a bucket or user name, an object
 * key, a header value, a key id. Monospace, never autofilled, auto-capitalized, corrected
 * or spell-checked (spell-checkers may send text to a service).
 */
export function LiteralInput({ type = 'text', ...rest }: Omit<ComponentProps<'input'>, 'className' | 'type'> & { type?: 'text' | 'password' }) {
  return <input {...rest} className="input input--mono" type={type} autoComplete="off" autoCapitalize="off" autoCorrect="off" spellCheck={false} />
}
