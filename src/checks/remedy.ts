import type { Context } from '../context/index.js';
import type { Remediation } from './types.js';

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

export function remediation(text: string, commands: string[] = [], docs: string[] = []): Remediation {
  return { text, commands, docs };
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
