/**
 * The INI dialect of ~/.aws/credentials and ~/.aws/config
 *
 * Sections in brackets, `key = value` lines, `#` and `;` comments. Indented lines
 * continue a nested block (e.g. `s3 =` sub-settings); they are skipped, since Cubeta
 * reads only top-level keys.
 */
export type IniSections = Map<string, Map<string, string>>

export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map()
  let current: Map<string, string> | null = null
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s+\S/.test(raw) && current) continue
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line)
    if (header) {
      current = sections.get(header[1] as string) ?? new Map()
      sections.set(header[1] as string, current)
      continue
    }
    const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(line)
    if (pair && current) current.set((pair[1] as string).toLowerCase(), (pair[2] as string).trim())
  }
  return sections
}
