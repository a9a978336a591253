import type { AdminGetUserCommandOutput, UserPoolType, UserType } from '@aws-sdk/client-cognito-identity-provider';
import type { AwsCaller } from '../aws/caller.js';
import { AwsCallError } from '../aws/errors.js';
import { predictChannel, type ChannelPrediction } from '../domain/channel.js';
import { CloudTrailFacts } from './cloudtrail.js';
import { parseSesIdentityArn } from '../domain/ses.js';
import { CloudWatchFacts } from './cloudwatch.js';
import { CognitoFacts, filterFor } from './cognito.js';
import { smsRegionFor, type SmsRegion } from '../domain/sms-region.js';
import { RoleFacts } from './roles.js';
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

/**
 * How the user was found: by Cognito itself (AdminGetUser: `username`, `alias`, `sub`) or, when Cognito
 * does not resolve the input, by a ListUsers search (`email`, `phone_number`, `sub-search`, or
 * `username-case`: the input in lower case on a case-sensitive pool).
 */
export type ResolvedVia =
  'username' | 'alias' | 'sub' | 'email' | 'phone_number' | 'sub-search' | 'username-case' | 'none';

/** A ListUsers search made for the input, and the attribute it searched. */
export interface UserSearch {
  attribute: 'email' | 'phone_number' | 'sub' | 'username';
  filter: string;
}

export interface UserResolution {
  input: string;
  /** How Cognito (AdminGetUser) or, failing that, a ListUsers search found the user. */
  via: ResolvedVia;
  /** True when AdminGetUser resolves the input itself: ForgotPassword with this input finds this user. */
  direct: boolean;
  /** The full AdminGetUser record of the resolved user; undefined when nobody matched. */
  user?: AdminGetUserCommandOutput;
  attributes: Record<string, string>;
  /** Users the ListUsers search found (when it searched). */
  candidates: UserType[];
  search?: UserSearch;
  /** The search failed (e.g. no cognito-idp:ListUsers) although AdminGetUser found the user. */
  searchError?: AwsCallError;
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
  readonly roles: RoleFacts;
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
    this.roles = new RoleFacts(aws);
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

  /**
   * Start the reads every diagnosis begins with: the pool and the user do not depend on each other,
   * so the user's AdminGetUser need not wait for DescribeUserPool. Failures surface in the checks.
   */
  prefetch(): void {
    void this.pool().catch(() => undefined);
    void this.user().catch(() => undefined);
  }

  /** The account id, from the pool's ARN (no extra request). */
  async accountId(): Promise<string | undefined> {
    return (await this.pool()).Arn?.split(':')[4];
  }

  /**
   * Resolve the input the way Cognito does (AdminGetUser: username, verified alias or username
   * attribute, sub) and, concurrently, search ListUsers for what the input could also be, so
   * duplicates and near misses show without another round trip. When only the search finds the
   * user, that user is diagnosed anyway (one more AdminGetUser, for its MFA settings).
   */
  user(): Promise<UserResolution> {
    return this.once('user', async () => {
      const input = this.target.input;
      // AdminGetUser needs nothing from the pool; only the search (case sensitivity) does.
      const pendingSearch = this.pool().then((pool) => searchFor(input, pool));
      const [direct, search, searched] = await Promise.all([
        this.cognito.adminGetUser(input),
        pendingSearch,
        pendingSearch.then((s) =>
          s
            ? this.cognito.listUsers(s.filter).then(
                (users) => ({ users }),
                (error: unknown) => ({ users: [], error }),
              )
            : { users: [] },
        ),
      ]);
      const candidates = searched.users;
      const base = { input, candidates, ...(search ? { search } : {}) };
      if (direct) {
        // The search only adds context (duplicates) to a user Cognito resolves: its failure is not fatal.
        const error = 'error' in searched && searched.error instanceof AwsCallError ? searched.error : undefined;
        if ('error' in searched && !error) throw searched.error;
        return {
          ...base,
          ...found(direct),
          via: viaOf(input, direct),
          direct: true,
          ...(error ? { searchError: error } : {}),
        };
      }
      if ('error' in searched) throw searched.error;
      const pick = search && pickCandidate(candidates, search.attribute);
      const user = pick?.Username ? await this.cognito.adminGetUser(pick.Username) : undefined;
      if (!user || !search) return { ...base, via: 'none', direct: false, attributes: {} };
      return { ...base, ...found(user), via: SEARCH_VIA[search.attribute], direct: false };
    });
  }

