// The exact `aws` command lines a report and --fix show: shared by checks and fixes, so both quote alike.
// Each write --fix can make is built here once, as a request; its line is generated from it.
import type { Context } from '../context/index.js';
import { versionNote } from './cli-versions.js';
import {
  cliArgs,
  optionArgs,
  Placeholder,
  placeholdersOf,
  type PublishedRequest,
  type RawArg,
  type WriteRequest,
} from './write-request.js';

/** Quote one argument for a POSIX shell, only when it needs it. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * An exact `aws` command line for this run: the arguments are quoted, and `--region` (and
 * `--profile`, when one was given) are added so it runs as-is against the same account.
 */
export function aws(ctx: Context, args: readonly (string | RawArg)[], region = ctx.target.region): string {
  const profile = ctx.target.profile ? ['--profile', ctx.target.profile] : [];
  const [service, subcommand] = args;
  const note = typeof service === 'string' && typeof subcommand === 'string' && versionNote(service, subcommand);
  return ['aws', ...args, '--region', region, ...profile, ...(note ? [{ raw: note }] : [])]
    .map((a) => (typeof a === 'string' ? shellQuote(a) : a.raw))
    .join(' ');
}

/** The arguments that name this pool and user in a cognito-idp admin command. */
export function poolUser(ctx: Context, username: string): string[] {
  return ['--user-pool-id', ctx.target.userPoolId, ...optionArgs('--username', username)];
}

/** A write as a remediation lists it: the printed line and the request it was printed from. */
export interface WriteCommand {
  line: string;
  request: WriteRequest;
}

/** The `aws` line of a write, generated from its description (never written by hand). */
export function write(ctx: Context, request: WriteRequest): WriteCommand {
  return { line: aws(ctx, cliArgs(request), request.region), request };
}

/** The pool and user of a cognito-idp admin request. */
function onUser(ctx: Context, username: string) {
  return { UserPoolId: ctx.target.userPoolId, Username: username };
}

const TAKEOVER =
  'Marking a contact verified without proof of ownership is an account-takeover risk: whoever holds it can reset the password. Confirm ownership out of band first.';

export const NEW_PASSWORD = new Placeholder(
  'NEW_PASSWORD',
  "the new permanent password, chosen by you to meet the pool's password policy; give it to the user over a secure channel",
);

export function enableUserRequest(ctx: Context, username: string): WriteRequest {
  return { action: 'cognito-idp:AdminEnableUser', region: ctx.target.region, input: onUser(ctx, username) };
}

export function confirmSignUpRequest(ctx: Context, username: string): WriteRequest {
  return { action: 'cognito-idp:AdminConfirmSignUp', region: ctx.target.region, input: onUser(ctx, username) };
}

/** Set a permanent password the operator chose (NEW_PASSWORD, given to the user over a secure channel). */
export function setPasswordRequest(ctx: Context, username: string): WriteRequest {
  return {
    action: 'cognito-idp:AdminSetUserPassword',
    region: ctx.target.region,
    input: { ...onUser(ctx, username), Password: NEW_PASSWORD, Permanent: true },
  };
}

/** Resend an admin-created user's invitation: a new temporary password, valid from now. */
export function resendInvitationRequest(ctx: Context, username: string, medium: 'EMAIL' | 'SMS'): WriteRequest {
  return {
    action: 'cognito-idp:AdminCreateUser',
    region: ctx.target.region,
    input: { ...onUser(ctx, username), MessageAction: 'RESEND', DesiredDeliveryMediums: [medium] },
  };
}

export const NEW_EMAIL = new Placeholder(
  'NEW_EMAIL',
  "the user's correct e-mail address, confirmed with the user; storing it unverifies it until the user verifies it",
);

