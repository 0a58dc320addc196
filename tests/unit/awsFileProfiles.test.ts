import { describe, expect, it } from 'vitest'
import { readAwsFileProfiles } from '../../src-main/services/awsFiles/awsFileProfiles'
import { awsFilePaths } from '../../src-main/services/awsFiles/awsFileImport'
import { parseIni } from '../../src-main/services/awsFiles/iniFile'

describe('the AWS CLI files', () => {
  it('parses sections, comments, and skips nested blocks', () => {
    const ini = parseIni('# c\n[default]\naws_access_key_id = AKIA1\n; c\ns3 =\n  max_concurrent_requests = 20\nregion=eu-west-1\n')
    expect(Object.fromEntries(ini.get('default') ?? [])).toEqual({ aws_access_key_id: 'AKIA1', s3: '', region: 'eu-west-1' })
  })

  it('merges credentials with config the way the AWS CLI does', () => {
    const profiles = readAwsFileProfiles(
      '[default]\naws_access_key_id=AKIADEFAULT\naws_secret_access_key=s1\n[work]\naws_access_key_id=AKIAWORK\naws_secret_access_key=s2\n',
      '[default]\nregion=us-east-2\n[profile work]\nregion=eu-central-1\nendpoint_url=https://minio.local\n[work]\nregion=ignored\n',
    )
    expect(profiles.map((p) => [p.name, p.region, p.endpoint, p.unsupported])).toEqual([
      ['default', 'us-east-2', null, null],
      ['work', 'eu-central-1', 'https://minio.local', null],
    ])
  })

  it('explains why SSO, role, process and temporary profiles are not imported', () => {
    const profiles = readAwsFileProfiles(
      '[temp]\naws_access_key_id=ASIA\naws_secret_access_key=s\naws_session_token=t\n',
      '[profile sso]\nsso_session=corp\n[profile role]\nrole_arn=arn:aws:iam::1:role/x\n[profile proc]\ncredential_process=/bin/get\n[profile empty]\nregion=us-east-1\n',
    )
    const reasons = Object.fromEntries(profiles.map((p) => [p.name, p.unsupported]))
    expect(reasons.temp).toMatch(/temporary/)
    expect(reasons.sso).toMatch(/SSO/)
    expect(reasons.role).toMatch(/role/)
    expect(reasons.proc).toMatch(/program/)
    expect(reasons.empty).toMatch(/no access key/)
  })

  it('honours AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE', () => {
    expect(awsFilePaths('/home/ana', {})).toEqual({ credentials: '/home/ana/.aws/credentials', config: '/home/ana/.aws/config' })
    expect(awsFilePaths('/home/ana', { AWS_SHARED_CREDENTIALS_FILE: '/c', AWS_CONFIG_FILE: '/f' })).toEqual({ credentials: '/c', config: '/f' })
  })
})
