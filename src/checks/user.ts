import { aws, docs, poolUser, remediation } from './remedy.js';
import type { Check } from './types.js';

const VIA: Record<string, string> = {
  username: 'as its username',
  alias: 'through a sign-in alias (AdminGetUser accepted it)',
  sub: 'by its sub',
  email: 'by searching ListUsers for that e-mail address',
  phone_number: 'by searching ListUsers for that phone number',
};

export const user: Check = {
  id: 'user',
  title: 'The user exists',
  scope: 'core',
  dependsOn: ['pool'],
  codes: ['user-not-found', 'duplicate-accounts-same-contact'],
  reads: ['cognito-idp:AdminGetUser', 'cognito-idp:ListUsers'],
  docs: [docs.forgotPassword],
  async run(ctx) {
    const r = await ctx.user();
    if (r.user) {
      return {
        status: 'pass',
        message: `"${r.input}" resolves to user ${r.user.Username} ${VIA[r.via]}.`,
        evidence: { 'AdminGetUser.Username': r.user.Username, resolvedVia: r.via },
      };
    }
    if (r.candidates.length > 1) {
      return {
        status: 'fail',
        code: 'duplicate-accounts-same-contact',
        message: `"${r.input}" is no username, and ${r.candidates.length} users share it: the app must send the username of the right one.`,
        evidence: {
          'ListUsers.Users': r.candidates.map((u) => ({
            Username: u.Username,
            UserStatus: u.UserStatus,
            Enabled: u.Enabled,
          })),
        },
        remediation: remediation('Pick the right account; merge or delete the duplicate.', [], [docs.forgotPassword]),
      };
    }
    const attribute = r.input.includes('@') ? 'email' : r.input.startsWith('+') ? 'phone_number' : undefined;
    return {
      status: 'fail',
      code: 'user-not-found',
      message: `No user in pool ${ctx.target.userPoolId} matches "${r.input}" as a username, alias${attribute ? `, or ${attribute}` : ''}: ForgotPassword fails with UserNotFoundException (or, with PreventUserExistenceErrors, pretends to succeed).`,
      evidence: { 'AdminGetUser.error': 'UserNotFoundException', 'ListUsers.Users': [] },
      remediation: remediation(
        'Tell the user which account exists, or create it (only after confirming who they are):',
        [
          aws(ctx, [
            'cognito-idp',
            'admin-create-user',
            ...poolUser(ctx, r.input),
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
  },
};
