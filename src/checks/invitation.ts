import type { AdminGetUserCommandOutput, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { AdminCreation, Context } from '../context/index.js';
import { maskDestination, type ChannelPrediction } from '../domain/channel.js';
import { resendMedium, type InvitationMedium } from '../domain/invitation-channel.js';
import { resendInvitationRequest, write } from '../remedy/commands.js';
import { docs } from '../remedy/links.js';
import { remediation } from './remedy.js';
import { userDisabled } from './user/disabled.js';
import type { Check, Evidence, Outcome } from './types.js';

/** Cognito's default for `Policies.PasswordPolicy.TemporaryPasswordValidityDays`. */
const DEFAULT_TEMP_PASSWORD_DAYS = 7;
const DAY_MS = 86_400_000;
/** What an invitation template must carry: the username and the temporary password. */
const PLACEHOLDERS = ['{username}', '{####}'];

/**
 * Whether Cognito sent (and can resend) an AdminCreateUser invitation, and where: only to a user in
 * FORCE_CHANGE_PASSWORD, never with MessageAction=SUPPRESS, by the requested mediums (SMS when none).
 */
export const invitation: Check = {
  id: 'invitation',
  title: 'The user can receive an invitation with a temporary password',
  scope: 'core',
  dependsOn: ['pool', 'user'],
  codes: [
    'user-disabled',
    'invite-resend-wrong-state',
    'federated-user',
    'invite-suppressed-or-sms-default',
    'invite-delivery-failed-user-created',
    'temp-password-expired',
    'email-template-invalid',
  ],
  reads: ['cognito-idp:DescribeUserPool', 'cognito-idp:AdminGetUser', 'cloudtrail:LookupEvents'],
  docs: [docs.signingUp, docs.adminCreateUser],
  async run(ctx) {
    const [p, { user: u, attributes: a }, prediction] = await Promise.all([ctx.pool(), ctx.user(), ctx.channel()]);
    if (!u || !prediction) return { status: 'skip', message: 'No single user was resolved.' };
    const username = u.Username!;
    const status = u.UserStatus ?? 'UNKNOWN';
    const evidence: Evidence = {
      'AdminGetUser.UserStatus': status,
      'AdminGetUser.UserCreateDate': u.UserCreateDate?.toISOString() ?? null,
    };
    // A user with no contact is reached by no medium: SMS, the request's default, is as good as any.
    const medium = resendMedium(a) ?? 'SMS';
    const resend = write(ctx, resendInvitationRequest(ctx, username, medium));
    const outcomes: Outcome[] = [];
    if (u.Enabled === false)
      outcomes.push(
        userDisabled(
          ctx,
          username,
          evidence,
          'it cannot sign in with a temporary password, and a resent invitation does not help until it is enabled.',
        ),
      );
    if (status === 'EXTERNAL_PROVIDER') {
      outcomes.push({
        status: 'fail',
        code: 'federated-user',
        message: `User ${username} signs in through an external identity provider: Cognito sends it no invitation.`,
        evidence,
        remediation: remediation('The user signs in through the identity provider.', [], [docs.signingUp]),
      });
      return outcomes;
    }
    if (status !== 'FORCE_CHANGE_PASSWORD') {
      outcomes.push({
        status: 'fail',
        code: 'invite-resend-wrong-state',
        message: `User ${username} is ${status} (created ${day(u.UserCreateDate)}, last changed ${day(u.UserLastModifiedDate)}): an invitation goes only to a user in FORCE_CHANGE_PASSWORD, and AdminCreateUser with MessageAction=RESEND fails with UnsupportedUserStateException. ${status === 'UNCONFIRMED' ? 'The user signed up itself: what it waits for is the sign-up confirmation code.' : 'A user who has set a password resets it with ForgotPassword.'}`,
        evidence: { ...evidence, 'AdminGetUser.UserLastModifiedDate': u.UserLastModifiedDate?.toISOString() ?? null },
        remediation: remediation(
          status === 'UNCONFIRMED'
            ? `Diagnose the confirmation code instead: cognito-doctor sign-up ${username} -p ${ctx.target.userPoolId}.`
            : `Diagnose the reset code instead: cognito-doctor forgot-password ${username} -p ${ctx.target.userPoolId}.`,
          [],
          [docs.signingUp],
        ),
      });
      return outcomes;
    }
    const creation = await ctx.adminCreation();
    outcomes.push(...requestOutcomes(ctx, u, medium, creation, prediction, evidence, resend));
    const expired = expiry(ctx, p, u, resend);
    if (expired) outcomes.push(expired);
    const template = templateOutcome(p);
    if (template) outcomes.push(template);
    if (outcomes.length) return outcomes;
    return {
      status: 'pass',
      message: `User ${username} is FORCE_CHANGE_PASSWORD with a valid temporary password: the invitation goes by ${prediction.channel} to ${maskDestination(prediction.destination)}.`,
      evidence,
    };
  },
};

/** What the AdminCreateUser request asked for, as CloudTrail recorded it, and what came of it. */
function requestOutcomes(
  ctx: Context,
  u: AdminGetUserCommandOutput,
  medium: InvitationMedium,
  creation: AdminCreation | undefined,
  prediction: ChannelPrediction,
  evidence: Evidence,
  resend: ReturnType<typeof write>,
): Outcome[] {
  const username = u.Username!;
  const resendText = `Resend the invitation by the medium that can reach the user (${medium === 'EMAIL' ? 'e-mail' : 'SMS'}); it issues a new temporary password, valid from now:`;
  if (creation?.kind !== 'found') {
    return [
      {
        status: 'info',
        code: 'invite-suppressed-or-sms-default',
        message: `CloudTrail has no AdminCreateUser event for user ${username} ${creation?.kind === 'beyond-history' ? '(it was created more than 90 days ago)' : 'around its creation'}: whether the request said MessageAction=SUPPRESS, and which DesiredDeliveryMediums it named (SMS when none), cannot be told. ${prediction.channel === 'NONE' ? 'The user has no contact an invitation could go to.' : `The invitation can reach the user by ${prediction.channel} to ${maskDestination(prediction.destination)}.`}`,
        evidence,
        remediation: remediation(resendText, [resend], [docs.adminCreateUser]),
      },
    ];
  }
  const e = creation.event;
  const requestEvidence: Evidence = {
    ...evidence,
    'LookupEvents.Events[AdminCreateUser].EventTime': e.time.toISOString(),
    'LookupEvents.Events[AdminCreateUser].CloudTrailEvent.requestParameters.messageAction': e.messageAction ?? null,
    'LookupEvents.Events[AdminCreateUser].CloudTrailEvent.requestParameters.desiredDeliveryMediums':
      e.desiredDeliveryMediums ?? null,
    ...(e.errorCode ? { 'LookupEvents.Events[AdminCreateUser].CloudTrailEvent.errorCode': e.errorCode } : {}),
  };
  const at = e.time.toISOString();
  if (e.messageAction === 'SUPPRESS') {
    return [
      {
        status: 'fail',
        code: 'invite-suppressed-or-sms-default',
        message: `User ${username} was created on ${at} with MessageAction=SUPPRESS (CloudTrail's request parameters): Cognito sent no invitation at all.`,
        evidence: requestEvidence,
        remediation: remediation(resendText, [resend], [docs.adminCreateUser]),
      },
    ];
  }
  if (e.errorCode === 'CodeDeliveryFailureException') {
    return [
      {
        status: 'fail',
        code: 'invite-delivery-failed-user-created',
        message: `AdminCreateUser for ${username} on ${at} failed with CodeDeliveryFailureException, but the user was created (FORCE_CHANGE_PASSWORD): the invitation was not delivered, and creating the user again fails with UsernameExistsException "User account already exists".`,
        evidence: requestEvidence,
        remediation: remediation(
          `Fix the channel (the checks below), then ${resendText.charAt(0).toLowerCase()}${resendText.slice(1)}`,
          [resend],
          [docs.adminCreateUser],
        ),
      },
    ];
  }
  const named = e.desiredDeliveryMediums;
  const mediums = named?.length ? named.join(' and ') : 'SMS (no DesiredDeliveryMediums: the default)';
  if (prediction.channel === 'NONE') {
    return [
      {
        status: 'fail',
        code: 'invite-suppressed-or-sms-default',
        message: `User ${username} was invited on ${at} by ${mediums}, but has no ${named?.includes('EMAIL') ? 'e-mail address' : 'phone number'} for it: the invitation went nowhere.`,
        evidence: requestEvidence,
        remediation: remediation(resendText, [resend], [docs.adminCreateUser]),
      },
    ];
  }
  if (!named?.length && medium === 'EMAIL') {
    return [
      {
        status: 'info',
        code: 'invite-suppressed-or-sms-default',
        message: `User ${username} was invited on ${at} without DesiredDeliveryMediums, so the invitation went by SMS (the default) to ${maskDestination(prediction.destination)}, not to the e-mail address.`,
        evidence: requestEvidence,
        remediation: remediation(
          `Tell the user to look for an SMS, or ${resendText.charAt(0).toLowerCase()}${resendText.slice(1)}`,
          [resend],
          [docs.adminCreateUser],
        ),
      },
    ];
  }
  return [];
}

/** A temporary password lasts the pool's TemporaryPasswordValidityDays from the (re)sent invitation. */
function expiry(
  ctx: Context,
  p: UserPoolType,
  u: AdminGetUserCommandOutput,
  resend: ReturnType<typeof write>,
): Outcome | undefined {
  const configured = p.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays;
  const days = configured ?? DEFAULT_TEMP_PASSWORD_DAYS;
  // A RESEND changes the user: the later of creation and last change is the latest the password was issued.
  const issued = Math.max(u.UserCreateDate?.getTime() ?? 0, u.UserLastModifiedDate?.getTime() ?? 0);
  const age = ctx.target.now.getTime() - issued;
  if (!issued || age <= days * DAY_MS) return undefined;
  return {
    status: 'fail',
    code: 'temp-password-expired',
    message: `User ${u.Username}'s temporary password was issued ${Math.floor(age / DAY_MS)} days ago at the latest, and the pool's temporary passwords last ${days} days: even a delivered invitation no longer works ("Temporary password has expired and must be reset by an administrator.").`,
    evidence: {
      'AdminGetUser.UserCreateDate': u.UserCreateDate?.toISOString() ?? null,
      'AdminGetUser.UserLastModifiedDate': u.UserLastModifiedDate?.toISOString() ?? null,
      'DescribeUserPool.UserPool.Policies.PasswordPolicy.TemporaryPasswordValidityDays':
        configured ?? `(not set: the default of ${DEFAULT_TEMP_PASSWORD_DAYS} days applies)`,
    },
    remediation: remediation(
      'Resend the invitation: it issues a new temporary password and restarts the validity period.',
      [resend],
      [docs.adminCreateUser],
    ),
  };
}

/** The pool's own invitation template must carry the username and the temporary password. */
function templateOutcome(p: UserPoolType): Outcome | undefined {
  const template = p.AdminCreateUserConfig?.InviteMessageTemplate;
  if (!template) return undefined;
  const parts = { EmailMessage: template.EmailMessage, SMSMessage: template.SMSMessage };
  const broken = Object.entries(parts).flatMap(([field, text]) =>
    text === undefined ? [] : PLACEHOLDERS.filter((ph) => !text.includes(ph)).map((ph) => `${field} lacks ${ph}`),
  );
  if (!broken.length) return undefined;
  return {
    status: 'fail',
    code: 'email-template-invalid',
    message: `The pool's invitation template is incomplete (${broken.join('; ')}): the invitation must carry the username ({username}) and the temporary password ({####}), or the user cannot sign in with it.`,
    evidence: {
      'DescribeUserPool.UserPool.AdminCreateUserConfig.InviteMessageTemplate': template,
    },
    remediation: remediation(
      'Put {username} and {####} in AdminCreateUserConfig.InviteMessageTemplate (a full-config update-user-pool, which resets every setting it omits).',
      [],
      [docs.adminCreateUser],
    ),
  };
}

function day(date: Date | undefined): string {
  return date ? date.toISOString().slice(0, 10) : 'an unknown date';
}
