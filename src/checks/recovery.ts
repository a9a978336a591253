import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { Context } from '../context/index.js';
import { activeMfa } from '../domain/user-resolution.js';
import {
  maskDestination,
  noChannelCause,
  predictChannel,
  verifiedContacts,
  type ChannelPrediction,
  type MechanismVerdict,
} from '../domain/channel.js';
import { aws, markVerifiedRequest, setPasswordRequest, write } from '../remedy/commands.js';
import { docs } from '../remedy/links.js';
import { remediation } from './remedy.js';
import type { Check, Evidence, Outcome } from './types.js';

const DAY_MS = 86_400_000;
/** How recent a pool update must be to suspect it reset the messaging settings. */
const RECENT_UPDATE_MS = 7 * DAY_MS;

export const recovery: Check = {
  id: 'recovery',
  title: "The pool's account-recovery setting lets this user receive a code",
  scope: 'core',
  dependsOn: ['pool', 'user'],
  codes: [
    'recovery-admin-only',
    'recovery-channel-not-verified-for-user',
    'sms-mfa-disqualifies-phone',
    'email-mfa-disqualifies-email',
    'legacy-phone-preferred',
    'update-user-pool-reset-defaults',
    'unrecognised-recovery-mechanism',
  ],
  reads: ['cognito-idp:DescribeUserPool', 'cognito-idp:AdminGetUser'],
  docs: [docs.recovery],
  async run(ctx) {
    const [p, prediction, { user: u, attributes: a }] = await Promise.all([ctx.pool(), ctx.channel(), ctx.user()]);
    const mechanisms = p.AccountRecoverySetting?.RecoveryMechanisms;
    if (!u && ctx.target.census) return poolOutcomes(ctx, p);
    if (!u || !prediction) return { status: 'skip', message: 'No user was resolved.' };
    const evidence: Evidence = {
      'DescribeUserPool.UserPool.AccountRecoverySetting.RecoveryMechanisms': mechanisms ?? null,
      mechanisms: prediction.mechanisms.map(
        (m) => `${m.priority}. ${m.name}: ${m.qualifies ? 'qualifies' : 'does not qualify'} (${m.reason})`,
      ),
    };
    const outcomes = settingOutcomes(ctx, p, evidence);
    const main = channelOutcome(ctx, p, prediction, u.Username!, a, evidence, activeMfa(u, p.MfaConfiguration));
    outcomes.push(...main);
    const notable = outcomes.filter((o) => o.status !== 'pass' && o.status !== 'skip');
    return notable.length ? notable : main;
  },
};

/** What the recovery setting alone says, for every user: a recent reset to defaults, an unknown mechanism. */
function settingOutcomes(ctx: Context, p: UserPoolType, evidence: Evidence): Outcome[] {
  const outcomes: Outcome[] = [];
  const reset = resetDefaults(ctx, p);
  if (reset) outcomes.push(reset);
  const unknown = (p.AccountRecoverySetting?.RecoveryMechanisms ?? []).filter(
    (m) => !KNOWN_MECHANISMS.has(m.Name ?? ''),
  );
  if (unknown.length) {
    outcomes.push({
      status: 'warn',
      code: 'unrecognised-recovery-mechanism',
      message: `The pool's AccountRecoverySetting names ${unknown.map((m) => JSON.stringify(m.Name ?? null)).join(', ')}, which cognito-doctor does not know: where the code goes may differ from what this report says.`,
      evidence,
      remediation: remediation(
        'Look at the recovery setting in the console or with describe-user-pool:',
        [aws(ctx, ['cognito-idp', 'describe-user-pool', '--user-pool-id', ctx.target.userPoolId])],
        [docs.recovery],
      ),
    });
  }
  return outcomes;
}

/** The pool alone (the census): the setting's own findings, and admin_only, which refuses every user. */
function poolOutcomes(ctx: Context, p: UserPoolType): Outcome[] | Outcome {
  const mechanisms = p.AccountRecoverySetting?.RecoveryMechanisms;
  const evidence: Evidence = {
    'DescribeUserPool.UserPool.AccountRecoverySetting.RecoveryMechanisms': mechanisms ?? null,
  };
  const outcomes = settingOutcomes(ctx, p, evidence);
  const prediction = predictChannel({ mechanisms, attributes: {}, mfa: [] });
  if (prediction.rule === 'admin-only') outcomes.push(adminOnly(ctx, evidence));
  if (outcomes.length) return outcomes;
  const order = prediction.mechanisms.map((m) => m.name).join(', then ');
  return {
    status: 'pass',
    message:
      prediction.rule === 'legacy'
        ? 'The pool has no AccountRecoverySetting: Cognito uses the legacy rule (a verified phone number, then a verified e-mail address).'
        : `Users recover their account through ${order}: each user is judged against it below.`,
    evidence,
  };
}

