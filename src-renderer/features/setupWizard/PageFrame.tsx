import { useEffect, useRef, type ReactNode, type RefObject } from 'react'
import { useSetupTranslation } from './useSetupTranslation'

interface Props {
  heading: string
  children: ReactNode
  /** The buttons on the right of the footer; the primary one last. */
  actions?: ReactNode
  /** What is happening now ("Checking the keys…"), announced politely. */
  status?: string
  onCancel?: () => void
  /** Given for pages with fields, so that Enter goes on as the primary button would. */
  onSubmit?: () => void
  formRef?: RefObject<HTMLFormElement | null>
}

/**
 * One wizard page: its heading, its content, and a footer that stays in reach. Focus
 * moves to the heading when a page appears, so a screen reader announces the new page.
 */
export function PageFrame({ heading, children, actions, status, onCancel, onSubmit, formRef }: Props) {
  const { t } = useSetupTranslation()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  const content = (
    <>
      <div className="setup-page__body">
        <h2 ref={headingRef} tabIndex={-1} className="setup-page__heading">
          {heading}
        </h2>
        {children}
      </div>
      <div className="setup-page__actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('nav.cancel')}
          </button>
        )}
        <p role="status" className="setup-page__status">
          {status ?? ''}
        </p>
        {actions}
      </div>
    </>
  )
  if (!onSubmit) return <div className="setup-page">{content}</div>
  return (
    <form
      ref={formRef}
      className="setup-page"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        onSubmit()
      }}
    >
      {content}
    </form>
  )
}
