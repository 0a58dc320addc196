import { dialog } from 'electron'

/**
 * Native error dialogs
 *
 * For failures that happen before (or outside) the window, where the renderer can't show
 * them, such as the backend failing to start. `showErrorBox` is safe before 'ready' on
 * every platform but Linux, where it prints to stderr instead.
 */
export function showStartupError(message: string): void {
  dialog.showErrorBox('Cubeta could not start', message)
}
