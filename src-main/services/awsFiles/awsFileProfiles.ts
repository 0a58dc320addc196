import { parseIni, type IniSections } from './iniFile'

/** A profile as the AWS CLI files describe it, secret included: main process only. */
export interface AwsFileEntry {
  name: string
  accessKeyId: string | null
  secretAccessKey: string | null
  region: string | null
  endpoint: string | null
  /** Why Cubeta can't use it, or null. */
  unsupported: string | null
}

/**
 * Merges ~/.aws/credentials and ~/.aws/config the way the AWS CLI does
 *
 * In config, named sections are `[profile NAME]` and the default is `[default]`; in
 * credentials they are plain `[NAME]`. Profiles that get keys from SSO, a role or a
 * process carry no static key, and temporary keys (with a session token) expire within
 * hours: both are listed with the reason instead of being imported and failing later.
 */
export function readAwsFileProfiles(credentialsText: string | null, configText: string | null): AwsFileEntry[] {
  const credentials = parseIni(credentialsText ?? '')
  const config = configSections(parseIni(configText ?? ''))
  const names = [...new Set([...credentials.keys(), ...config.keys()])]
  return names.map((name) => {
    const c = credentials.get(name) ?? new Map<string, string>()
    const f = config.get(name) ?? new Map<string, string>()
    const get = (key: string) => c.get(key) ?? f.get(key) ?? null
    const accessKeyId = get('aws_access_key_id')
    const secretAccessKey = get('aws_secret_access_key')
    return {
      name,
      accessKeyId,
      secretAccessKey,
      region: get('region'),
      endpoint: get('endpoint_url'),
      unsupported: unsupportedReason(get, accessKeyId, secretAccessKey),
    }
  })
}

function configSections(raw: IniSections): IniSections {
  const sections: IniSections = new Map()
  for (const [header, values] of raw) {
    if (header === 'default') sections.set('default', values)
    else if (header.startsWith('profile ')) sections.set(header.slice('profile '.length).trim(), values)
  }
  return sections
}

function unsupportedReason(get: (key: string) => string | null, keyId: string | null, secret: string | null): string | null {
  if (get('sso_session') || get('sso_start_url')) return 'uses AWS SSO sign-in, which has no long-term key'
  if (get('role_arn')) return 'assumes a role, which has no long-term key'
  if (get('credential_process')) return 'gets its keys from a program, which Cubeta does not run'
  if (get('aws_session_token')) return 'holds temporary keys that expire within hours'
  if (!keyId || !secret) return 'has no access key ID and secret'
  return null
}