const KNOWN_MECHANISMS = new Set(['verified_email', 'verified_phone_number', 'admin_only']);

const MFA_CODE = { SMS_MFA: 'sms-mfa-disqualifies-phone', EMAIL_OTP: 'email-mfa-disqualifies-email' } as const;

/** admin_only: nobody gets a code; an administrator sets the password (this user's, when there is one). */
function adminOnly(ctx: Context, evidence: Evidence, username?: string): Outcome {
  return {
    status: 'fail',
    code: 'recovery-admin-only',
    message: 'The pool allows no self-service recovery (admin_only): ForgotPassword is refused for every user.',
    evidence,
    remediation: remediation(
      'An administrator sets the password (set NEW_PASSWORD first; give it over a secure channel). Enabling self-service recovery needs a full-config update-user-pool, which resets every setting it omits.',
      username ? [write(ctx, setPasswordRequest(ctx, username))] : [],
      [docs.recovery],
    ),
  };
}

/** The outcome(s) for where the code goes: admin-only, nowhere (and why), or a channel (and how). */
function channelOutcome(
  ctx: Context,
  p: UserPoolType,
  prediction: ChannelPrediction,
  username: string,
  a: Record<string, string>,
  evidence: Evidence,
  mfa: string[],
): Outcome[] {
  const mfaEvidence = {
    'DescribeUserPool.UserPool.MfaConfiguration': p.MfaConfiguration ?? null,
    'AdminGetUser.UserMFASettingList': mfa,
  };
  const cause = noChannelCause(prediction, a);
  if (cause === 'recovery-admin-only') return [adminOnly(ctx, evidence, username)];
  const disqualified = prediction.mechanisms.filter((m) => m.disqualifiedBy);
  if (cause) {
    if (cause === 'sms-mfa-disqualifies-phone' || cause === 'email-mfa-disqualifies-email') {
      // Verified, but ruled out by MFA: this is why nothing qualifies.
      return disqualified.map((m) => mfaOutcome(ctx, m, username, 'fail', prediction, { ...evidence, ...mfaEvidence }));
    }
    const verified = verifiedContacts(a);
    if (cause === 'no-verified-contact') {
      return [
        {
          status: 'skip',
          message: 'No recovery mechanism qualifies because nothing is verified (see the contact check).',
          evidence,
        },
      ];
    }
    const allowed = prediction.mechanisms.map((m) => m.name).join(', ');
    const needed = verified[0] === 'email' ? 'phone_number' : 'email';
    return [
      {
        status: 'fail',
        code: 'recovery-channel-not-verified-for-user',
        message: `The pool recovers accounts only through ${allowed}, but this user has only a verified ${verified.join(' and ')} that does not qualify: ForgotPassword fails with "Cannot reset password for the user as there is no registered/verified email or phone_number".`,
        evidence,
        remediation: remediation(
          `Verify the user's ${needed} (after confirming ownership out of band), or add a recovery mechanism with a full-config update-user-pool:`,
          a[needed]
            ? [write(ctx, markVerifiedRequest(ctx, username, needed))]
            : [write(ctx, setPasswordRequest(ctx, username))],
          [docs.recovery],
        ),
      },
    ];
  }
  const where = `${prediction.channel} to ${maskDestination(prediction.destination)}`;
  const outcomes: Outcome[] = [];
  // A mechanism ranked above the chosen one was ruled out by MFA: the code went the other way.
  const ahead = prediction.mechanisms.slice(
    0,
    prediction.mechanisms.findIndex((m) => m.qualifies),
  );
  for (const m of ahead.filter((d) => d.disqualifiedBy)) {
    outcomes.push(mfaOutcome(ctx, m, username, 'info', prediction, { ...evidence, ...mfaEvidence }));
  }
  const phoneFirst = prediction.rule === 'legacy' || prediction.mechanisms[0]?.name === 'verified_phone_number';
  if (prediction.channel === 'SMS' && phoneFirst && a.email) {
    outcomes.push({
      status: 'info',
      code: 'legacy-phone-preferred',
      message:
        prediction.rule === 'legacy'
          ? `The pool has no AccountRecoverySetting, so Cognito uses the legacy rule (verified phone first, and SMS MFA does not rule it out): the code goes by ${where}, not to the e-mail address.`
          : `The pool's AccountRecoverySetting puts verified_phone_number first: the code goes by ${where}, not to the e-mail address the user may be watching.`,
      evidence: {
        ...evidence,
        'AdminGetUser.UserAttributes.phone_number_verified': a.phone_number_verified ?? null,
        'AdminGetUser.UserAttributes.email_verified': a.email_verified ?? null,
      },
      remediation: remediation(
        'Tell the user to look for an SMS. To prefer e-mail, set the recovery mechanisms to verified_email first (a full-config update-user-pool, which resets every setting it omits), or fix SMS delivery.',
        [],
        [docs.recovery],
      ),
    });
  }
  if (outcomes.length) return outcomes;
  return [
    {
      status: 'pass',
      message: `The code goes by ${where} (${prediction.rule === 'legacy' ? 'legacy rule: no AccountRecoverySetting, verified phone first, then e-mail' : 'AccountRecoverySetting'}).`,
      evidence,
    },
  ];
}

