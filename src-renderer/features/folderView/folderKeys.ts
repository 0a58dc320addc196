/** What a key press in the folder view means, as a pure mapping (tested). */
export type FolderKeyAction = 'open' | 'up' | 'copy' | 'delete' | 'select-all' | 'next' | 'previous' | null

export function folderKeyAction(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): FolderKeyAction {
  const command = event.ctrlKey || event.metaKey
  if (event.key === 'Enter') return 'open'
  if (event.key === 'Backspace' || (event.altKey && event.key === 'ArrowUp')) return 'up'
  if (command && event.key.toLowerCase() === 'c') return 'copy'
  if (command && event.key.toLowerCase() === 'a') return 'select-all'
  if (event.key === 'Delete') return 'delete'
  if (event.key === 'ArrowDown') return 'next'
  if (event.key === 'ArrowUp') return 'previous'
  return null
}
