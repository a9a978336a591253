import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { Context, UserResolution } from '../context/index.js';
import { LIST_USERS_PAGES } from '../context/cognito.js';
import { FLOW_FACTS } from '../domain/flow.js';
import { identifierCause } from '../domain/identifier.js';
import { attributesOf } from '../domain/user-resolution.js';
import { aws, markVerifiedRequest, poolUser, write } from '../remedy/commands.js';
import { docs } from '../remedy/links.js';
import { remediation } from './remedy.js';
import type { Check, Outcome } from './types.js';
import { listUsersCommand, sharedContacts, summary } from './user/shared-contact.js';

const VIA: Record<string, string> = {
  username: 'as its username',
  alias: 'through a sign-in alias or username attribute (AdminGetUser accepted it)',
  sub: 'by its sub',
};

export const user: Check = {
  id: 'user',
  title: 'The user exists and Cognito finds it by what the app sends',
  scope: 'core',
  dependsOn: ['pool'],
  codes: [
    'user-not-found',
    'user-not-migrated',
    'username-vs-login-identifier',
    'alias-unverified',
    'username-case-sensitivity',
    'duplicate-accounts-same-contact',
  ],
  reads: ['cognito-idp:DescribeUserPool', 'cognito-idp:AdminGetUser', 'cognito-idp:ListUsers'],
  docs: [docs.forgotPassword, docs.userPoolAttributes],
  async run(ctx) {
    const [p, r] = await Promise.all([ctx.pool(), ctx.user()]);
    if (!r.user) return notFound(ctx, p, r);
    const outcomes: Outcome[] = [];
    const written = writtenNumber(ctx, r);
    if (written) outcomes.push(written);
    const identifier = r.direct ? undefined : identifierProblem(ctx, p, r);
    if (identifier) outcomes.push(identifier);
    if (r.candidates.length > 1) outcomes.push(duplicates(ctx, r));
    const shared = await sharedContacts(ctx, r);
    outcomes.push(...shared.outcomes);
    if (outcomes.length) return outcomes;
    const failed = [...(r.searchError ? [r.searchError] : []), ...shared.unsearched];
    const unsearched = failed.length
      ? ` Other users sharing its contacts could not be searched: ${failed[0]!.action} failed with ${failed[0]!.awsCode}.`
      : '';
    if (!r.direct) {
      // Only a federated user gets here (sign-in attributes resolve): it has no password, so what
      // the app sends does not matter.
      const federated = r.user.UserStatus === 'EXTERNAL_PROVIDER';
      return {
        status: 'pass',
        message: `"${r.input}" is not a name Cognito resolves, but ListUsers finds it on user ${r.user.Username}${federated ? ', a federated user (EXTERNAL_PROVIDER): it has no Cognito password to reset whatever the app sends (see user-status)' : ''}.${unsearched}`,
        evidence: {
          'AdminGetUser.error': 'UserNotFoundException',
          'ListUsers.Filter': r.search?.filter,
          'ListUsers.Users': r.candidates.map(summary),
          resolvedVia: r.via,
        },
      };
    }
    return {
      status: 'pass',
      message: `"${r.input}" resolves to user ${r.user.Username} ${VIA[r.via] ?? ''}.${unsearched}`,
      evidence: {
        'AdminGetUser.Username': r.user.Username,
        resolvedVia: r.via,
        ...(failed.length ? { 'ListUsers.error': failed[0]!.awsCode } : {}),
      },
    };
  },
};

/**
 * The app sends a phone number as people write it (spaces, brackets): Cognito compares usernames and
 * aliases as stored, and stores phone numbers in E.164 only, so it finds nobody by the written form.
 */
function writtenNumber(ctx: Context, r: UserResolution): Outcome | undefined {
  const sent = ctx.target.sentAs;
  if (!sent || !r.user) return undefined;
  return {
    status: 'fail',
    code: 'username-vs-login-identifier',
    message: `The app sends "${sent}", a phone number as people write it: Cognito stores and resolves phone numbers only in E.164 (${r.input}), so it does not find user ${r.user.Username} by the written form, and ForgotPassword fails with UserNotFoundException (or pretends to succeed). The app must send ${r.input} (normalised to E.164) or the username ${r.user.Username}.`,
    evidence: { sentAs: sent, normalisedTo: r.input, resolvedVia: r.via, 'AdminGetUser.Username': r.user.Username },
    remediation: remediation(
      'Normalise phone numbers to E.164 in the app before ForgotPassword (for example with libphonenumber), or send the username.',
      [],
      [docs.userPoolAttributes],
    ),
  };
}

/** The ListUsers line that shows the real username(s) for the input. */
function lookUpCommand(ctx: Context, r: UserResolution): string[] {
  return r.search ? [listUsersCommand(ctx, r.search.filter)] : [];
}