function mfaOutcome(
  ctx: Context,
  m: MechanismVerdict,
  username: string,
  status: 'fail' | 'info',
  prediction: ChannelPrediction,
  evidence: Evidence,
): Outcome {
  const factor = m.disqualifiedBy!;
  const sms = factor === 'SMS_MFA';
  const what = sms ? 'phone number' : 'e-mail address';
  const mfaName = sms ? 'SMS MFA' : 'e-mail MFA (EMAIL_OTP)';
  const where =
    prediction.channel === 'NONE'
      ? 'no other mechanism qualifies, so ForgotPassword fails with "Cannot reset password for the user as there is no registered/verified email or phone_number".'
      : `so the code goes by ${prediction.channel} to ${maskDestination(prediction.destination)} instead.`;
  return {
    status,
    code: MFA_CODE[factor],
    message: `User ${username}'s ${what} is verified, but ${mfaName} is active for the user, and with an AccountRecoverySetting an MFA factor cannot also be the recovery channel (${m.name} does not qualify): ${where}`,
    evidence,
    ...(status === 'fail'
      ? {
          remediation: remediation(
            `By design. Give the user a verified ${sms ? 'e-mail address' : 'phone number'} and a ${sms ? 'verified_email' : 'verified_phone_number'} recovery mechanism (a full-config update-user-pool), or have an administrator set the password (set NEW_PASSWORD first; give it over a secure channel):`,
            [write(ctx, setPasswordRequest(ctx, username))],
            [docs.recovery, docs.mfa],
          ),
        }
      : {}),
  };
}

/**
 * UpdateUserPool resets every setting it is not given. A recent update with the messaging settings
 * at their defaults is the trace a partial update leaves.
 */
function resetDefaults(ctx: Context, p: UserPoolType): Outcome | undefined {
  const modified = p.LastModifiedDate?.getTime();
  if (modified === undefined || ctx.target.now.getTime() - modified > RECENT_UPDATE_MS) return undefined;
  if (p.CreationDate && modified - p.CreationDate.getTime() < DAY_MS) return undefined;
  const lambda = p.LambdaConfig ?? {};
  const atDefault: Record<string, boolean> = {
    EmailConfiguration: !p.EmailConfiguration?.SourceArn && p.EmailConfiguration?.EmailSendingAccount !== 'DEVELOPER',
    SmsConfiguration: !p.SmsConfiguration?.SnsCallerArn,
    AccountRecoverySetting: !p.AccountRecoverySetting?.RecoveryMechanisms?.length,
    AutoVerifiedAttributes: !p.AutoVerifiedAttributes?.length,
    'LambdaConfig (messaging triggers)': !lambda.CustomMessage && !lambda.CustomEmailSender && !lambda.CustomSMSSender,
  };
  const defaults = Object.keys(atDefault).filter((k) => atDefault[k]);
  // One default setting is an ordinary choice; a pool-wide set of them after an update is the trace.
  if (defaults.length < 3) return undefined;
  return {
    status: 'info',
    code: 'update-user-pool-reset-defaults',
    message: `The pool was updated on ${p.LastModifiedDate!.toISOString().slice(0, 10)} and these settings are at their defaults: ${defaults.join(', ')}. UpdateUserPool resets every setting a call omits: if messaging stopped after that update, a partial update-user-pool call (a deploy or a script) may have dropped the e-mail, SMS, trigger or recovery configuration.`,
    evidence: {
      'DescribeUserPool.UserPool.LastModifiedDate': p.LastModifiedDate!.toISOString(),
      'DescribeUserPool.UserPool.EmailConfiguration': p.EmailConfiguration ?? null,
      'DescribeUserPool.UserPool.SmsConfiguration': p.SmsConfiguration ?? null,
      'DescribeUserPool.UserPool.AccountRecoverySetting': p.AccountRecoverySetting ?? null,
      'DescribeUserPool.UserPool.AutoVerifiedAttributes': p.AutoVerifiedAttributes ?? null,
      'DescribeUserPool.UserPool.LambdaConfig': lambda,
    },
    remediation: remediation(
      'Compare the configuration with your infrastructure code and re-apply the full configuration (never a partial update-user-pool). CloudTrail shows the UpdateUserPool call and its parameters:',
      [
        aws(ctx, [
          'cloudtrail',
          'lookup-events',
          '--lookup-attributes',
          'AttributeKey=EventName,AttributeValue=UpdateUserPool',
          '--start-time',
          new Date(modified - DAY_MS).toISOString(),
        ]),
      ],
      [docs.updateUserPool],
    ),
  };
}
