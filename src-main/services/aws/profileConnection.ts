/** What the AWS clients need to act as a profile. */
export interface ProfileConnection {
  accessKeyId: string
  secretAccessKey: string
  region: string
  endpoint: string | null
  forcePathStyle: boolean
}
