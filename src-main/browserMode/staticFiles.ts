import { readFile } from 'node:fs/promises'
import { rendererContentType } from '../services/security/rendererPath'

/** Reads one built renderer file; the path was already checked by resolveRendererPath. */
export async function loadRendererFile(path: string): Promise<{ body: Buffer; type: string } | null> {
  try {
    return { body: await readFile(path), type: rendererContentType(path) }
  } catch {
    return null
  }
}
