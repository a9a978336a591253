import type { AdminGetUserCommandOutput, UserType } from '@aws-sdk/client-cognito-identity-provider';
import type { AwsCaller } from '../aws/caller.js';
import { predictChannel, type ChannelPrediction } from '../domain/channel.js';
import { CloudTrailFacts } from './cloudtrail.js';
import { parseSesIdentityArn } from '../domain/ses.js';
import { CloudWatchFacts } from './cloudwatch.js';
import { CognitoFacts, filterFor } from './cognito.js';
import { smsRegionFor, type SmsRegion } from '../domain/sms-region.js';
import { IamFacts } from './iam.js';
import { KmsFacts } from './kms.js';
import { LambdaFacts } from './lambda.js';
import { LogsFacts } from './logs.js';
import { SesFacts } from './ses.js';
import { SmsVoiceFacts } from './sms-voice.js';
import { SnsFacts } from './sns.js';

export interface Target {
  userPoolId: string;
  region: string;
  /** What the ticket gave: a username, an e-mail address, a phone number or a sub. */
  input: string;
  clientId?: string;
  profile?: string;
  /** How far back to read delivery logs, in milliseconds. */
  sinceMs: number;
  /** The moment the run started: every time window is computed from it, so requests are stable. */
  now: Date;
}

export type ResolvedVia = 'username' | 'alias' | 'sub' | 'email' | 'phone_number' | 'none';

export interface UserResolution {
  input: string;
  /** How Cognito (AdminGetUser) or, failing that, a ListUsers search found the user. */
  via: ResolvedVia;
  /** The full AdminGetUser record of the resolved user; undefined when nobody or several matched. */
  user?: AdminGetUserCommandOutput;
  attributes: Record<string, string>;
  /** Users ListUsers found by the input's e-mail, phone number or sub (when it searched). */
  candidates: UserType[];
}

/**
 * Everything the checks know about the account, memoised: each fact is computed once and shared,
 * so checks can ask for the same fact concurrently. Only the facets below talk to AWS.
 */
export class Context {
  readonly cognito: CognitoFacts;
  readonly sns: SnsFacts;
  readonly ses: SesFacts;
  readonly cloudwatch: CloudWatchFacts;
  readonly smsVoice: SmsVoiceFacts;
  readonly iam: IamFacts;
  readonly lambda: LambdaFacts;
  readonly kms: KmsFacts;
  readonly logs: LogsFacts;
  readonly cloudtrail: CloudTrailFacts;
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    readonly target: Target,
    readonly aws: AwsCaller,
  ) {
    this.cognito = new CognitoFacts(aws, target.userPoolId, target.region);
    this.sns = new SnsFacts(aws);
    this.ses = new SesFacts(aws);
    this.cloudwatch = new CloudWatchFacts(aws, target.now);
    this.smsVoice = new SmsVoiceFacts(aws);
    this.iam = new IamFacts(aws);
    this.lambda = new LambdaFacts(aws);
    this.kms = new KmsFacts(aws);
    this.logs = new LogsFacts(aws);
    this.cloudtrail = new CloudTrailFacts(aws);
  }

  protected once<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let value = this.memo.get(key);
    if (!value) {
      value = compute();
      this.memo.set(key, value);
    }
    return value as Promise<T>;
  }

  pool() {
    return this.cognito.pool();
  }

  /** The account id, from the pool's ARN (no extra request). */
  async accountId(): Promise<string | undefined> {
    return (await this.pool()).Arn?.split(':')[4];
  }

  /** Resolve the input the way Cognito does, then by searching the contact attributes. */
  user(): Promise<UserResolution> {
    return this.once('user', async () => {
      const input = this.target.input;
      const direct = await this.cognito.adminGetUser(input);
      if (direct) return resolved(input, viaOf(input, direct), direct, []);
      const candidates = await this.searchByContact(input);
      if (candidates.length !== 1) return { input, via: 'none', attributes: {}, candidates };
      const user = await this.cognito.adminGetUser(candidates[0]!.Username!);
      const via = searchAttribute(input);
      return user ? resolved(input, via, user, candidates) : { input, via: 'none', attributes: {}, candidates };
    });
  }

  /** ListUsers by whichever of email, phone_number and sub the input could be. */
  private async searchByContact(input: string): Promise<UserType[]> {
    const attribute = searchAttribute(input);
    if (attribute === 'none') return [];
    return this.cognito.listUsers(filterFor(attribute, input));
  }

  /** Where the code goes for the resolved user, or undefined when there is no single user. */
  channel(): Promise<ChannelPrediction | undefined> {
    return this.once('channel', async () => {
      const [pool, resolution] = await Promise.all([this.pool(), this.user()]);
      if (!resolution.user) return undefined;
      return predictChannel({
        mechanisms: pool.AccountRecoverySetting?.RecoveryMechanisms,
        attributes: resolution.attributes,
        mfa: activeMfa(resolution.user, pool.MfaConfiguration),
      });
    });
  }

  /**
   * The Region SMS leaves from, and why (SPEC §10: SnsRegion or EumsSms.Region when set, else the pool's
   * own Region; see src/domain/sms-region.ts for the legacy alternates).
   */
  async smsRegion(): Promise<SmsRegion> {
    return smsRegionFor(this.target.region, (await this.pool()).SmsConfiguration);
  }

  /**
   * The Region SES checks run in: that of the identity the pool sends from (`EmailConfiguration.SourceArn`),
   * else the pool's own Region (where Cognito's default sender works without a SourceArn).
   */
  async sesRegion(): Promise<string> {
    const arn = (await this.pool()).EmailConfiguration?.SourceArn;
    return (arn && parseSesIdentityArn(arn)?.region) || this.target.region;
  }
}

function resolved(
  input: string,
  via: ResolvedVia,
  user: AdminGetUserCommandOutput,
  candidates: UserType[],
): UserResolution {
  const attributes = Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name!, a.Value ?? '']));
  return { input, via, user, attributes, candidates };
}

function viaOf(input: string, user: AdminGetUserCommandOutput): ResolvedVia {
  if (user.Username === input) return 'username';
  const sub = user.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
  return sub === input ? 'sub' : 'alias';
}

export function searchAttribute(input: string): 'email' | 'phone_number' | 'sub' | 'none' {
  if (input.includes('@')) return 'email';
  if (/^\+\d{6,15}$/.test(input)) return 'phone_number';
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input)) return 'sub';
  return 'none';
}

/** MFA methods in force for the user; none when the pool has MFA off. */
export function activeMfa(user: AdminGetUserCommandOutput, poolMfa: string | undefined): string[] {
  if (poolMfa === 'OFF') return [];
  const methods = new Set(user.UserMFASettingList ?? []);
  if (user.MFAOptions?.some((o) => o.DeliveryMedium === 'SMS')) methods.add('SMS_MFA');
  return [...methods];
}
