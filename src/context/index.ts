import type { AdminGetUserCommandOutput, UserType } from '@aws-sdk/client-cognito-identity-provider';
import type { AwsCaller } from '../aws/caller.js';
import type { IamAction } from '../aws/services.js';
import { AwsCallError } from '../aws/errors.js';
import { predictChannel, type ChannelPrediction } from '../domain/channel.js';
import { FLOW_FACTS, type Flow } from '../domain/flow.js';
import { predictInvitationChannel } from '../domain/invitation-channel.js';
import { predictSignUpChannel } from '../domain/sign-up-channel.js';
import { predictVerificationChannel } from '../domain/verify-channel.js';
import { contactHolders, type ContactAttribute, type ContactHolders } from '../domain/contact-holders.js';
import {
  activeMfa,
  attributesOf,
  filterFor,
  pickCandidate,
  searchFor,
  type ResolvedVia,
  type UserSearch,
} from '../domain/user-resolution.js';
import { CloudTrailFacts, EVENT_HISTORY_MS, type EventHistory } from './cloudtrail.js';
import { CREATION_MATCH_MS, creationEvent, type CreationEvent } from '../domain/admin-creation.js';
import { parseSesIdentityArn } from '../domain/ses.js';
import { CloudWatchFacts } from './cloudwatch.js';
import { CognitoFacts, type UserList } from './cognito.js';
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
  /** The input is known to be exactly what the app sends as Username (`--as-sent`). */
  asSent?: boolean;
  /** With `asSent`, what the app sends when the input had to be normalised (a written phone number). */
  sentAs?: string;
  clientId?: string;
  profile?: string;
  /** How far back to read delivery logs, in milliseconds. */
  sinceMs: number;
  /** The moment the run started: every time window is computed from it, so requests are stable. */
  now: Date;
  /** On the re-check after --fix: what it sent, so no check reads the fix's own change as a cause. */
  afterFix?: AfterFix;
  /** Which message is diagnosed; ForgotPassword when absent. */
  flow?: Flow;
  /** verify-attribute: the attribute whose verification code did not arrive. */
  attribute?: ContactAttribute;
  /**
   * The pool census: no single user. The checks judge the pool alone (its channels, recovery setting,
   * triggers); the census classifies the users itself, and `user()` resolves to nobody without a request.
   */
  census?: true;
}

export interface AfterFix {
  /** The writes --fix sent (applied, failed or with a lost reply). */
  sent: readonly IamAction[];
  /** The user's UserLastModifiedDate before the writes: a later one is the fix's own change. */
  userModified?: Date;
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
  /** More users matched the search than were read. */
  candidatesTruncated?: boolean;
  search?: UserSearch;
  /** The search failed (e.g. no cognito-idp:ListUsers) although AdminGetUser found the user. */
  searchError?: AwsCallError;
}

