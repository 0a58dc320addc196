import { useId, type ReactNode } from 'react'
import { CodeBlock } from './CodeBlock'

interface Props {
  title: string
  help?: string
  /** The block's buttons (Copy, Reveal); none for an example that is not meant to be copied. */
  actions?: ReactNode
  code: string
  /** Shown whole, without a scroll box of its own: text meant to be read before pasting. */
  whole?: boolean
}

/** A titled, selectable code block with its buttons. */
export function ExportBlock({ title, help, actions, code, whole = false }: Props) {
  const titleId = useId()
  return (
    <section className="setup-block" aria-labelledby={titleId}>
      <div className="setup-block__header">
        <h3 id={titleId} className="setup-block__title">
          {title}
        </h3>
        {actions && <div className="setup-block__actions">{actions}</div>}
      </div>
      {help && <p className="field__help">{help}</p>}
      <CodeBlock code={code} labelledBy={titleId} whole={whole} />
    </section>
  )
}
