import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { BridgeError } from '../../src-main/contract/bridge'
import { translateError } from '../errors/translateError'
import { lookupIn } from '../i18n/i18n'
import { AlertIcon } from './icons'

interface Props {
  error: BridgeError
  className?: string
  /** A feature's own i18next namespace, looked up before the shell's catalog. */
  namespace?: string
}

/**
 * A failed call, with what to do about it. Announced at once by screen readers.
 * Translated by error code from the feature's catalog, then the shell's, falling back
 * to the server's English (the most specific wording).
 */
export function ErrorAlert({ error, className, namespace }: Props) {
  const { i18n } = useTranslation()
  const language = i18n.language
  const fromShell = lookupIn(language)
  const lookup = (key: string) => {
    const own: unknown = namespace ? i18n.getResource(language, namespace, key) : undefined
    return typeof own === 'string' ? own : fromShell(key)
  }
  const shown = translateError(error, language, lookup)
  const ref = useRef<HTMLDivElement>(null)
  // In a long form the alert can appear below the fold, where nobody would see it.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' })
  }, [error])
  return (
    <div ref={ref} role="alert" tabIndex={-1} className={`notice notice--error ${className ?? ''}`} data-error-code={error.code}>
      <AlertIcon />
      <div className="notice__text">
        <p className="notice__message">{shown.message}</p>
        {shown.hint && <p className="notice__hint">{shown.hint}</p>}
      </div>
    </div>
  )
}
