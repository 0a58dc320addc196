import type { Phrase } from './createdResources'

/**
 * The server describes each step in English ("Created the user ana."). These are its
 * known sentences, matched so that the catalog can say them in the UI language; an
 * unknown sentence is shown as it came, which beats showing nothing.
 */
const patterns: [RegExp, string, string[]][] = [
  [/^Using the existing user (.+)\.$/, 'existingUser', ['name']],
  [/^Created the user (.+)\.$/, 'createdUser', ['name']],
  [/^AmazonS3FullAccess is attached: every bucket in the account\.$/, 'fullAccess', []],
  [/^Inline policy (.+): only the bucket (.+)\.$/, 'inlinePolicy', ['policy', 'bucket']],
  [/^Key (.+) created in this run\.$/, 'keyThisRun', ['key']],
  [/^(.+) already has 2 access keys, the most IAM allows\. Choose one to delete\.$/, 'twoKeys', ['user']],
  [/^Created the key (.+)\.$/, 'createdKey', ['key']],
  [/^Using your existing bucket (.+)\.$/, 'existingBucket', ['bucket']],
  [/^Created the bucket (.+) in (.+)\.$/, 'createdBucket', ['bucket', 'region']],
  [/^IAM is still publishing the new user… (\d+) s$/, 'iamPublishing', ['seconds']],
  [/^Objects are readable by URL; listing the bucket stays private\.$/, 'publicRead', []],
  [/^Waiting for AWS to activate the new key… (\d+) s$/, 'keyActivating', ['seconds']],
  [/^The new key works\.$/, 'keyWorks', []],
  [/^Checking the public URL… (\d+) s$/, 'checkingUrl', ['seconds']],
  [/^Anyone can open (.+)$/, 'anyoneCanOpen', ['url']],
]

export function stepDetailPhrase(detail: string): Phrase | null {
  for (const [pattern, name, params] of patterns) {
    const match = pattern.exec(detail)
    if (match) {
      return { key: `run.details.${name}`, values: Object.fromEntries(params.map((param, i) => [param, match[i + 1] ?? ''])) }
    }
  }
  return null
}
