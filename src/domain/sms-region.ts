// Which Region Cognito sends a pool's SMS from: pure rules, unit-tested as a table.
//
// Sources: the Cognito developer guide "SMS message settings for Amazon Cognito user pools"
// (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html, Region table)
// and the API reference of SmsConfigurationType.SnsRegion ("the same Region as your user pool, or a
// supported Legacy Amazon SNS alternate Region … Seoul must use … Tokyo") and EumsSmsConfigurationType.Region
// ("Amazon Cognito rejects any other value" than the pool's Region). When SnsRegion is absent the
// pool's own Region applies; the alternates are an explicit choice, not a default.

/** Legacy Amazon SNS alternate Regions, by the pool's Region. */
export const LEGACY_SNS_ALTERNATE: Readonly<Record<string, string>> = {
  'us-east-2': 'us-east-1', // US East (Ohio) → US East (N. Virginia)
  'ap-south-1': 'ap-southeast-1', // Asia Pacific (Mumbai) → Asia Pacific (Singapore)
  'ap-northeast-2': 'ap-northeast-1', // Asia Pacific (Seoul) → Asia Pacific (Tokyo): required
  'ca-central-1': 'us-east-1', // Canada (Central) → US East (N. Virginia)
  'eu-central-1': 'eu-west-1', // Europe (Frankfurt) → Europe (Ireland)
  'eu-west-2': 'eu-west-1', // Europe (London) → Europe (Ireland)
};

/** Pool Regions whose SMS cannot leave from the pool's own Region through SNS. */
export const MUST_USE_ALTERNATE: ReadonlySet<string> = new Set(['ap-northeast-2']);

export interface SmsConfigurationLike {
  SnsCallerArn?: string;
  SnsRegion?: string;
  EumsSms?: { Region?: string };
}

export type SmsRegionProblem =
  /** A Seoul pool that does not name Tokyo. */
  | 'must-use-alternate'
  /** SnsRegion names a Region that is neither the pool's nor its documented alternate. */
  | 'undocumented-alternate'
  /** EumsSms.Region differs from the pool's Region (Cognito accepts only the pool's). */
  | 'eum-other-region';

export interface SmsRegion {
  /** Where the SMS checks run: the Region Cognito sends SMS from. */
  region: string;
  poolRegion: string;
  /** The field the Region came from, or `pool Region` when none is set. */
  source: 'SmsConfiguration.SnsRegion' | 'SmsConfiguration.EumsSms.Region' | 'pool Region';
  /** Why this Region, in words for the evidence. */
  reason: string;
  /** The SMS Region differs from the pool's. */
  differs: boolean;
  /** The documented legacy alternate for the pool's Region, if it has one. */
  legacyAlternate?: string;
  problem?: SmsRegionProblem;
}

export function smsRegionFor(poolRegion: string, sms: SmsConfigurationLike | undefined): SmsRegion {
  const legacyAlternate = LEGACY_SNS_ALTERNATE[poolRegion];
  const base = { poolRegion, ...(legacyAlternate ? { legacyAlternate } : {}) };
  if (sms?.EumsSms) {
    const named = sms.EumsSms.Region;
    if (named && named !== poolRegion) {
      return {
        ...base,
        region: named,
        source: 'SmsConfiguration.EumsSms.Region',
        reason: `EumsSms.Region names ${named}, but Cognito accepts only the pool's own Region (${poolRegion}) for End User Messaging`,
        differs: true,
        problem: 'eum-other-region',
      };
    }
    return {
      ...base,
      region: poolRegion,
      source: named ? 'SmsConfiguration.EumsSms.Region' : 'pool Region',
      reason: named
        ? `EumsSms.Region is the pool's Region (${poolRegion})`
        : `EumsSms.Region is not set, so End User Messaging is used in the pool's Region (${poolRegion})`,
      differs: false,
    };
  }
  const named = sms?.SnsRegion;
  const region = named ?? poolRegion;
  const source = named ? 'SmsConfiguration.SnsRegion' : 'pool Region';
  if (MUST_USE_ALTERNATE.has(poolRegion) && region === poolRegion) {
    return {
      ...base,
      region,
      source,
      reason: `${named ? 'SnsRegion names' : 'SnsRegion is not set, so SMS is checked in'} the pool's Region (${poolRegion}), but Cognito pools in ${poolRegion} must send SMS through Amazon SNS in ${legacyAlternate}`,
      differs: false,
      problem: 'must-use-alternate',
    };
  }
  if (!named || named === poolRegion) {
    return {
      ...base,
      region,
      source,
      reason: named
        ? `SnsRegion is the pool's Region (${poolRegion})`
        : `SnsRegion is not set, so Cognito uses Amazon SNS in the pool's Region (${poolRegion})`,
      differs: false,
    };
  }
  if (named === legacyAlternate) {
    return {
      ...base,
      region,
      source,
      reason: `SnsRegion names ${named}, the legacy Amazon SNS alternate Region for pools in ${poolRegion}`,
      differs: true,
    };
  }
  return {
    ...base,
    region,
    source,
    reason: `SnsRegion names ${named}, which is neither the pool's Region (${poolRegion}) nor its documented legacy alternate${legacyAlternate ? ` (${legacyAlternate})` : ''}`,
    differs: true,
    problem: 'undocumented-alternate',
  };
}
