import type { InputHTMLAttributes } from 'react'

/** An input for a URL (an endpoint, a CDN base): a URL keyboard, no autofill or corrections. */
export function UrlInput({ value, onValue, ...control }: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string
  onValue(value: string): void
}) {
  return (
    <input
      {...control}
      className="input"
      type="text"
      inputMode="url"
      autoComplete="off"
      autoCapitalize="off"
      spellCheck={false}
      value={value}
      onChange={(event) => onValue(event.target.value)}
    />
  )
}
