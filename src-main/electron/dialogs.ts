import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron'

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

/** Where to save downloads: a folder the user picks; null when they cancel. */
export async function chooseDownloadFolder(parent: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = { title: 'Download to…', properties: ['openDirectory', 'createDirectory'] }
  const answer = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
  return answer.canceled ? null : (answer.filePaths[0] ?? null)
}
