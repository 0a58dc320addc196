/* Pure and dependency-free: the doctor's English, used by the service and by the window's English catalog. */
import type { DoctorText } from '../calls/urlDoctor'

/**
 * Every sentence the URL doctor says, in English, by code
 *
 * The service sends code + values + this English; the window shows its own language's
 * sentence for the code (src-renderer/features/urlDoctor/i18n), and uses this very table
 * as its English, so the two can never drift. Placeholders are i18next's {{name}}.
 */
export const doctorEnglish = {
  // The anonymous request: what a visitor's browser gets.
  'request.shows': 'The URL answers HTTP {{status}} with {{contentType}}: a browser shows it.',
  'request.downloads': 'The URL answers HTTP {{status}} with {{contentType}}: a browser downloads it instead of showing it.',
  'request.downloads-attachment': 'The URL answers HTTP {{status}} with Content-Disposition “{{disposition}}”: a browser downloads it instead of showing it.',
  'request.refused': 'The URL answers HTTP {{status}} ({{errorCode}}): a visitor sees an error page.',
  'request.refused-bare': 'The URL answers HTTP {{status}}: a visitor sees an error page.',
  'request.no-answer': 'Nothing answered at {{host}} ({{reason}}).',
  'request.wrong-region': 'The bucket lives in {{region}}, and this URL goes to another region’s endpoint: S3 answers HTTP {{status}} ({{errorCode}}).',
  'request.temporary-redirect': 'S3 answers 307 Temporary Redirect: a new bucket’s name takes a while to reach every region.',
  'request.redirect': 'The URL redirects (HTTP {{status}}) to {{location}}.',
  'request.as-site': 'Asked as a page on {{origin}} would ask (Referer {{referer}}).',
  'request.key-unreachable': 'No URL can reach “{{key}}”: every browser removes its “{{segment}}” part (also when written %2E), so the URL opens another object.',
  'request.folder-empty': 'The folder “{{key}}” has no files to check.',
  'request.checked-first': 'Checked with “{{key}}”, the first file in the folder.',

  // Block Public Access, account and bucket.
  'account-block.none': 'The account has no Block Public Access setting.',
  'account-block.open': 'The account’s Block Public Access leaves public bucket policies alone.',
  'account-block.restrict': 'The account’s Block Public Access setting for any public bucket policies (RestrictPublicBuckets) is on: every public bucket policy in the account is ignored.',
  'account-block.block-policy': 'The account’s Block Public Access setting for new public bucket policies (BlockPublicPolicy) is on: policies that are already public still work, but no public statement can be added.',
  'account-block.not-aws': 'Only AWS has account-level Block Public Access.',
  'bucket-block.none': 'The bucket has no Block Public Access setting.',
  'bucket-block.open': 'The bucket’s Block Public Access leaves public policies alone.',
  'bucket-block.restrict': 'The bucket’s Block Public Access setting for any public bucket policies (RestrictPublicBuckets) is on: its public policy is ignored.',
  'bucket-block.block-policy': 'The bucket’s Block Public Access setting for new public policies (BlockPublicPolicy) is on: a public statement can’t be added until it is relaxed.',
  'bucket-block.unsupported': 'This server has no Block Public Access settings.',

  // The bucket policy, evaluated for an anonymous s3:GetObject of this key.
  'policy.allows': 'Statement {{statement}} of the bucket policy lets anyone read this key.',
  'policy.allows-from-site': 'Statement {{statement}} lets pages on {{origin}} read it (aws:Referer); a direct visit to the URL is refused.',
  'policy.none': 'The bucket has no policy, so nothing lets anyone read its objects.',
  'policy.no-public-statement': 'No statement of the bucket policy lets anyone (Principal “*”) read this key.',
  'policy.denied': 'Statement {{statement}} of the bucket policy denies everyone reading it, and an explicit Deny wins over any Allow.',
  'policy.https-only': 'Statement {{statement}} refuses requests without HTTPS (aws:SecureTransport), and this URL starts with http://.',
  'policy.referer-only': 'Statement {{statement}} lets only pages whose address matches {{values}} read it (aws:Referer): a direct visit, or another site, is refused.',
  'policy.vpce-only': 'Statement {{statement}} lets the file be read only through the VPC endpoint {{values}} (aws:SourceVpce), so visitors on the internet are refused.',
  'policy.ip-only': 'Statement {{statement}} decides by the visitor’s IP address ({{values}}, aws:SourceIp), which Cubeta can’t know for every visitor.',
  'policy.account-only': 'Statement {{statement}} refuses everyone outside an account or organization ({{keys}}), and a visitor with no keys is outside.',
  'policy.denied-when': 'Statement {{statement}} denies it when {{keys}} match, as a visitor’s request does.',
  'policy.depends': 'Statement {{statement}} decides by {{keys}}, which Cubeta can’t know for every visitor.',
  'policy.unreadable': 'The bucket policy is not a policy document Cubeta can read, so it was not evaluated.',
  'policy.unsupported': 'This server has no bucket policies.',
  'policy.not-needed-cdn': 'The base URL serves the file, so the bucket itself need not be public (a CDN with origin access control reads it with its own permission).',

  // Object Ownership and ACLs.
  'ownership.enforced': 'ACLs are off on this bucket (Object Ownership: bucket owner enforced). An app that sends public-read (django-storages with AWS_DEFAULT_ACL = "public-read") has its uploads refused with AccessControlListNotSupported: set AWS_DEFAULT_ACL = None and let the policy make files public.',
  'ownership.no-public-acl': 'ACLs are on (Object Ownership: {{ownership}}), and this object’s ACL grants the public nothing.',
  'ownership.acl-and-policy': 'The object’s ACL (public-read) lets anyone read it too.',
  'ownership.acl-only': 'Only the object’s ACL (public-read) makes it public. Files uploaded without that ACL stay private, and turning ACLs off makes this one private too.',
  'ownership.acl-ignored-bucket': 'The object’s ACL makes it public, but the bucket’s Block Public Access ignores public ACLs (IgnorePublicAcls).',
  'ownership.acl-ignored-account': 'The object’s ACL makes it public, but the account’s Block Public Access ignores public ACLs (IgnorePublicAcls).',
  'ownership.unsupported': 'This server does not report Object Ownership.',

  // The object itself.
  'object.ok': 'The object exists: {{size}} bytes, {{contentType}}.',
  'object.missing': 'There is no object “{{key}}” in {{bucket}}. Visitors get 403 Access Denied rather than 404 when they may not list the bucket, so a 403 often means a wrong key (a typo, + for a space, a missing static/ prefix).',
  'object.kms': 'The object is encrypted with a KMS key (SSE-KMS): an anonymous visitor can never decrypt it, whatever the policy says.',
  'object.content-type': 'Its Content-Type is {{actual}}, so a browser downloads it instead of showing it; a file with this name should be {{expected}}.',
  'object.text-type': 'Its Content-Type is {{actual}}, so a browser won’t use it as {{expected}}.',
  'object.attachment': 'Its Content-Disposition is “{{disposition}}”, which tells a browser to download it.',

  // CORS, for reads by JavaScript, canvas or web fonts.
  'cors.not-needed': 'A plain <img>, link or <video> needs no CORS.',
  'cors.no-origin': 'Enter the address of the site that uses the file to check CORS for it.',
  'cors.allowed': 'CORS rule {{rule}} lets {{origin}} read it with GET.',
  'cors.none': 'The bucket has no CORS rules, so a browser blocks JavaScript, canvas and web-font reads from {{origin}}.',
  'cors.no-match': 'No CORS rule of the bucket allows GET from {{origin}}, so a browser blocks JavaScript, canvas and web-font reads from there.',
  'cors.answer': 'Asked with Origin {{origin}}, the server answered Access-Control-Allow-Origin: {{allowed}}.',

  // Requester Pays.
  'requester-pays.off': 'The bucket owner pays for downloads.',
  'requester-pays.on': 'Requester Pays is on: S3 refuses every request that does not agree to pay, and a visitor with no keys can’t.',
  'requester-pays.unsupported': 'This server has no Requester Pays setting.',

  // The custom base URL (a CDN or your domain).
  'base.not-used': 'Only the custom base URL goes through another host.',
  'base.ok': '{{host}} serves this bucket’s file (the same ETag).',
  'base.unreachable': '{{host}} does not answer ({{reason}}).',
  'base.other-object': '{{host}} answers, but with another file than this bucket’s (ETag {{served}} instead of {{expected}}): it serves another bucket or path.',
  'base.other-bucket': '{{host}} answers for the bucket {{other}}, not {{bucket}}.',
  'base.not-serving': '{{host}} answers HTTP {{status}}, while the bucket’s own URL serves the file: the CDN does not reach this object.',
  'base.bucket-refuses': 'The bucket’s own URL is refused too: fix the causes above first.',

  // Checks that could not run.
  'not-checked.permission': 'Not checked: needs {{permission}}.',
  'not-checked.failed': 'Not checked: {{reason}}',
  'skipped.unreachable-key': 'Not checked: no URL can reach this key.',

  // The conclusion.
  'conclusion.works': 'The URL works: a visitor’s browser shows the file.',
  'conclusion.works-download': 'The URL works; a browser downloads this kind of file ({{contentType}}).',
  'conclusion.unexplained': 'Visitors are refused (HTTP {{status}}), and nothing Cubeta could read explains it: an organization policy (SCP) or a VPC endpoint policy may.',
  'conclusion.unexplained-unread': 'Visitors are refused (HTTP {{status}}), and nothing Cubeta could read explains it. It could not read: {{unread}}.',

  // Fixes Cubeta applies, and their changes.
  'fix.public-policy': 'Add the public-read statement to the bucket policy',
  'fix.relax-block': 'Relax the bucket’s Block Public Access for policies only',
  'fix.remove-statement': 'Remove statement {{statement}} from the bucket policy',
  'fix.remove-statement-caution': 'It covers {{resources}}: every key there becomes readable wherever another statement allows it.',
  'fix.content-type': 'Set Content-Type to {{expected}}',
  'fix.inline': 'Set Content-Disposition to “{{disposition}}”',
  'fix.cors': 'Add a CORS rule for {{origin}}',
  'fix.requester-pays': 'Turn off Requester Pays',
  'fix.requester-pays-caution': 'The bucket owner then pays for every download.',
  'change.policy': 'Bucket policy',
  'change.block': 'Block Public Access of the bucket',
  'change.content-type': 'Content-Type of {{key}}',
  'change.disposition': 'Content-Disposition of {{key}}',
  'change.cors': 'CORS rules',
  'change.requester-pays': 'Who pays for requests',

  // Fixes in words, where Cubeta must not act.
  'fix.account-block': 'Only an administrator can change it: in the S3 console open “Block Public Access settings for this account”, turn off the two settings about bucket policies and keep the two about ACLs on. Cubeta does not change account-wide settings.',
  'fix.account-blocks-fix': 'A public statement can’t be added while the account blocks new public policies: turn that off first (S3 console → Block Public Access settings for this account), then run the doctor again.',
  'fix.policy-unreadable': 'Fix or remove that policy in the S3 console; Cubeta will not overwrite a policy it cannot read.',
  'fix.wrong-region': 'Use the URL for {{region}}: {{url}}',
  'fix.temporary-redirect': 'Wait, or use the regional URL: {{url}}',
  'fix.https': 'Use the https:// URL: {{url}}',
  'fix.https-base': 'Change the base URL to https:// in Edit profile.',
  'fix.referer': 'Open it from a page on that site. To check it as your pages ask, enter the site’s address and run the doctor again. (A Referer is easy to fake: this is hot-link protection, not security.)',
  'fix.vpce': 'That is deliberate network isolation. Serve public files from another bucket or prefix, or through CloudFront.',
  'fix.ip': 'Only visitors from those addresses get the file. If everyone should, change that statement in the S3 console.',
  'fix.edit-policy': 'If visitors should read this key, change that statement in the S3 console.',
  'fix.kms': 'Upload it again with SSE-S3 (the bucket default) or serve it through CloudFront with origin access control, which may use the key. Cubeta does not change KMS keys or their policies.',
  'fix.use-key': 'Did you mean “{{key}}”? Check that one.',
  'fix.missing': 'Check the key in the URL against the file browser, and upload the file if it is not there.',
  'fix.rename': 'Rename it to “{{suggestion}}”: a name without “.” or “..” parts.',
  'fix.base-unreachable': 'Check the base URL in Edit profile, the domain’s DNS and the CDN distribution.',
  'fix.base-origin': 'Point the CDN’s origin at {{origin}}, or fix the base URL in Edit profile.',
  'fix.unexplained': 'Ask the account administrator about organization policies (SCPs), or check with keys that may read every setting.',
} as const

export type DoctorCode = keyof typeof doctorEnglish

/** A sentence by code, with its English filled in. */
export function doctorText(code: DoctorCode, params: Record<string, string | number> = {}): DoctorText {
  return { code, params, message: fillIn(doctorEnglish[code], params) }
}

export function fillIn(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
