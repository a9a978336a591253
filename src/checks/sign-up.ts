import type { AdminGetUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Context } from '../context/index.js';
import { maskDestination, type ChannelPrediction } from '../domain/channel.js';
import { resendMedium } from '../domain/invitation-channel.js';
import { clientCallCommand, confirmSignUpRequest, resendInvitationRequest, write } from '../remedy/commands.js';
import { docs } from '../remedy/links.js';
import { remediation } from './remedy.js';
import { userDisabled } from './user/disabled.js';
import type { Check, Evidence, Outcome } from './types.js';

/** A sign-up confirmation code is valid this long; then the user must ask for a new one. */
const CODE_LIFETIME_MS = 24 * 3_600_000;

/**
 * Whether Cognito sends a sign-up confirmation code (SignUp, ResendConfirmationCode) and where: only
 * while the user is UNCONFIRMED, only for an auto-verified contact the user has, by SMS when both are.
 */
export const signUp: Check = {
  id: 'sign-up',
  title: 'The user can receive a sign-up confirmation code',
  scope: 'core',
  dependsOn: ['pool', 'user'],
  codes: [
    'user-disabled',
    'resend-confirmation-misuse',
    'presignup-autoconfirm-without-autoverify',
    'federated-user',
    'auto-verification-disabled',
    'only-one-contact-verified-at-signup',
    'stale-or-expired-code',
  ],
  reads: ['cognito-idp:DescribeUserPool', 'cognito-idp:AdminGetUser', 'cognito-idp:DescribeUserPoolClient'],
  docs: [docs.signingUp, docs.verification],
  async run(ctx) {
    const [p, { user: u, attributes: a }, prediction] = await Promise.all([ctx.pool(), ctx.user(), ctx.channel()]);
    if (!u || !prediction) return { status: 'skip', message: 'No single user was resolved.' };
    const username = u.Username!;
    const status = u.UserStatus ?? 'UNKNOWN';
    const autoVerified = p.AutoVerifiedAttributes ?? [];
    const evidence: Evidence = {
      'AdminGetUser.UserStatus': status,
      'AdminGetUser.UserCreateDate': u.UserCreateDate?.toISOString() ?? null,
      'DescribeUserPool.UserPool.AutoVerifiedAttributes': autoVerified,
    };
    const outcomes: Outcome[] = [];
    if (u.Enabled === false)
      outcomes.push(
        userDisabled(
          ctx,
          username,
          evidence,
          'Cognito sends it no code ("User is disabled.", or a pretended success under PreventUserExistenceErrors).',
        ),
      );
    if (status === 'UNCONFIRMED') outcomes.push(...(await unconfirmed(ctx, u, a, prediction, evidence)));
    else outcomes.push(...notUnconfirmed(ctx, u, a, p.LambdaConfig?.PreSignUp, evidence));
    return outcomes;
  },
};

/** Anyone not UNCONFIRMED gets no confirmation code: say why, and what applies instead. */
function notUnconfirmed(
  ctx: Context,
  u: AdminGetUserCommandOutput,
  a: Record<string, string>,
  preSignUp: string | undefined,
  evidence: Evidence,
): Outcome[] {
  const username = u.Username!;
  const status = u.UserStatus ?? 'UNKNOWN';
  const created = day(u.UserCreateDate);
  const modified = day(u.UserLastModifiedDate);
  if (status === 'EXTERNAL_PROVIDER') {
    return [
      {
        status: 'fail',
        code: 'federated-user',
        message: `User ${username} signs in through an external identity provider (created ${created}): there is no Cognito sign-up to confirm, so no code is sent.`,
        evidence,
        remediation: remediation('The user signs in through the identity provider.', [], [docs.signingUp]),
      },
    ];
  }
  if (status === 'FORCE_CHANGE_PASSWORD') {
    return [
      {
        status: 'fail',
        code: 'resend-confirmation-misuse',
        message: `User ${username} was created by an administrator on ${created} (FORCE_CHANGE_PASSWORD): it never signed up, so no confirmation code is sent. What it waits for is the invitation with a temporary password.`,
        evidence,
        remediation: remediation(
          `Diagnose the invitation instead: cognito-doctor invitation ${username} -p ${ctx.target.userPoolId}. Resending it issues a new temporary password:`,
          [write(ctx, resendInvitationRequest(ctx, username, resendMedium(a) ?? 'SMS'))],
          [docs.signingUp],
        ),
      },
    ];
  }
  const verified = (['email', 'phone_number'] as const).filter((n) => a[`${n}_verified`] === 'true');
  if (status === 'CONFIRMED' && ctx.target.afterFix?.sent.includes('cognito-idp:AdminConfirmSignUp')) {
    // The re-check after --fix confirmed the sign-up: confirmed is the fix's outcome, not a misuse.
    return [{ status: 'pass', message: `User ${username} is CONFIRMED now: --fix confirmed the sign-up.`, evidence }];
  }
  const outcomes: Outcome[] = [
    {
      status: 'fail',
      code: 'resend-confirmation-misuse',
      message: `User ${username} is already ${status} (signed up ${created}; confirmed by ${modified} at the latest, its last change)${preSignUp ? ', possibly auto-confirmed by the PreSignUp trigger (autoConfirmUser)' : ''}: Cognito sends no confirmation code, and ResendConfirmationCode answers "User is already confirmed.". The user signs in; a forgotten password is ForgotPassword, an unverified contact is GetUserAttributeVerificationCode.`,
      evidence: {
        ...evidence,
        'AdminGetUser.UserLastModifiedDate': u.UserLastModifiedDate?.toISOString() ?? null,
        ...(preSignUp ? { 'DescribeUserPool.UserPool.LambdaConfig.PreSignUp': preSignUp } : {}),
      },
      remediation: remediation(
        `Nothing to confirm. To see whether a reset code can reach the user: cognito-doctor forgot-password ${username} -p ${ctx.target.userPoolId}.`,
        [],
        [docs.signingUp],
      ),
    },
  ];
  if (preSignUp && status === 'CONFIRMED' && !verified.length) {
    outcomes.push({
      status: 'fail',
      code: 'presignup-autoconfirm-without-autoverify',
      message: `User ${username} is CONFIRMED with nothing verified and the pool has a PreSignUp trigger: a trigger that sets autoConfirmUser without autoVerifyEmail / autoVerifyPhone confirms the user with no code sent and leaves no verified contact, so ForgotPassword cannot reach the user either.`,
      evidence: {
        'DescribeUserPool.UserPool.LambdaConfig.PreSignUp': preSignUp,
        'AdminGetUser.UserAttributes.email_verified': a.email_verified ?? null,
        'AdminGetUser.UserAttributes.phone_number_verified': a.phone_number_verified ?? null,
      },
      remediation: remediation(
        'Make the trigger also set autoVerifyEmail (or autoVerifyPhone) for a contact it has proven; for this user, verify a contact once ownership is proven out of band.',
        [],
        [docs.preSignUp],
      ),
    });
  }
  return outcomes;
}