/** Store the e-mail address the operator confirmed with the user (NEW_EMAIL). */
export function changeEmailRequest(ctx: Context, username: string): WriteRequest {
  return {
    action: 'cognito-idp:AdminUpdateUserAttributes',
    region: ctx.target.region,
    input: { ...onUser(ctx, username), UserAttributes: [{ Name: 'email', Value: NEW_EMAIL }] },
  };
}

/** Mark a contact verified: only after its ownership is proven out of band. */
export function markVerifiedRequest(ctx: Context, username: string, attribute: 'email' | 'phone_number'): WriteRequest {
  return {
    action: 'cognito-idp:AdminUpdateUserAttributes',
    region: ctx.target.region,
    input: { ...onUser(ctx, username), UserAttributes: [{ Name: `${attribute}_verified`, Value: 'true' }] },
    warning: TAKEOVER,
  };
}

export function unsuppressRequest(address: string, region: string): WriteRequest {
  return { action: 'ses:DeleteSuppressedDestination', region, input: { EmailAddress: address } };
}

/** Opt a number back in on the route Cognito sends through: SNS, or an End User Messaging opt-out list. */
export function optInRequest(number: string, region: string, optOutList?: string): WriteRequest {
  return optOutList === undefined
    ? { action: 'sns:OptInPhoneNumber', region, input: { phoneNumber: number } }
    : {
        action: 'sms-voice:DeleteOptedOutNumber',
        region,
        input: { OptOutListName: optOutList, OptedOutNumber: number },
      };
}

/** A write as the JSON report carries it: enough to replay it through any SDK. */
export function publish({ line, request }: WriteCommand): PublishedRequest {
  const placeholders = placeholdersOf(request);
  return {
    action: request.action,
    region: request.region,
    input: JSON.parse(JSON.stringify(request.input)) as Record<string, unknown>,
    command: line,
    ...(request.warning ? { warning: request.warning } : {}),
    ...(Object.keys(placeholders).length ? { placeholders } : {}),
  };
}

/** A published write as a request again: each `${NAME}` it explains becomes its placeholder, at any depth. */
export function requestOf(published: PublishedRequest): WriteRequest {
  const named = published.placeholders ?? {};
  const revive = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(revive);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
    const name = typeof v === 'string' ? /^\$\{(\w+)\}$/.exec(v)?.[1] : undefined;
    return name && named[name] !== undefined ? new Placeholder(name, named[name]) : v;
  };
  const input = revive(published.input) as WriteRequest['input'];
  return {
    action: published.action,
    region: published.region,
    input,
    ...(published.warning ? { warning: published.warning } : {}),
  };
}

/**
 * A public Cognito call as the app makes it (`forgot-password`, `resend-confirmation-code`), with the
 * client id, or `"$CLIENT_ID"` when none was given. For a client with a secret the line computes
 * SECRET_HASH itself with `cognito-doctor secret-hash`, so no secret or hash is ever printed.
 */
export function clientCallCommand(
  ctx: Context,
  verb: 'forgot-password' | 'resend-confirmation-code',
  username: string,
  client: { id?: string; hasSecret: boolean },
): string {
  const id = client.id ?? '';
  const idArg = client.id ? shellQuote(client.id) : '"$CLIENT_ID"';
  // A username that starts with `-` goes last, after `--`: the argument, never an option.
  const dashed = username.startsWith('-');
  const hash = [
    'cognito-doctor',
    'secret-hash',
    ...(dashed ? [] : [username]),
    '--client-id',
    id,
    '--user-pool-id',
    ctx.target.userPoolId,
    ...(ctx.target.profile ? ['--profile', ctx.target.profile] : []),
    ...(dashed ? ['--', username] : []),
  ]
    .map(shellQuote)
    .join(' ');
  return aws(ctx, [
    'cognito-idp',
    verb,
    '--client-id',
    { raw: idArg },
    ...optionArgs('--username', username),
    ...(client.id && client.hasSecret ? ['--secret-hash', { raw: `"$(${hash})"` }] : []),
  ]);
}