  /** Where the code goes for the resolved user, or undefined when there is no user. */
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

function found(user: AdminGetUserCommandOutput) {
  return { user, attributes: attributesOf(user.UserAttributes) };
}

/** `[{Name, Value}]` as a record by name. */
export function attributesOf(list: readonly { Name?: string; Value?: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((list ?? []).map((a) => [a.Name!, a.Value ?? '']));
}

function viaOf(input: string, user: AdminGetUserCommandOutput): ResolvedVia {
  if (user.Username === input) return 'username';
  const sub = user.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
  if (sub === input) return 'sub';
  // A case-insensitive pool resolves the username in any case.
  return user.Username?.toLowerCase() === input.toLowerCase() ? 'username' : 'alias';
}

const SEARCH_VIA: Record<UserSearch['attribute'], ResolvedVia> = {
  email: 'email',
  phone_number: 'phone_number',
  sub: 'sub-search',
  username: 'username-case',
};

export function searchAttribute(input: string): 'email' | 'phone_number' | 'sub' | 'none' {
  if (input.includes('@')) return 'email';
  if (/^\+\d{6,15}$/.test(input)) return 'phone_number';
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input)) return 'sub';
  return 'none';
}

/**
 * The ListUsers search for an input: by e-mail, phone number or sub when it looks like one. On a
 * case-sensitive pool a username with capitals is also looked up in lower case (ListUsers matches
 * `username` case-sensitively, so that is the one variant a search can find).
 */
export function searchFor(input: string, pool: UserPoolType): UserSearch | undefined {
  const attribute = searchAttribute(input);
  if (attribute !== 'none') return { attribute, filter: filterFor(attribute, input) };
  if (isCaseSensitive(pool) && input !== input.toLowerCase()) {
    return { attribute: 'username', filter: filterFor('username', input.toLowerCase()) };
  }
  return undefined;
}

/** `UsernameConfiguration` absent (the API default, and every older pool) means case-sensitive. */
export function isCaseSensitive(pool: UserPoolType): boolean {
  return pool.UsernameConfiguration?.CaseSensitive !== false;
}

/**
 * Of several users sharing the searched value, the one to diagnose: the one with that value verified,
 * then a confirmed one, then an enabled one; otherwise ListUsers' order.
 */
export function pickCandidate(
  candidates: readonly UserType[],
  attribute: UserSearch['attribute'],
): UserType | undefined {
  const score = (u: UserType) =>
    (attribute !== 'username' && attribute !== 'sub' && attributesOf(u.Attributes)[`${attribute}_verified`] === 'true'
      ? 4
      : 0) +
    (u.UserStatus === 'CONFIRMED' ? 2 : 0) +
    (u.Enabled !== false ? 1 : 0);
  return [...candidates].sort((x, y) => score(y) - score(x))[0];
}

/**
 * MFA methods in force for the user; none when the pool has MFA off. `UserMFASettingList` and
 * `PreferredMfaSetting` name the current factors; the legacy `MFAOptions` can still carry SMS.
 */
export function activeMfa(user: AdminGetUserCommandOutput, poolMfa: string | undefined): string[] {
  if (poolMfa === 'OFF') return [];
  const methods = new Set(user.UserMFASettingList ?? []);
  if (user.PreferredMfaSetting) methods.add(user.PreferredMfaSetting);
  if (user.MFAOptions?.some((o) => o.DeliveryMedium === 'SMS')) methods.add('SMS_MFA');
  return [...methods];
}