function notFound(ctx: Context, p: UserPoolType, r: UserResolution): Outcome {
  const evidence = {
    'AdminGetUser.error': 'UserNotFoundException',
    ...(r.search ? { 'ListUsers.Filter': r.search.filter, 'ListUsers.Users': [] } : {}),
  };
  const migration = p.LambdaConfig?.UserMigration;
  if (migration) {
    // ForgotPassword on an unknown user invokes the trigger (UserMigration_ForgotPassword): whether
    // the code goes out depends on what it returns, which only its logs show.
    const [, , , region, , , name] = migration.split(':');
    return {
      status: 'warn',
      code: 'user-not-migrated',
      message: `No user in pool ${ctx.target.userPoolId} matches "${r.input}", but the pool has a UserMigration trigger: ForgotPassword asks it (triggerSource UserMigration_ForgotPassword) to supply the user. The code goes out only if the function finds the user in the old directory and returns it with email_verified or phone_number_verified "true"; otherwise UserNotFoundException, UserLambdaValidationException or "Cannot reset password".`,
      evidence: { ...evidence, 'DescribeUserPool.UserPool.LambdaConfig.UserMigration': migration },
      remediation: remediation(
        'Look for this user in the migration function\'s logs; it must return the user with a verified contact attribute (email_verified or phone_number_verified set to "true"):',
        name && region
          ? [
              aws(
                ctx,
                [
                  'logs',
                  'filter-log-events',
                  '--log-group-name',
                  `/aws/lambda/${name}`,
                  '--filter-pattern',
                  'UserMigration_ForgotPassword',
                  '--start-time',
                  String(ctx.target.now.getTime() - ctx.target.sinceMs),
                ],
                region,
              ),
            ]
          : [],
        [docs.userMigration],
      ),
    };
  }
  const attribute =
    r.search?.attribute === 'email' || r.search?.attribute === 'phone_number' ? r.search.attribute : undefined;
  // A pool with this attribute as an alias refuses it in username format ("Username cannot be of email
  // format, since user pool is configured for email alias").
  const aliasPool = attribute !== undefined && (p.AliasAttributes ?? []).includes(attribute);
  return {
    status: 'fail',
    code: 'user-not-found',
    message: `No user in pool ${ctx.target.userPoolId} matches "${r.input}" as a username or alias${attribute ? `, nor by its ${attribute}` : ''}: ${lookupApi(ctx)} fails with UserNotFoundException (or, with PreventUserExistenceErrors, pretends to succeed).`,
    evidence,
    remediation: remediation(
      aliasPool
        ? `Tell the user which account exists, or create it (only after confirming who they are). The pool signs in by alias, so a username cannot be an ${attribute === 'email' ? 'e-mail address' : 'phone number'}: set NEW_USERNAME to the username to create first:`
        : 'Tell the user which account exists, or create it (only after confirming who they are):',
      [
        aws(ctx, [
          'cognito-idp',
          'admin-create-user',
          ...(aliasPool
            ? ['--user-pool-id', ctx.target.userPoolId, { raw: '--username="${NEW_USERNAME:?set NEW_USERNAME}"' }]
            : poolUser(ctx, r.input)),
          ...(attribute
            ? ['--user-attributes', `Name=${attribute},Value=${r.input}`, `Name=${attribute}_verified,Value=true`]
            : []),
          '--desired-delivery-mediums',
          attribute === 'phone_number' ? 'SMS' : 'EMAIL',
        ]),
      ],
      [docs.forgotPassword],
    ),
  };
}

/**
 * Cognito does not resolve the input, but a search found the user: say why, in the words of the
 * pool setting that decides it, and what the app must send instead. Nothing for a federated user
 * (no password to reset, whatever the app sends) nor for a value the pool signs in by.
 */