/** An UNCONFIRMED user: is a code sent at all, where, and is it still valid? */
async function unconfirmed(
  ctx: Context,
  u: AdminGetUserCommandOutput,
  a: Record<string, string>,
  prediction: ChannelPrediction,
  evidence: Evidence,
): Promise<Outcome[]> {
  const username = u.Username!;
  const resend = await resendCommand(ctx, username);
  const confirm = write(ctx, confirmSignUpRequest(ctx, username));
  const adminText =
    'Or confirm the user as an administrator, once you know who they are: admin-confirm-sign-up verifies nothing (no e-mail or phone becomes verified, so ForgotPassword still cannot reach the user until a contact is verified).';
  if (prediction.channel === 'NONE') {
    const auto = prediction.mechanisms.map((m) => m.name);
    return [
      {
        status: 'fail',
        code: 'auto-verification-disabled',
        message: auto.length
          ? `The pool verifies only ${auto.join(' and ')} at sign-up (AutoVerifiedAttributes) and user ${username} has none: SignUp sent no code and ResendConfirmationCode cannot send one.`
          : `Cognito-assisted verification is off (no AutoVerifiedAttributes): SignUp sent no code to ${username}, and ResendConfirmationCode fails with "Cannot resend codes. Auto verification not turned on.".`,
        evidence: { ...evidence, mechanisms: prediction.mechanisms.map((m) => `${m.name}: ${m.reason}`) },
        remediation: remediation(
          `Turn on verification for the contact users sign up with (AutoVerifiedAttributes, a full-config update-user-pool, which resets every setting it omits). For this user: ${adminText}`,
          [confirm],
          [docs.verification, docs.signingUp],
        ),
      },
    ];
  }
  const where = `${prediction.channel} to ${maskDestination(prediction.destination)}`;
  const outcomes: Outcome[] = [];
  if (prediction.channel === 'SMS' && a.email && prediction.mechanisms.some((m) => m.name === 'email')) {
    outcomes.push({
      status: 'info',
      code: 'only-one-contact-verified-at-signup',
      message: `The pool auto-verifies both e-mail and phone number and user ${username} has both: Cognito sends the code by ${where} (not by e-mail) and verifies only the phone; the e-mail stays unverified until verified after sign-in.`,
      evidence: { ...evidence, mechanisms: prediction.mechanisms.map((m) => `${m.priority}. ${m.name}: ${m.reason}`) },
      remediation: remediation('Tell the user to look for an SMS.', [], [docs.signingUp]),
    });
  }
  const age = ctx.target.now.getTime() - (u.UserCreateDate?.getTime() ?? ctx.target.now.getTime());
  if (age > CODE_LIFETIME_MS) {
    outcomes.push({
      status: 'warn',
      code: 'stale-or-expired-code',
      message: `User ${username} signed up on ${day(u.UserCreateDate)}, ${Math.floor(age / CODE_LIFETIME_MS)} days ago, and is still UNCONFIRMED: a confirmation code lasts 24 hours, so the one SignUp sent has expired ("Invalid code provided, please request a code again."). Unless a code was resent within the last day, the user must ask for a new one (ResendConfirmationCode); it goes by ${where}.`,
      evidence,
      remediation: remediation(`Resend the code (the app's "resend code" button does the same). ${adminText}`, [
        resend,
        confirm,
      ]),
    });
  }
  if (outcomes.length) return outcomes;
  return [
    {
      status: 'pass',
      message: `User ${username} is UNCONFIRMED and signed up less than a day ago: the code goes by ${where}.`,
      evidence,
    },
  ];
}

/** The resend line as the app sends it, complete with the client id and, for a client with a secret, SECRET_HASH. */
async function resendCommand(ctx: Context, username: string): Promise<string> {
  const id = ctx.target.clientId;
  const client = id ? await ctx.cognito.appClient(id) : undefined;
  return clientCallCommand(ctx, 'resend-confirmation-code', username, {
    ...(id ? { id } : {}),
    hasSecret: Boolean(client?.ClientSecret),
  });
}

function day(date: Date | undefined): string {
  return date ? date.toISOString().slice(0, 10) : 'an unknown date';
}
