// Pure facts about the SES identity a user pool sends from: its ARN, and the SES Regions Cognito accepts
// for a pool in a given Region.

export interface SesIdentityArn {
  partition: string;
  region: string;
  account: string;
  /** The identity name: an e-mail address or a domain. */
  identity: string;
  kind: 'EMAIL_ADDRESS' | 'DOMAIN';
}

/** `arn:aws:ses:eu-west-1:123456789012:identity/shop.example.com`, or undefined when it is not one. */
export function parseSesIdentityArn(arn: string): SesIdentityArn | undefined {
  const m = /^arn:(aws[a-z-]*):ses:([a-z]{2}(?:-[a-z]+)+-\d+):(\d{12}):identity\/(.+)$/.exec(arn.trim());
  if (!m) return undefined;
  const identity = m[4]!;
  return {
    partition: m[1]!,
    region: m[2]!,
    account: m[3]!,
    identity,
    kind: identity.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN',
  };
}

/** The three Regions that user pools created when Cognito launched could use from other Regions. */
const LEGACY_SES_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'] as const;

/**
 * The table "Amazon SES email configuration Regions" of the Cognito developer guide (user-pool-email):
 * pool Regions that may also use the three legacy SES Regions. Every other pool Region must use SES in
 * its own Region ("you can choose the same Region as the one where you created your user pool").
 */
const WITH_LEGACY_REGIONS = new Set([
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ca-central-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
]);

/** The SES Regions whose identities a user pool in `poolRegion` may send from (DEVELOPER or a custom From). */
export function allowedSesRegions(poolRegion: string): string[] {
  if (!WITH_LEGACY_REGIONS.has(poolRegion)) return [poolRegion];
  return [...new Set([poolRegion, ...LEGACY_SES_REGIONS])];
}
