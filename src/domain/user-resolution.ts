// How an input from a ticket maps to a Cognito user: which ListUsers search it gets, which of several
// users sharing a value to diagnose, and which MFA factors are in force. Pure rules over AWS records.

import type { AdminGetUserCommandOutput, UserPoolType, UserType } from '@aws-sdk/client-cognito-identity-provider';

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

/** `[{Name, Value}]` as a record by name. */
export function attributesOf(list: readonly { Name?: string; Value?: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((list ?? []).map((a) => [a.Name!, a.Value ?? '']));
}

/** A ListUsers filter value: quotes and backslashes escaped. */
export function filterFor(attribute: string, value: string): string {
  return `${attribute} = "${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

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
 * Of several users sharing the searched value, the one to diagnose: one with a password to reset
 * (a federated user has none), then one with that value verified, then a confirmed one, then an
 * enabled one; otherwise ListUsers' order.
 */
export function pickCandidate(
  candidates: readonly UserType[],
  attribute: UserSearch['attribute'],
): UserType | undefined {
  const contact = attribute === 'email' || attribute === 'phone_number';
  const score = (u: UserType) =>
    (u.UserStatus !== 'EXTERNAL_PROVIDER' ? 8 : 0) +
    (contact && attributesOf(u.Attributes)[`${attribute}_verified`] === 'true' ? 4 : 0) +
    (u.UserStatus === 'CONFIRMED' ? 2 : 0) +
    (u.Enabled !== false ? 1 : 0);
  return [...candidates].sort((x, y) => score(y) - score(x))[0];
}

/**
 * The accounts an input could mean when it names none of them: a value several accounts hold (an
 * e-mail address, a phone number), where the user diagnosed was picked among them by pickCandidate,
 * not named. Undefined when the input is a username or sub, or when Cognito resolved it as an alias: a
 * verified alias belongs to one account, the only one ForgotPassword with it can reach. More holders
 * than were read count as several.
 */
export function ambiguousMatch(
  via: ResolvedVia,
  candidates: readonly UserType[],
  truncated: boolean,
): readonly UserType[] | undefined {
  if (via !== 'email' && via !== 'phone_number') return undefined;
  return candidates.length > 1 || truncated ? candidates : undefined;
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
