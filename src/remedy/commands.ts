// The exact `aws` command lines a report and --fix show: shared by checks and fixes, so both quote alike.
import type { Context } from '../context/index.js';

/** Quote one argument for a POSIX shell, only when it needs it. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** An argument passed to the shell unquoted, such as `"$NEW_PASSWORD"`. */
export interface RawArg {
  raw: string;
}

/**
 * An exact `aws` command line for this run: the arguments are quoted, and `--region` (and
 * `--profile`, when one was given) are added so it runs as-is against the same account.
 */
export function aws(ctx: Context, args: readonly (string | RawArg)[], region = ctx.target.region): string {
  const profile = ctx.target.profile ? ['--profile', ctx.target.profile] : [];
  return ['aws', ...args, '--region', region, ...profile]
    .map((a) => (typeof a === 'string' ? shellQuote(a) : a.raw))
    .join(' ');
}

/** The arguments that name this pool and user in a cognito-idp admin command. */
export function poolUser(ctx: Context, username: string): string[] {
  return ['--user-pool-id', ctx.target.userPoolId, '--username', username];
}

/** Set a permanent password the operator chose (NEW_PASSWORD, given to the user over a secure channel). */
export function setPasswordCommand(ctx: Context, username: string): string {
  return aws(ctx, [
    'cognito-idp',
    'admin-set-user-password',
    ...poolUser(ctx, username),
    '--password',
    { raw: '"$NEW_PASSWORD"' },
    '--permanent',
  ]);
}

/** Resend an admin-created user's invitation: a new temporary password, valid from now. */
export function resendInvitationCommand(ctx: Context, username: string, medium: 'EMAIL' | 'SMS'): string {
  return aws(ctx, [
    'cognito-idp',
    'admin-create-user',
    ...poolUser(ctx, username),
    '--message-action',
    'RESEND',
    '--desired-delivery-mediums',
    medium,
  ]);
}

/** Mark a contact verified: only after its ownership is proven out of band. */
export function markVerifiedCommand(ctx: Context, username: string, attribute: 'email' | 'phone_number'): string {
  return aws(ctx, [
    'cognito-idp',
    'admin-update-user-attributes',
    ...poolUser(ctx, username),
    '--user-attributes',
    `Name=${attribute}_verified,Value=true`,
  ]);
}
