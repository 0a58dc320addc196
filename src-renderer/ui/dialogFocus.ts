/**
 * Where focus goes when a dialog opens and closes
 *
 * A dialog opens on the element marked data-autofocus, if it has one (the safe button
 * of a confirmation: Cancel, Skip, Stay), else on its first field or button. A read-only
 * field counts: it can still be read and tabbed past.
 */
export type FocusTarget = HTMLElement | null | undefined

const firstField =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])'

export function initialFocusIn(container: HTMLElement): HTMLElement | null {
  const marked = container.querySelector<HTMLElement>('[data-autofocus]')
  if (marked && canTakeFocus(marked)) return marked
  return [...container.querySelectorAll<HTMLElement>(firstField)].find(canTakeFocus) ?? null
}

/** Connected, shown, enabled and not behind an inert page. */
export function canTakeFocus(element: HTMLElement): boolean {
  if (!element.isConnected || element.closest('[inert]')) return false
  if (element.matches(':disabled')) return false
  return element.getClientRects().length > 0
}

/** Focuses the first candidate that really takes the focus; true when one did. */
export function focusFirstOf(candidates: FocusTarget[]): boolean {
  for (const candidate of candidates) {
    if (!candidate || !canTakeFocus(candidate)) continue
    candidate.focus({ preventScroll: false })
    if (document.activeElement === candidate) return true
  }
  return false
}
