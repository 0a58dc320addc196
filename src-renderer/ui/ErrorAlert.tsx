import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { BridgeError } from '../../src-main/contract/bridge'
import { translateError } from '../errors/translateError'
import { lookupIn } from '../i18n/i18n'
import { AlertIcon } from './icons'

/** A failed call, with what to do about it. Announced at once by screen readers. */
export function ErrorAlert({ error, className }: { error: BridgeError; className?: string }) {
  const { i18n } = useTranslation()
  const language = i18n.language
  const shown = translateError(error, language, lookupIn(language))
  const ref = useRef<HTMLDivElement>(null)
  // In a long form the alert can appear below the fold, where nobody would see it.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' })
  }, [error])
  return (
    <div ref={ref} role="alert" className={`notice notice--error ${className ?? ''}`} data-error-code={error.code}>
      <AlertIcon />
      <div className="notice__text">
        <p className="notice__message">{shown.message}</p>
        {shown.hint && <p className="notice__hint">{shown.hint}</p>}
      </div>
    </div>
  )
}
