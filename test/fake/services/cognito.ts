// Cognito user pools (awsJson1_1) with the semantics the diagnosis depends on: Region-scoped pool ids,
// AdminGetUser resolving usernames, verified aliases and subs, ListUsers filters, and admin writes.

import { AwsFault } from '../protocols.js';
import type { FakeRequest, ServiceDef } from '../service.js';
import { subFor, withDates, worldDate, type PoolWorld, type UserWorld } from '../world.js';

export function poolOf(req: FakeRequest, userPoolId: string): PoolWorld {
  const pool = req.world.pools?.[userPoolId];
  // A pool id names its Region: asking another Region finds nothing, as on AWS.
  if (!pool || userPoolId.split('_')[0] !== req.region) {
    throw new AwsFault('ResourceNotFoundException', `User pool ${userPoolId} does not exist.`);
  }
  return pool;
}

function caseSensitive(pool: PoolWorld): boolean {
  const config = pool.pool.UsernameConfiguration as { CaseSensitive?: boolean } | undefined;
  return config?.CaseSensitive !== false;
}

export function attributesOf(poolId: string, username: string, user: UserWorld): Record<string, string> {
  return { sub: subFor(poolId, username), ...user.attributes };
}

/**
 * Find a user the way AdminGetUser does: username, then a username attribute (verified or not: it is
 * the sign-in name), then a verified alias, then the sub of a local user. Case follows
 * UsernameConfiguration for the username, e-mail and preferred_username; phone numbers match exactly.
 */
export function findUser(pool: PoolWorld, poolId: string, name: string): [string, UserWorld] | undefined {
  const users = Object.entries(pool.users ?? {});
  const same = (a: string, b: string) => (caseSensitive(pool) ? a === b : a.toLowerCase() === b.toLowerCase());
  const byName = users.find(([username]) => same(username, name));
  if (byName) return byName;
  const usernameAttributes = (pool.pool.UsernameAttributes as string[] | undefined) ?? [];
  const aliases = (pool.pool.AliasAttributes as string[] | undefined) ?? [];
  const lookups = [
    ...usernameAttributes.map((attribute) => ({ attribute, needsVerified: false })),
    ...aliases.map((attribute) => ({ attribute, needsVerified: attribute !== 'preferred_username' })),
  ];
  for (const { attribute, needsVerified } of lookups) {
    const found = users.find(([username, u]) => {
      const attrs = attributesOf(poolId, username, u);
      const value = attrs[attribute];
      const matches = value !== undefined && (attribute === 'phone_number' ? value === name : same(value, name));
      return matches && (!needsVerified || attrs[`${attribute}_verified`] === 'true');
    });
    if (found) return found;
  }
  // A sub names a local user only: a federated user is found by its provider-prefixed username.
  return users.find(
    ([username, u]) => u.status !== 'EXTERNAL_PROVIDER' && attributesOf(poolId, username, u).sub === name,
  );
}

export function userRecord(req: FakeRequest, poolId: string, username: string, u: UserWorld) {
  const attrs = attributesOf(poolId, username, u);
  return {
    Username: username,
    Attributes: Object.entries(attrs).map(([Name, Value]) => ({ Name, Value })),
    UserCreateDate: worldDate(u.created ?? 'now-30d', req.now),
    UserLastModifiedDate: worldDate(u.modified ?? u.created ?? 'now-30d', req.now),
    Enabled: u.enabled ?? true,
    UserStatus: u.status ?? 'CONFIRMED',
    ...(u.mfaOptions ? { MFAOptions: u.mfaOptions } : {}),
  };
}

function requireUser(req: FakeRequest, poolId: string, name: string): [string, UserWorld] {
  const found = findUser(poolOf(req, poolId), poolId, name);
  if (!found) throw new AwsFault('UserNotFoundException', 'User does not exist.');
  return found;
}

/** `attr = "value"` or `attr ^= "value"`, as ListUsers accepts. */
function parseFilter(filter: string): { attribute: string; prefix: boolean; value: string } | undefined {
  const m = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
  if (!m) return undefined;
  return { attribute: m[1]!, prefix: m[2] === '^=', value: m[3]!.replace(/\\(.)/g, '$1') };
}

const LIST_LIMIT = 60;
const AUTH_EVENTS_LIMIT = 60;

/** What Cognito says when a password breaks the pool's PasswordPolicy, or undefined. */
export function passwordProblem(pool: PoolWorld, password: string): string | undefined {
  const policy =
    (pool.pool.Policies as { PasswordPolicy?: Record<string, number | boolean> } | undefined)?.PasswordPolicy ?? {};
  if (password.length < Number(policy.MinimumLength ?? 8)) return 'Password not long enough';
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) return 'Password must have uppercase characters';
  if (policy.RequireLowercase && !/[a-z]/.test(password)) return 'Password must have lowercase characters';
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return 'Password must have numeric characters';
  if (policy.RequireSymbols && !/[^A-Za-z0-9]/.test(password)) return 'Password must have symbol characters';
  return undefined;
}