function identifierProblem(ctx: Context, p: UserPoolType, r: UserResolution): Outcome | undefined {
  const u = r.user!;
  const username = u.Username!;
  const input = r.input;
  const attribute = r.search?.attribute ?? 'username';
  const cause = identifierCause(p, {
    input,
    username,
    ...(u.UserStatus ? { status: u.UserStatus } : {}),
    attribute,
    stored: attribute === 'username' ? username : (r.attributes[attribute] ?? ''),
    verified: r.attributes[`${attribute}_verified`] === 'true',
    asSent: ctx.target.asSent === true,
  });
  const aliases = p.AliasAttributes ?? [];
  const usernameAttributes = p.UsernameAttributes ?? [];
  const search = { 'ListUsers.Filter': r.search?.filter, 'ListUsers.Users': r.candidates.map(summary) };
  const lookUp = lookUpCommand(ctx, r);

  if (cause.kind === 'none') return undefined;
  if (cause.kind === 'case') {
    const exact = cause.exact;
    return {
      status: 'fail',
      code: 'username-case-sensitivity',
      message: `The pool is case-sensitive and the app sent "${input}", but the user is stored as "${exact}" (user ${username}): Cognito does not find "${input}", so ${lookupApi(ctx)} fails with UserNotFoundException (or pretends to succeed under PreventUserExistenceErrors). The app must send "${exact}" exactly, or look the username up first.`,
      evidence: {
        'DescribeUserPool.UserPool.UsernameConfiguration.CaseSensitive':
          p.UsernameConfiguration?.CaseSensitive ?? '(absent: case-sensitive, the API default)',
        'AdminGetUser.error': 'UserNotFoundException',
        ...search,
      },
      remediation: remediation(
        `Send "${exact}" (or username ${username}) for this request; in the app, look the username up before ${lookupApi(ctx)}. Case sensitivity cannot be changed on an existing pool (only a new pool with CaseSensitive false, plus a migration). The lookup:`,
        lookUp,
        [docs.caseSensitivity],
      ),
    };
  }
  if (cause.kind === 'alias-unverified') {
    const n = cause.attribute;
    return {
      status: 'fail',
      code: 'alias-unverified',
      message: `"${input}" is the ${n} of user ${username} and ${n} is a sign-in alias, but ${n}_verified is not "true": an alias works only once verified, so Cognito does not find the user by it and ${lookupApi(ctx)} fails with UserNotFoundException (or pretends to succeed). Use the username ${username} for this request.`,
      evidence: {
        'DescribeUserPool.UserPool.AliasAttributes': aliases,
        [`AdminGetUser.UserAttributes.${n}_verified`]: r.attributes[`${n}_verified`] ?? null,
        'AdminGetUser.error': 'UserNotFoundException',
        ...search,
      },
      remediation: remediation(
        `Have the app send username ${username}. Once you have confirmed out of band that the user owns ${input}, mark it verified (then the alias works, and codes can go there):`,
        [write(ctx, markVerifiedRequest(ctx, username, n))],
        [docs.signingUp],
      ),
    };
  }
  const n = cause.attribute;
  const what = n === 'phone_number' ? 'phone number' : 'e-mail address';
  const setting = `${n} is neither a username attribute (UsernameAttributes: ${list(usernameAttributes)}) nor a sign-in alias (AliasAttributes: ${list(aliases)})`;
  const consequence = `Cognito does not find the user by it, and ${lookupApi(ctx)} fails with UserNotFoundException (or pretends to succeed)`;
  // Only a reproduced request says what the app sends; a ticket may give the e-mail of a user
  // whose app asks for the username.
  const known = cause.known;
  return {
    status: known ? 'fail' : 'warn',
    code: 'username-vs-login-identifier',
    message: known
      ? `The app sends "${input}", the ${what} of user ${username}, but ${setting}: ${consequence}. The app must send Username "${username}".`
      : `"${input}" is the ${what} of user ${username}, and ${setting}: if the app sends it as Username, ${consequence}. If the app sends the username ${username}, this is not the cause. Once you know what the app sends, run again with --as-sent.`,
    evidence: {
      'DescribeUserPool.UserPool.UsernameAttributes': usernameAttributes,
      'DescribeUserPool.UserPool.AliasAttributes': aliases,
      'AdminGetUser.error': 'UserNotFoundException',
      inputIsWhatTheAppSends: known,
      ...search,
    },
    remediation: remediation(
      `Call ${lookupApi(ctx)} with Username "${username}"; when users type their ${what}, look the username up server-side first (aliases and username attributes are fixed at pool creation). The lookup:`,
      lookUp,
      [docs.userPoolAttributes],
    ),
  };
}

function duplicates(ctx: Context, r: UserResolution): Outcome {
  const attribute = r.search?.attribute ?? 'email';
  const target = r.direct ? r.user!.Username! : undefined;
  const names = r.candidates.map((u) => u.Username).join(', ');
  const others = r.candidates.filter((u) => u.Username !== r.user?.Username);
  const verified = r.candidates.filter((u) => attributesOf(u.Attributes)[`${attribute}_verified`] === 'true');
  const which = !verified.length
    ? `none has ${attribute} verified`
    : verified.some((u) => u.Username === r.user?.Username)
      ? `it has ${attribute} verified`
      : `only ${verified.map((u) => u.Username).join(', ')} has ${attribute} verified`;
  const count = r.candidatesTruncated
    ? `At least ${r.candidates.length} (ListUsers stopped after ${LIST_USERS_PAGES} pages)`
    : `${r.candidates.length}`;
  return {
    status: 'warn',
    code: 'duplicate-accounts-same-contact',
    message: target
      ? `${count} users share "${r.input}" (${names}). Cognito resolves it to ${target}, so the code goes to that account${others.length ? `, not to ${others.map((u) => u.Username).join(', ')}` : ''} (${which}): if the user means another one, that account gets no code.`
      : `${count} users share "${r.input}" (${names}), and Cognito resolves it to none of them. The code goes to the account whose username the app sends; diagnosed here: ${r.user?.Username} (${which}).`,
    evidence: {
      'ListUsers.Filter': r.search?.filter,
      'ListUsers.Users': r.candidates.map(summary),
      'AdminGetUser.Username': target ?? null,
    },
    remediation: remediation(
      'Find out which account the user means and send its username; merge or delete the duplicate (after checking which one holds their data):',
      lookUpCommand(ctx, r),
      [docs.forgotPassword],
    ),
  };
}

function list(values: readonly string[]): string {
  return values.length ? values.join(', ') : 'none';
}

/** The call that looks the user up by the name the app sends: ForgotPassword, ResendConfirmationCode, … */
function lookupApi(ctx: Context): string {
  return FLOW_FACTS[ctx.flow].apis.at(-1)!;
}
