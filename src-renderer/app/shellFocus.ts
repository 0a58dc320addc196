/**
 * Where focus can land in the shell when the control that opened a dialog is gone: the
 * active profile in the sidebar, or, with no profile left, the welcome screen's first
 * button.
 */
export const activeProfileButton = (): HTMLElement | null => document.querySelector<HTMLElement>('.sidebar [aria-current="true"]')

export const shellLanding = (): HTMLElement | null => activeProfileButton() ?? document.querySelector<HTMLElement>('.welcome button')