/**
 * A verified e-mail address or phone number that signs in (an alias or username attribute) belongs to
 * one account: verifying it on `username` moves it there, and every other account holding it verified
 * loses it (its flag turns false: no sign-in by it, no codes to it), as ForceAliasCreation describes.
 */
function takeAliases(pool: PoolWorld, username: string, u: UserWorld, verifying: string[], now: Date): void {
  const signIn = [
    ...((pool.pool.AliasAttributes as string[] | undefined) ?? []),
    ...((pool.pool.UsernameAttributes as string[] | undefined) ?? []),
  ];
  for (const name of ['email', 'phone_number'].filter((n) => signIn.includes(n) && verifying.includes(n))) {
    const value = u.attributes?.[name];
    if (!value || u.attributes?.[`${name}_verified`] !== 'true') continue;
    for (const [other, o] of Object.entries(pool.users ?? {})) {
      const same =
        name === 'email' ? o.attributes?.[name]?.toLowerCase() === value.toLowerCase() : o.attributes?.[name] === value;
      if (other === username || !same || o.attributes?.[`${name}_verified`] !== 'true') continue;
      o.attributes = { ...o.attributes, [`${name}_verified`]: 'false' };
      o.modified = now.toISOString();
    }
  }
}

export const cognito: ServiceDef = {
  name: 'cognito-idp',
  protocol: 'json1.1',
  targets: ['AWSCognitoIdentityProviderService'],
  operations: {
    DescribeUserPool(input: { UserPoolId: string }, req) {
      const pool = poolOf(req, input.UserPoolId);
      return {
        UserPool: withDates(
          {
            Id: input.UserPoolId,
            Arn: `arn:aws:cognito-idp:${req.region}:${req.account}:userpool/${input.UserPoolId}`,
            CreationDate: 'now-400d',
            LastModifiedDate: 'now-90d',
            ...pool.pool,
          },
          req.now,
        ),
      };
    },

    DescribeUserPoolClient(input: { UserPoolId: string; ClientId: string }, req) {
      const pool = poolOf(req, input.UserPoolId);
      const client = pool.clients?.[input.ClientId];
      if (!client)
        throw new AwsFault('ResourceNotFoundException', `User pool client ${input.ClientId} does not exist.`);
      return {
        UserPoolClient: withDates({ UserPoolId: input.UserPoolId, ClientId: input.ClientId, ...client }, req.now),
      };
    },

    AdminGetUser(input: { UserPoolId: string; Username: string }, req) {
      const [username, u] = requireUser(req, input.UserPoolId, input.Username);
      const { Attributes, ...rest } = userRecord(req, input.UserPoolId, username, u);
      return {
        ...rest,
        UserAttributes: Attributes,
        ...(u.mfa ? { UserMFASettingList: u.mfa } : {}),
        ...(u.preferredMfa ? { PreferredMfaSetting: u.preferredMfa } : {}),
      };
    },

    ListUsers(input: { UserPoolId: string; Filter?: string; Limit?: number; PaginationToken?: string }, req) {
      const pool = poolOf(req, input.UserPoolId);
      const filter = input.Filter ? parseFilter(input.Filter) : undefined;
      if (input.Filter && !filter) throw new AwsFault('InvalidParameterException', 'Error while parsing filter.');
      const matches = Object.entries(pool.users ?? {}).filter(([username, u]) => {
        if (!filter) return true;
        const attrs = attributesOf(input.UserPoolId, username, u);
        const value =
          filter.attribute === 'username'
            ? username
            : filter.attribute === 'cognito:user_status'
              ? (u.status ?? 'CONFIRMED')
              : filter.attribute === 'status'
                ? u.enabled === false
                  ? 'Disabled'
                  : 'Enabled'
                : attrs[filter.attribute];
        if (value === undefined) return false;
        // The API reference marks `username` and `status` case-sensitive; other values match in any case.
        const exact = filter.attribute === 'username' || filter.attribute === 'status';
        const [have, want] = exact ? [value, filter.value] : [value.toLowerCase(), filter.value.toLowerCase()];
        return filter.prefix ? have.startsWith(want) : have === want;
      });
      const start = Number(input.PaginationToken ?? 0);
      const limit = input.Limit ?? LIST_LIMIT;
      const page = matches.slice(start, start + limit);
      return {
        Users: page.map(([username, u]) => userRecord(req, input.UserPoolId, username, u)),
        ...(start + limit < matches.length ? { PaginationToken: String(start + limit) } : {}),
      };
    },

    GetLogDeliveryConfiguration(input: { UserPoolId: string }, req) {
      const pool = poolOf(req, input.UserPoolId);
      return {
        LogDeliveryConfiguration: { UserPoolId: input.UserPoolId, LogConfigurations: pool.logDelivery ?? [] },
      };
    },

    AdminListUserAuthEvents(
      input: { UserPoolId: string; Username: string; MaxResults?: number; NextToken?: string },
      req,
    ) {
      const [, u] = requireUser(req, input.UserPoolId, input.Username);
      const addOns = poolOf(req, input.UserPoolId).pool.UserPoolAddOns as { AdvancedSecurityMode?: string } | undefined;
      if (addOns?.AdvancedSecurityMode !== 'AUDIT' && addOns?.AdvancedSecurityMode !== 'ENFORCED') {
        throw new AwsFault('UserPoolAddOnNotEnabledException', 'Threat protection is not active for this user pool.');
      }
      const max = input.MaxResults || AUTH_EVENTS_LIMIT;
      if (max < 0 || max > AUTH_EVENTS_LIMIT) {
        throw new AwsFault('InvalidParameterException', `MaxResults must be at most ${AUTH_EVENTS_LIMIT}.`);
      }
      // Newest first.
      const events = withDates(u.authEvents ?? [], req.now).sort(
        (a, b) => Date.parse(String(b.CreationDate)) - Date.parse(String(a.CreationDate)),
      );
      const start = Number(input.NextToken ?? 0);
      return {
        AuthEvents: events.slice(start, start + max),
        ...(start + max < events.length ? { NextToken: String(start + max) } : {}),
      };
    },

    ListUserImportJobs(input: { UserPoolId: string; MaxResults: number; PaginationToken?: string }, req) {
      const pool = poolOf(req, input.UserPoolId);
      if (!(input.MaxResults >= 1 && input.MaxResults <= 60)) {
        throw new AwsFault('InvalidParameterException', 'MaxResults must be between 1 and 60.');
      }
      const jobs = (pool.importJobs ?? []).slice(0, input.MaxResults);
      return { UserImportJobs: jobs.map((j) => withDates({ UserPoolId: input.UserPoolId, ...j }, req.now)) };
    },

    // Writes, used by --fix. They change the world, so a re-run sees the result.
    AdminUpdateUserAttributes(
      input: { UserPoolId: string; Username: string; UserAttributes: { Name: string; Value: string }[] },
      req,
    ) {
      const pool = poolOf(req, input.UserPoolId);
      const [username, u] = requireUser(req, input.UserPoolId, input.Username);
      const before = { ...u.attributes };
      u.attributes = { ...u.attributes };
      for (const a of input.UserAttributes) u.attributes[a.Name] = a.Value;
      // A changed e-mail address or phone number is unverified unless the request says otherwise.
      for (const name of ['email', 'phone_number']) {
        const changed = u.attributes[name] !== before[name];
        if (changed && !input.UserAttributes.some((a) => a.Name === `${name}_verified`)) {
          u.attributes[`${name}_verified`] = 'false';
        }
      }
      const verifying = input.UserAttributes.filter((a) => a.Value === 'true').map((a) =>
        a.Name.replace(/_verified$/, ''),
      );
      takeAliases(pool, username, u, verifying, req.now);
      u.modified = req.now.toISOString();
      return {};
    },
    AdminEnableUser(input: { UserPoolId: string; Username: string }, req) {
      const [, u] = requireUser(req, input.UserPoolId, input.Username);
      u.enabled = true;
      u.modified = req.now.toISOString();
      return {};
    },
    AdminConfirmSignUp(input: { UserPoolId: string; Username: string }, req) {
      const [, u] = requireUser(req, input.UserPoolId, input.Username);
      const status = u.status ?? 'CONFIRMED';
      if (status !== 'UNCONFIRMED') {
        throw new AwsFault('NotAuthorizedException', `User cannot be confirmed. Current status is ${status}`);
      }
      u.status = 'CONFIRMED';
      u.modified = req.now.toISOString();
      return {};
    },
    AdminSetUserPassword(input: { UserPoolId: string; Username: string; Password: string; Permanent?: boolean }, req) {
      const [, u] = requireUser(req, input.UserPoolId, input.Username);
      const problem = passwordProblem(poolOf(req, input.UserPoolId), input.Password);
      if (problem) throw new AwsFault('InvalidPasswordException', `Password did not conform with policy: ${problem}`);
      u.status = input.Permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
      u.modified = req.now.toISOString();
      return {};
    },
  },
};
