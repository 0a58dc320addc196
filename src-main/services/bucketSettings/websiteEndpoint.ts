/**
 * A bucket's static website address (HTTP only)
 *
 * The older regions write "s3-website-REGION" with a dash, the newer "s3-website.REGION"
 * with a dot (AWS's list of website endpoints).
 */
const dashRegions = new Set(['us-east-1', 'us-west-1', 'us-west-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'eu-west-1', 'sa-east-1', 'us-gov-west-1'])

export function websiteEndpoint(bucket: string, region: string): string {
  return `http://${bucket}.s3-website${dashRegions.has(region) ? '-' : '.'}${region}.amazonaws.com`
}