export type AdminCreation =
  | { kind: 'found'; event: CreationEvent }
  /** No AdminCreateUser event of this user among the `scanned` events around its creation. */
  | { kind: 'none'; scanned: number }
  | { kind: 'beyond-history' };

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
      if (this.target.census) return { input, via: 'none', direct: false, attributes: {}, candidates: [] };
      // AdminGetUser needs nothing from the pool; only the search (case sensitivity) does.
      const pendingSearch = this.pool().then((pool) => searchFor(input, pool));
      const [direct, search, searched] = await Promise.all([
        this.cognito.adminGetUser(input),
        pendingSearch,
        pendingSearch.then((s): Promise<Partial<UserList> & { error?: unknown }> =>
          s ? this.usersWhere(s.filter).catch((error: unknown) => ({ error })) : Promise.resolve({}),
        ),
      ]);
      const candidates = searched.users ?? [];
      const base = {
        input,
        candidates,
        ...(search ? { search } : {}),
        ...(searched.truncated ? { candidatesTruncated: true } : {}),
      };
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

  /** Users matching one ListUsers filter; one request (chain) per distinct filter in a run. */
  usersWhere(filter: string): Promise<UserList> {
    return this.once(`ListUsers ${filter}`, () => this.cognito.listUsers(filter));
  }

  /**
   * The other accounts of the pool holding the resolved user's e-mail address or phone number, with
   * their verified flags; undefined when no user was resolved or the user has no such attribute.
   * Shares the request with the user search when that searched the same value.
   */
  contactHolders(attribute: ContactAttribute): Promise<ContactHolders | undefined> {
    return this.once(`contactHolders ${attribute}`, async () => {
      const { user, attributes } = await this.user();
      const value = attributes[attribute];
      if (!user?.Username || !value) return undefined;
      const { users, truncated } = await this.usersWhere(filterFor(attribute, value));
      return contactHolders(users, attribute, value, user.Username, truncated);
    });
  }

  /**
   * The Region's calls that send this flow's code, in the --since window, as CloudTrail recorded them,
   * newest first: read once, for the logs (what Cognito answered) and the triggers (a trigger named in
   * the answer). LookupEvents takes one event name a request: one history per call, merged.
   */
  flowHistory(): Promise<EventHistory> {
    return this.once('flow history', async () => {
      const end = this.target.now;
      const start = new Date(end.getTime() - this.target.sinceMs);
      const histories = await Promise.all(
        FLOW_FACTS[this.flow].apis.map((name) => this.cloudtrail.eventsNamed(this.target.region, name, start, end)),
      );
      const events = histories.flatMap((h) => h.events);
      events.sort((a, b) => (b.EventTime?.getTime() ?? 0) - (a.EventTime?.getTime() ?? 0));
      return { events, truncated: histories.some((h) => h.truncated) };
    });
  }

  /**
   * Whether CloudTrail shows the resolved user's creation by AdminCreateUser: the events of the minute
   * around `UserCreateDate`. `beyond-history` when the user is older than the event history keeps;
   * undefined when no user was resolved. A failed read rejects (e.g. no cloudtrail:LookupEvents).
   */
  adminCreation(): Promise<AdminCreation | undefined> {
    return this.once('adminCreation', async () => {
      const { user, attributes } = await this.user();
      const created = user?.UserCreateDate;
      if (!created) return undefined;
      if (this.target.now.getTime() - created.getTime() > EVENT_HISTORY_MS) return { kind: 'beyond-history' };
      const history = await this.cloudtrail.eventsNamed(
        this.target.region,
        'AdminCreateUser',
        new Date(created.getTime() - CREATION_MATCH_MS),
        new Date(created.getTime() + CREATION_MATCH_MS),
      );
      const event = creationEvent(history.events, attributes.sub, created);
      return event ? { kind: 'found', event } : { kind: 'none', scanned: history.events.length };
    });
  }

  /** The flow diagnosed. */
  get flow(): Flow {
    return this.target.flow ?? 'forgot-password';
  }

  /** Where this flow's message goes for the resolved user, or undefined when there is no user. */
  channel(): Promise<ChannelPrediction | undefined> {
    return this.once('channel', async () => {
      const [pool, resolution] = await Promise.all([this.pool(), this.user()]);
      const user = resolution.user;
      if (!user) return undefined;
      const attributes = resolution.attributes;
      switch (this.flow) {
        case 'sign-up':
          return predictSignUpChannel({
            autoVerified: pool.AutoVerifiedAttributes ?? [],
            status: user.UserStatus ?? 'UNKNOWN',
            attributes,
          });
        case 'verify-attribute':
          return predictVerificationChannel({
            attribute: this.target.attribute ?? 'email',
            status: user.UserStatus ?? 'UNKNOWN',
            attributes,
          });
        case 'invitation': {
          const creation = await this.adminCreation().catch(() => undefined);
          const event = creation?.kind === 'found' ? creation.event : undefined;
          return predictInvitationChannel({
            status: user.UserStatus ?? 'UNKNOWN',
            attributes,
            ...(event ? { request: event } : {}),
          });
        }
        default:
          return predictChannel({
            mechanisms: pool.AccountRecoverySetting?.RecoveryMechanisms,
            attributes,
            mfa: activeMfa(user, pool.MfaConfiguration),
          });
      }
    });
  }

  /**
   * The Region SMS leaves from, and why (SnsRegion or EumsSms.Region when set, else the pool's
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
