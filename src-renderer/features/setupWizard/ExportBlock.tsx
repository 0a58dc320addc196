import { useId, type ReactNode } from 'react'

interface Props {
  title: string
  help?: string
  /** The block's buttons (Copy, Reveal). */
  actions: ReactNode
  code: string
}

/** A titled, selectable code block with its buttons. */
export function ExportBlock({ title, help, actions, code }: Props) {
  const titleId = useId()
  return (
    <section className="setup-block" aria-labelledby={titleId}>
      <div className="setup-block__header">
        <h3 id={titleId} className="setup-block__title">
          {title}
        </h3>
        <div className="setup-block__actions">{actions}</div>
      </div>
      {help && <p className="field__help">{help}</p>}
      <pre className="setup-code" tabIndex={0} aria-labelledby={titleId}>
        <code>{code}</code>
      </pre>
    </section>
  )
}
