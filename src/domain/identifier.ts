// Why Cognito does not resolve an input that a ListUsers search did find, as a pure rule over the
// pool's sign-in settings (UsernameAttributes, AliasAttributes, case sensitivity) and the user.

import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { ContactAttribute } from './contact-holders.js';
import { isCaseSensitive, type UserSearch } from './user-resolution.js';

export interface IdentifierFacts {
  /** What the ticket (or, with `asSent`, the app) gave. */
  input: string;
  username: string;
  /** `UserStatus` of the user the search found. */
  status?: string;
  /** The attribute the search matched, and the user's stored value and verified flag for it. */
  attribute: UserSearch['attribute'];
  stored: string;
  verified: boolean;
  /** The input is known to be exactly what the app sends. */
  asSent: boolean;
}

export type IdentifierCause =
  /** Not an identifier problem: a federated user has no password, a sign-in attribute resolves. */
  | { kind: 'none'; why: 'federated' | 'sign-in-attribute' }
  /** A case-sensitive pool, and the input differs from the stored name only in case. */
  | { kind: 'case'; exact: string }
  /** The input is an e-mail/phone alias of the pool, but not verified on this user. */
  | { kind: 'alias-unverified'; attribute: ContactAttribute }
  /** The input is no sign-in attribute of the pool; `known` when it is what the app sends. */
  | { kind: 'not-sign-in'; attribute: ContactAttribute; known: boolean };

export function identifierCause(pool: UserPoolType, f: IdentifierFacts): IdentifierCause {
  if (f.status === 'EXTERNAL_PROVIDER') return { kind: 'none', why: 'federated' };
  const aliases = (pool.AliasAttributes ?? []) as string[];
  const usernameAttributes = (pool.UsernameAttributes ?? []) as string[];
  const signIn = usernameAttributes.includes(f.attribute) || aliases.includes(f.attribute);
  const differsInCase = (a: string) => a !== f.input && a.toLowerCase() === f.input.toLowerCase();
  if (isCaseSensitive(pool)) {
    if (differsInCase(f.username)) return { kind: 'case', exact: f.username };
    if (signIn && f.attribute !== 'sub' && differsInCase(f.stored)) return { kind: 'case', exact: f.stored };
  }
  const attribute = f.attribute;
  // A username or sub that differs in more than case: AdminGetUser would have resolved it.
  if (attribute !== 'email' && attribute !== 'phone_number') return { kind: 'none', why: 'sign-in-attribute' };
  // A username attribute resolves verified or not; an alias only once verified.
  if (usernameAttributes.includes(attribute)) return { kind: 'none', why: 'sign-in-attribute' };
  if (aliases.includes(attribute)) {
    return f.verified ? { kind: 'none', why: 'sign-in-attribute' } : { kind: 'alias-unverified', attribute };
  }
  return { kind: 'not-sign-in', attribute, known: f.asSent };
}
