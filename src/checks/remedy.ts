import type { Context } from '../context/index.js';
import type { PublishedRequest, Remediation } from './types.js';
import { cliArgs, Placeholder, placeholdersOf, type RawArg, type WriteRequest } from './write-request.js';

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
  return ['aws', ...args, '--region', region, ...profile]
    .map((a) => (typeof a === 'string' ? shellQuote(a) : a.raw))
    .join(' ');
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

/** The arguments that name this pool and user in a cognito-idp admin command. */
export function poolUser(ctx: Context, username: string): string[] {
  return ['--user-pool-id', ctx.target.userPoolId, '--username', username];
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

/**
 * A remediation: `commands` are printed in order; the writes among them are also published as
 * `requests`. With `choice`, the commands are alternatives: run one of them, not all.
 */
export function remediation(
  text: string,
  commands: readonly (string | WriteCommand)[] = [],
  docs: string[] = [],
  choice = false,
): Remediation {
  const writes = commands.filter((c): c is WriteCommand => typeof c !== 'string');
  return {
    text,
    commands: commands.map((c) => (typeof c === 'string' ? c : c.line)),
    docs,
    ...(writes.length ? { requests: writes.map(publish) } : {}),
    ...(choice && commands.length > 1 ? { choice: true } : {}),
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

export const docs = {
  forgotPassword: 'https://repost.aws/knowledge-center/cognito-forgot-password',
  recovery: 'https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-recover-a-user-account.html',
  signingUp: 'https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html',
  userPoolEmail: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-email.html',
  smsSettings: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html',
  snsSandbox: 'https://docs.aws.amazon.com/sns/latest/dg/sns-sms-sandbox.html',
  snsSpend: 'https://docs.aws.amazon.com/sns/latest/dg/sms_preferences.html',
  managingErrors: 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html',
  quotas: 'https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html',
  sesProduction: 'https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html',
  sesSuppression: 'https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html',
  sesQuotas: 'https://docs.aws.amazon.com/ses/latest/dg/quotas.html',
  sesIdentities: 'https://docs.aws.amazon.com/ses/latest/dg/creating-identities.html',
  sesDkim: 'https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dkim-easy.html',
  sesSendingAuthorization: 'https://docs.aws.amazon.com/ses/latest/dg/sending-authorization.html',
  sesReputation: 'https://docs.aws.amazon.com/ses/latest/dg/monitor-sender-reputation.html',
  sesConfigurationSets: 'https://docs.aws.amazon.com/ses/latest/dg/using-configuration-sets.html',
  clientSecret: 'https://repost.aws/knowledge-center/cognito-unable-to-verify-secret-hash',
  lambdaTriggers:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-identity-pools-working-with-aws-lambda-triggers.html',
  customMessage: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html',
  customSender:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-sender-triggers.html',
  lambdaStates: 'https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html',
  lambdaResourcePolicy: 'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
  kmsKeyState: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html',
  cognitoLogs: 'https://docs.aws.amazon.com/cognito/latest/developerguide/exporting-quotas-and-usage.html',
  cognitoCloudTrail: 'https://docs.aws.amazon.com/cognito/latest/developerguide/logging-using-cloudtrail.html',
  snsSmsLogs: 'https://docs.aws.amazon.com/sns/latest/dg/sms_stats_cloudwatch.html',
  threatProtection:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html',
  userPoolAttributes: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html',
  caseSensitivity:
    'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UsernameConfigurationType.html',
  userMigration: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html',
  userImport: 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-using-import-tool.html',
  preSignUp: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html',
  verification:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-email-phone-verification.html',
  mfa: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html',
  updateUserPool: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html',
} as const;

/** A published write as a request again: each `${NAME}` it explains becomes its placeholder. */
export function requestOf(published: PublishedRequest): WriteRequest {
  const named = published.placeholders ?? {};
  const input = Object.fromEntries(
    Object.entries(published.input).map(([k, v]) => {
      const name = typeof v === 'string' ? /^\$\{(\w+)\}$/.exec(v)?.[1] : undefined;
      return [k, name && named[name] !== undefined ? new Placeholder(name, named[name]) : v];
    }),
  ) as WriteRequest['input'];
  return {
    action: published.action,
    region: published.region,
    input,
    ...(published.warning ? { warning: published.warning } : {}),
  };
}
