/**
 * The .env lines the user pastes beside manage.py
 *
 * Built in the main process because they hold the new secret; the settings snippet and
 * the template example hold none, so the export panel writes those in the UI's language
 * (src-renderer/features/setupWizard/djangoHandover.ts).
 */
export interface DjangoEnvInput {
  accessKeyId: string
  secretAccessKey: string
  bucket: string
  region: string
}

export function envLines(input: DjangoEnvInput): string {
  return [
    `AWS_ACCESS_KEY_ID=${input.accessKeyId}`,
    `AWS_SECRET_ACCESS_KEY=${input.secretAccessKey}`,
    `AWS_STORAGE_BUCKET_NAME=${input.bucket}`,
    `AWS_S3_REGION_NAME=${input.region}`,
  ].join('\n')
}
