// A user found by its own name whose e-mail address or phone number is unverified: other accounts of
// the pool may hold the same value (a second sign-up, an old account), and one of them verified.

import type { AdminGetUserCommandOutput, UserType } from '@aws-sdk/client-cognito-identity-provider';
import { AwsCallError } from '../../aws/errors.js';
import type { Context, UserResolution } from '../../context/index.js';
import { verifiedElsewhere, type ContactAttribute, type ContactHolders } from '../../domain/contact-holders.js';
import { attributesOf, filterFor } from '../../domain/user-resolution.js';
import { aws } from '../../remedy/commands.js';
import { docs } from '../../remedy/links.js';
import { remediation } from '../remedy.js';
import type { Outcome } from '../types.js';

const CONTACTS: readonly ContactAttribute[] = ['email', 'phone_number'];
const NAME: Record<ContactAttribute, string> = { email: 'e-mail address', phone_number: 'phone number' };

export interface SharedContacts {
  outcomes: Outcome[];
  /** Searches that could not be made (e.g. no cognito-idp:ListUsers), for the passing summary. */
  unsearched: AwsCallError[];
}

/**
 * For each unverified contact of a user Cognito resolved directly, the other accounts holding it.
 * A contact the input search already covered (the input is that value) is reported there instead.
 */
export async function sharedContacts(ctx: Context, r: UserResolution): Promise<SharedContacts> {
  if (!r.direct || !r.user) return { outcomes: [], unsearched: [] };
  const a = r.attributes;
  const covered = (n: ContactAttribute) => r.search?.attribute === n && r.candidates.length > 1;
  const unverified = CONTACTS.filter((n) => a[n] && a[`${n}_verified`] !== 'true' && !covered(n));
  const results = await Promise.all(
    unverified.map((n) =>
      ctx.contactHolders(n).then(
        (holders) => ({ holders }),
        (error: unknown) => {
          if (error instanceof AwsCallError) return { error };
          throw error;
        },
      ),
    ),
  );
  const outcomes: Outcome[] = [];
  const unsearched: AwsCallError[] = [];
  for (const result of results) {
    if ('error' in result) unsearched.push(result.error);
    else if (result.holders?.others.length) outcomes.push(sharedContact(ctx, r.user, result.holders));
  }
  return { outcomes, unsearched };
}

function sharedContact(ctx: Context, u: AdminGetUserCommandOutput, holders: ContactHolders): Outcome {
  const { attribute: n, value, others } = holders;
  const username = u.Username!;
  const taken = verifiedElsewhere(holders);
  const list = others.map((h) => `${h.username} (${h.status}, ${n} ${h.verified ? 'verified' : 'unverified'})`);
  const more = holders.truncated ? ' and more (only the first pages were read)' : '';
  const consequence = taken.length
    ? `The verified copy belongs to ${names(taken)}: only that account can receive codes at this ${NAME[n]}, not ${username}, whose copy is unverified. Marking it verified on ${username} would take it from ${names(taken)}, which would lose sign-in by it and its reset codes.`
    : `No account has it verified, so no code goes to it for any of them.`;
  return {
    status: 'warn',
    code: 'duplicate-accounts-same-contact',
    message: `User ${username}'s ${NAME[n]} is not verified, and ${others.length} other account${others.length > 1 ? 's' : ''} of the pool hold${others.length > 1 ? '' : 's'} the same one: ${list.join(', ')}${more}. The person probably signed up twice. ${consequence}`,
    evidence: {
      'ListUsers.Filter': filterFor(n, value),
      'ListUsers.Users': [accountRow(u.Username, u.UserStatus, u.Enabled, u.UserAttributes), ...others.map(holderRow)],
      ...(holders.truncated ? { 'ListUsers.PaginationToken': '(more pages not read)' } : {}),
    },
    remediation: remediation(
      `Find out which account the person uses and send its username; merge or delete the other (after checking which one holds their data).${taken.length ? ` Do not mark the ${NAME[n]} verified on ${username} while ${names(taken)} holds it verified.` : ''} The accounts:`,
      [listUsersCommand(ctx, filterFor(n, value))],
      [docs.forgotPassword, docs.userPoolAttributes],
    ),
  };
}

/** The ListUsers line that shows every account holding a value, with state and verified flags. */
export function listUsersCommand(ctx: Context, filter: string): string {
  return aws(ctx, [
    'cognito-idp',
    'list-users',
    '--user-pool-id',
    ctx.target.userPoolId,
    '--filter',
    filter,
    '--query',
    'Users[].[Username,UserStatus,Enabled]',
    '--output',
    'text',
  ]);
}

/** What a person needs to tell accounts apart: username, state, and the verified flags. */
export function summary(u: UserType) {
  return accountRow(u.Username, u.UserStatus, u.Enabled, u.Attributes);
}

function accountRow(
  username: string | undefined,
  status: string | undefined,
  enabled: boolean | undefined,
  attributes: UserType['Attributes'],
) {
  const a = attributesOf(attributes);
  return {
    Username: username,
    UserStatus: status,
    Enabled: enabled,
    email: a.email ?? null,
    email_verified: a.email_verified ?? null,
    phone_number: a.phone_number ?? null,
    phone_number_verified: a.phone_number_verified ?? null,
  };
}

function holderRow(h: ContactHolders['others'][number]) {
  return {
    Username: h.username,
    UserStatus: h.status,
    Enabled: h.enabled,
    email_verified: h.email_verified,
    phone_number_verified: h.phone_number_verified,
  };
}

function names(holders: readonly { username: string }[]): string {
  return holders.map((h) => h.username).join(', ');
}
