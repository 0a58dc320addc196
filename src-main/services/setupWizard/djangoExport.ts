/**
 * What the user pastes into their Django project
 *
 * django-storages reads these settings (Django 4.2+ STORAGES form). ACLs stay off: since
 * April 2023 new buckets refuse them, and public reads come from the bucket policy, so
 * AWS_DEFAULT_ACL is None and querystring auth is off for plain public URLs.
 */
export interface DjangoExportInput {
  accessKeyId: string
  secretAccessKey: string
  bucket: string
  region: string
  exampleUrl: string
}

export function envLines(input: DjangoExportInput): string {
  return [
    `AWS_ACCESS_KEY_ID=${input.accessKeyId}`,
    `AWS_SECRET_ACCESS_KEY=${input.secretAccessKey}`,
    `AWS_STORAGE_BUCKET_NAME=${input.bucket}`,
    `AWS_S3_REGION_NAME=${input.region}`,
  ].join('\n')
}

export function storagesSnippet(): string {
  return `# settings.py — pip install django-storages boto3
import os

AWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]
AWS_SECRET_ACCESS_KEY = os.environ["AWS_SECRET_ACCESS_KEY"]
AWS_STORAGE_BUCKET_NAME = os.environ["AWS_STORAGE_BUCKET_NAME"]
AWS_S3_REGION_NAME = os.environ["AWS_S3_REGION_NAME"]
AWS_DEFAULT_ACL = None          # the bucket policy makes objects public; ACLs are disabled
AWS_QUERYSTRING_AUTH = False    # plain, permanent public URLs
AWS_S3_FILE_OVERWRITE = False   # never replace a file that has the same name

STORAGES = {
    "default": {"BACKEND": "storages.backends.s3.S3Storage"},
    "staticfiles": {"BACKEND": "storages.backends.s3.S3Storage"},
}
`
}

export function templateExample(exampleUrl: string): string {
  const escaped = exampleUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
  return `<img src="${escaped}" alt="">\n\n{# or, for files saved through a model's ImageField: #}\n<img src="{{ photo.image.url }}" alt="">`
}
