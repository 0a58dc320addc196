/**
 * Code to read and copy (a policy, the Django settings): scrollable, so it is a Tab stop
 * that arrow keys can scroll, and named. A bare <pre> may not carry a name (its role is
 * generic), so it is a named group.
 */
export function CodeBlock({ code, labelledBy, label, whole = false }: { code: string; labelledBy?: string; label?: string; whole?: boolean }) {
  return (
    <pre className={whole ? 'setup-code setup-code--whole' : 'setup-code'} tabIndex={0} role="group" aria-labelledby={labelledBy} aria-label={labelledBy ? undefined : label}>
      <code>{code}</code>
    </pre>
  )
}
