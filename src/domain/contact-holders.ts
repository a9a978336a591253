// Who else in the pool holds a user's e-mail address or phone number, and whether they have it
// verified. Marking a value verified that another account already holds verified takes it from
// that account: as a sign-in alias it moves to the newly verified user, and the other user can no
// longer sign in by it.

import type { UserType } from '@aws-sdk/client-cognito-identity-provider';
import { attributesOf } from './user-resolution.js';

export type ContactAttribute = 'email' | 'phone_number';

/** One account holding the value: what a person needs to tell accounts apart. */
export interface ContactHolder {
  username: string;
  /** `UserStatus` (CONFIRMED, EXTERNAL_PROVIDER, …); `UNKNOWN` when ListUsers omits it. */
  status: string;
  enabled: boolean;
  /** True when this account has the searched value verified (`<attribute>_verified` is "true"). */
  verified: boolean;
  /** Both verified flags as stored ("true", "false"), or null when the attribute is absent. */
  email_verified: string | null;
  phone_number_verified: string | null;
}

export interface ContactHolders {
  attribute: ContactAttribute;
  /** The user's own stored value that was searched for. */
  value: string;
  /** Other accounts of the pool holding the same value, in ListUsers' order. */
  others: ContactHolder[];
  /** More accounts matched than were read: `others` is incomplete. */
  truncated: boolean;
}

/** ListUsers' answer for `<attribute> = "<value>"` reduced to the accounts other than `username`. */
export function contactHolders(
  users: readonly UserType[],
  attribute: ContactAttribute,
  value: string,
  username: string,
  truncated = false,
): ContactHolders {
  const others = users.filter((u) => u.Username !== username).map(holderOf(attribute));
  return { attribute, value, others, truncated };
}

export function holderOf(attribute: ContactAttribute): (u: UserType) => ContactHolder {
  return (u) => {
    const a = attributesOf(u.Attributes);
    return {
      username: u.Username ?? '',
      status: u.UserStatus ?? 'UNKNOWN',
      enabled: u.Enabled !== false,
      verified: a[`${attribute}_verified`] === 'true',
      email_verified: a.email_verified ?? null,
      phone_number_verified: a.phone_number_verified ?? null,
    };
  };
}

/**
 * The accounts a mark-verified step would take the value from: every other holder that has it
 * verified. Non-empty means the step must not run; when `truncated`, an unread holder may exist too.
 */
export function verifiedElsewhere(holders: ContactHolders): ContactHolder[] {
  return holders.others.filter((h) => h.verified);
}
