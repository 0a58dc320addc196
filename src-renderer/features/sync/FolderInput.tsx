import { forwardRef } from 'react'

/**
 * The page's folder picker: a hidden `<input webkitdirectory>` that a visible button
 * opens, so the button carries the accessible name and the keyboard focus.
 */
export const FolderInput = forwardRef<HTMLInputElement, { onPicked(files: FileList): void }>(function FolderInput({ onPicked }, ref) {
  return (
    <input
      ref={(node) => {
        // webkitdirectory isn't in React's typings; it makes the picker choose folders.
        node?.setAttribute('webkitdirectory', '')
        if (typeof ref === 'function') ref(node)
        else if (ref) ref.current = node
      }}
      className="offscreen"
      type="file"
      multiple
      tabIndex={-1}
      aria-hidden="true"
      onChange={(event) => {
        const input = event.currentTarget
        if (input.files && input.files.length > 0) onPicked(input.files)
        input.value = ''
      }}
    />
  )
})
