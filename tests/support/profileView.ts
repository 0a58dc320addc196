import type { ProfileView } from '../../src-main/contract/bridge'

/** A profile as the window sees it, for renderer unit tests. */
export const sampleProfile: ProfileView = {
  id: 'p1',
  name: 'Work',
  keyIdMasked: '****1234',
  region: 'eu-west-1',
  endpoint: null,
  forcePathStyle: false,
  secretStorage: 'keychain',
  hasSecret: true,
  publicBaseUrl: null,
}
