import type { HeadObjectCommandOutput } from '@aws-sdk/client-s3'
import type { ObjectProperties } from '../../contract/bridge'
import { archiveOf, parseRestoreHeader, type ArchiveTier } from '../../contract/rules/objectTools/storageClassRules'

/**
 * The headers that travel with an object's bytes, as HeadObject reports them
 *
 * Whatever rewrites an object (set headers, a multipart copy that can't use
 * MetadataDirective COPY) must send these again, or S3 drops them.
 */
export interface ObjectHeaders {
  ContentType?: string
  CacheControl?: string
  ContentDisposition?: string
  ContentEncoding?: string
  ContentLanguage?: string
  Expires?: Date
  WebsiteRedirectLocation?: string
  Metadata?: Record<string, string>
  StorageClass?: HeadObjectCommandOutput['StorageClass']
  ServerSideEncryption?: HeadObjectCommandOutput['ServerSideEncryption']
  SSEKMSKeyId?: string
}

export function headersFromHead(head: HeadObjectCommandOutput): ObjectHeaders {
  const h: ObjectHeaders = {}
  if (head.ContentType) h.ContentType = head.ContentType
  if (head.CacheControl) h.CacheControl = head.CacheControl
  if (head.ContentDisposition) h.ContentDisposition = head.ContentDisposition
  if (head.ContentEncoding) h.ContentEncoding = head.ContentEncoding
  if (head.ContentLanguage) h.ContentLanguage = head.ContentLanguage
  if (head.Expires instanceof Date && !Number.isNaN(head.Expires.getTime())) h.Expires = head.Expires
  if (head.WebsiteRedirectLocation) h.WebsiteRedirectLocation = head.WebsiteRedirectLocation
  if (head.Metadata && Object.keys(head.Metadata).length > 0) h.Metadata = { ...head.Metadata }
  // HeadObject omits the class for STANDARD; copying without it would also give STANDARD.
  if (head.StorageClass && head.StorageClass !== 'STANDARD') h.StorageClass = head.StorageClass
  // SSE-S3 is the bucket default anyway; a KMS key must be named again or it is lost.
  if (head.ServerSideEncryption === 'aws:kms' || head.ServerSideEncryption === 'aws:kms:dsse') {
    h.ServerSideEncryption = head.ServerSideEncryption
    if (head.SSEKMSKeyId) h.SSEKMSKeyId = head.SSEKMSKeyId
  }
  return h
}

export function propertiesFromHead(key: string, head: HeadObjectCommandOutput): ObjectProperties {
  return {
    key,
    size: head.ContentLength ?? 0,
    etag: head.ETag ?? null,
    contentType: head.ContentType ?? null,
    cacheControl: head.CacheControl ?? null,
    lastModified: head.LastModified ? head.LastModified.toISOString() : null,
    storageClass: head.StorageClass ?? 'STANDARD',
    archiveTier: intelligentTieringArchive(head),
    metadata: { ...(head.Metadata ?? {}) },
    restore: parseRestoreHeader(head.Restore),
  }
}

/** The Intelligent-Tiering archive tier an object's bytes are in, or null (online, or another class). */
export function intelligentTieringArchive(head: Pick<HeadObjectCommandOutput, 'StorageClass' | 'ArchiveStatus'>): ArchiveTier | null {
  const archive = archiveOf(head.StorageClass, head.ArchiveStatus)
  return archive === 'ARCHIVE_ACCESS' || archive === 'DEEP_ARCHIVE_ACCESS' ? archive : null
}
