import type { PickedDiskFile } from '../../../src-main/contract/bridge'

/**
 * What the user dropped, as files with their relative paths
 *
 * A dropped folder arrives as a directory entry; its files are read recursively, keeping
 * "folder/sub/file" paths. readEntries answers in batches (100 in Chromium), so it is
 * called until it returns nothing.
 */
export interface PickedFile {
  file: File
  relativePath: string
}

interface Entry {
  isFile: boolean
  isDirectory: boolean
  name: string
  fullPath: string
  file?(success: (file: File) => void, failure: (error: unknown) => void): void
  createReader?(): { readEntries(success: (entries: Entry[]) => void, failure: (error: unknown) => void): void }
}

export async function filesFromDataTransfer(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => (item as DataTransferItem & { webkitGetAsEntry?(): Entry | null }).webkitGetAsEntry?.() ?? null)
  if (entries.every((entry) => entry === null)) return [...transfer.files].map((file) => ({ file, relativePath: file.name }))
  const picked: PickedFile[] = []
  for (const entry of entries) if (entry) await collect(entry, picked)
  return picked
}

async function collect(entry: Entry, into: PickedFile[]): Promise<void> {
  if (entry.isFile && entry.file) {
    const file = await new Promise<File>((resolve, reject) => entry.file!(resolve, reject))
    into.push({ file, relativePath: entry.fullPath.replace(/^\/+/, '') })
    return
  }
  if (!entry.isDirectory || !entry.createReader) return
  const reader = entry.createReader()
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (batch.length === 0) return
    for (const child of batch) await collect(child, into)
  }
}

/** Files from an <input type="file">; with webkitdirectory they carry their folder path. */
export function filesFromInput(files: FileList): PickedFile[] {
  return [...files].map((file) => ({ file, relativePath: file.webkitRelativePath || file.name }))
}

/**
 * Electron: which picked files the main process can read from disk (they have an id)
 * and which only the page holds (an image dragged from a web page has none). The first
 * go by id, the rest like browser mode, their bytes sent from the page.
 */
export function splitByDisk(picked: PickedFile[], ids: (string | null)[]): { onDisk: PickedDiskFile[]; inPage: PickedFile[] } {
  const onDisk: PickedDiskFile[] = []
  const inPage: PickedFile[] = []
  picked.forEach((item, index) => {
    const fileId = ids[index] ?? null
    if (fileId === null) inPage.push(item)
    else onDisk.push({ fileId, relativePath: item.relativePath })
  })
  return { onDisk, inPage }
}
