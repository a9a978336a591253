// The fixes cognito-doctor can apply itself, keyed by finding code. A fixer never describes a write
// of its own: it picks one the finding's remediation published (the check knows the route, the
// Region and the input), and adds what the operator must hear before saying yes.
// Nothing here may call update-user-pool / update-user-pool-client: they reset every omitted setting.

import { AwsCallError } from '../aws/errors.js';
import type { IamAction } from '../aws/services.js';
import type { CauseCode } from '../causes.js';
import { requestOf } from '../remedy/commands.js';
import type { Finding } from '../checks/types.js';
import type { PublishedRequest } from '../remedy/write-request.js';
import { contactToVerify } from '../domain/channel.js';
import { asText } from '../domain/text.js';
import { verifiedElsewhere, type ContactHolders } from '../domain/contact-holders.js';
import type { FixFacts, Fixer, FixStep } from './types.js';

/** A step the operator chose not to apply after all (no password typed, passwords differ). */
export class NotApplied extends Error {
  override readonly name = 'NotApplied';
}

function status(facts: FixFacts): string {
  return facts.user.UserStatus ?? 'UNKNOWN';
}

/** The contact attribute to mark verified (see contactToVerify). */
export function attributeToVerify(facts: FixFacts): 'email' | 'phone_number' | undefined {
  return contactToVerify({
    mechanisms: facts.pool.AccountRecoverySetting?.RecoveryMechanisms,
    attributes: facts.attributes,
    mfa: facts.mfa,
  });
}

type StepText = Omit<FixStep, 'code' | 'check' | 'request' | 'command'>;

/** The step for the finding's published write of `action` (the first that `match` accepts), if any. */
function stepFor(
  finding: Finding,
  action: IamAction,
  text: StepText,
  match: (r: PublishedRequest) => boolean = () => true,
): FixStep | undefined {
  const published = finding.remediation?.requests?.find((r) => r.action === action && match(r));
  if (!published) return undefined;
  return {
    code: finding.code!,
    check: finding.check,
    request: requestOf(published),
    command: published.command,
    ...text,
  };
}

const markVerified: Fixer = {
  // An UNCONFIRMED user has nothing verified either; the contact check leaves that to user-unconfirmed.
  codes: [
    'user-unconfirmed',
    'no-verified-contact',
    'recovery-channel-not-verified-for-user',
    'admin-created-without-verified-flag',
    'imported-without-verified-flag',
    'presignup-autoconfirm-without-autoverify',
    'attribute-changed-now-unverified',
  ],
  actions: ['cognito-idp:AdminUpdateUserAttributes'],
  async plan(finding, facts) {
    if (finding.code === 'user-unconfirmed' && status(facts) !== 'UNCONFIRMED') return undefined;
    const attribute = attributeToVerify(facts);
    if (!attribute) return undefined;
    const value = facts.attributes[attribute]!;
    const what = attribute === 'email' ? 'e-mail address' : 'phone number';
    const step = stepFor(
      finding,
      'cognito-idp:AdminUpdateUserAttributes',
      {
        summary: `Mark ${facts.username}'s ${what} ${value} as verified`,
        caution: `This asserts that ${facts.username} controls ${value}. Marking a contact verified without proof of ownership lets whoever holds it take over the account: confirm ownership out of band first.`,
      },
      (r) =>
        JSON.stringify(r.input.UserAttributes) === JSON.stringify([{ Name: `${attribute}_verified`, Value: 'true' }]),
    );
    if (!step) return undefined;
    let holders: ContactHolders | undefined;
    try {
      holders = await facts.ctx.contactHolders(attribute);
    } catch (err) {
      // The search denied, failed, or cut short by the user's time limit in a batch.
      const why =
        err instanceof AwsCallError
          ? `${err.action}: ${err.awsCode}`
          : err instanceof Error
            ? err.message
            : String(err);
      const denied = err instanceof AwsCallError && err.kind === 'access-denied';
      return {
        ...step,
        refused: `Refused: could not check whether another account holds ${value} verified (${why}); marking it verified could take it from that account. ${denied ? 'Grant cognito-idp:ListUsers and run again.' : 'Run again.'}`,
      };
    }
    const verified = holders ? verifiedElsewhere(holders) : [];
    if (!verified.length && holders?.truncated) {
      return {
        ...step,
        refused: `Refused: more accounts of the pool hold ${value} than were read, and one of them may hold it verified; marking it verified could take it from that account. Check with aws cognito-idp list-users --filter '${attribute} = "${value}"' first.`,
      };
    }
    if (!verified.length) return step;
    const names = verified.map((h) => `${h.username} (${h.status})`).join(', ');
    return {
      ...step,
      refused: `Refused: ${value} is already the verified ${what} of ${names}. Marking it verified for ${facts.username} would move it away from ${verified.length > 1 ? 'those accounts' : 'that account'} (no more sign-in by it, no more reset codes to it). Find out which account the person owns: if it is ${verified.length > 1 ? 'one of those' : 'that one'}, have them reset that account; otherwise give ${facts.username} a contact of its own.`,
    };
  },
};

const enableUser: Fixer = {
  codes: ['user-disabled'],
  actions: ['cognito-idp:AdminEnableUser'],
  async plan(finding, facts) {
    if (facts.user.Enabled !== false) return undefined;
    return stepFor(finding, 'cognito-idp:AdminEnableUser', {
      summary: `Enable user ${facts.username}`,
      caution:
        'Users are disabled for a reason (offboarding, abuse, a security incident): enable it only if that no longer applies.',
    });
  },
};

const confirmSignUp: Fixer = {
  // The sign-up flow: with verification off, no code can ever come; an administrator confirms instead.
  codes: ['user-unconfirmed', 'auto-verification-disabled'],
  actions: ['cognito-idp:AdminConfirmSignUp'],
  async plan(finding, facts) {
    if (status(facts) !== 'UNCONFIRMED') return undefined;
    return stepFor(finding, 'cognito-idp:AdminConfirmSignUp', {
      summary: `Confirm the sign-up of ${facts.username}`,
      caution:
        'This confirms the sign-up without the code the user was sent. It does not verify the e-mail address or phone number: a code still needs a verified contact.',
    });
  },
};

/** AdminSetUserPassword with a password typed twice at a hidden prompt: never from argv or a file. */
function setPasswordStep(finding: Finding, facts: FixFacts): FixStep | undefined {
  return stepFor(finding, 'cognito-idp:AdminSetUserPassword', {
    summary: `Set a permanent password for ${facts.username}, typed now at a hidden prompt`,
    caution: 'You then have to give the password to the user over a secure channel.',
    needs: 'secret',
  });
}

const resendInvitation: Fixer = {
  codes: [
    'user-force-change-password',
    'temp-password-expired',
    'invite-suppressed-or-sms-default',
    'invite-delivery-failed-user-created',
  ],
  actions: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminSetUserPassword'],
  async plan(finding, facts) {
    if (status(facts) !== 'FORCE_CHANGE_PASSWORD') return undefined;
    const alternative = setPasswordStep(finding, facts);
    const resend = stepFor(finding, 'cognito-idp:AdminCreateUser', {
      summary: `Resend the invitation to ${facts.username} with a new temporary password`,
      afterwards:
        'The user stays FORCE_CHANGE_PASSWORD until they sign in with the new temporary password and choose their own; ForgotPassword works after that.',
    });
    if (!resend) return alternative;
    const medium = (resend.request.input.DesiredDeliveryMediums as readonly string[] | undefined)?.[0];
    const channel = medium === 'SMS' ? 'SMS' : 'EMAIL';
    const destination = channel === 'SMS' ? facts.attributes.phone_number : facts.attributes.email;
    const by = `by ${channel === 'SMS' ? 'SMS' : 'e-mail'}${destination ? ` to ${destination}` : ''}`;
    // The verification template (ForgotPassword's) does not carry an invitation, which has its own.
    const failing = (facts.failing[channel] ?? []).filter((code) => code !== 'email-template-invalid');
    return {
      ...resend,
      summary: `${resend.summary}, ${by}`,
      ...(alternative ? { alternative } : {}),
      // The resend replaces the temporary password the user was sent: by a failing channel, the new one never arrives.
      ...(failing.length
        ? {
            refused: `Refused: the invitation would go ${by}, and this report finds that channel failing (${failing.join(', ')}). A resend issues a new temporary password and the one sent before stops working, so the user would be left with none that arrived. Fix the channel first, then resend.${alternative ? ` Or set a permanent password instead, which --fix offers at a terminal (${alternative.command}).` : ''}`,
          }
        : {}),
    };
  },
};

const unsuppressAddress: Fixer = {
  codes: ['ses-account-suppression-list'],
  actions: ['ses:DeleteSuppressedDestination'],
  async plan(finding) {
    const reason = finding.evidence['GetSuppressedDestination.SuppressedDestination.Reason'];
    const step = stepFor(finding, 'ses:DeleteSuppressedDestination', { summary: '' });
    if (!step) return undefined;
    return {
      ...step,
      summary: `Remove ${asText(step.request.input.EmailAddress)} from the SES account suppression list in ${step.request.region}`,
      caution: `SES suppressed the address after a ${typeof reason === 'string' ? reason.toLowerCase() : 'bounce or complaint'}: remove it only once the address is known to receive mail again, or SES suppresses it again.`,
    };
  },
};

const OPT_IN_CAUTION =
  "The number's owner replied STOP: opting it back in overrides their choice, so do it only with their consent. It can be done once every 30 days per number.";

const optInNumber: Fixer = {
  codes: ['sms-opted-out'],
  actions: ['sns:OptInPhoneNumber', 'sms-voice:DeleteOptedOutNumber'],
  async plan(finding) {
    // The check published the write for the route Cognito sends through: SNS, or End User Messaging.
    const step =
      stepFor(finding, 'sns:OptInPhoneNumber', { summary: '' }) ??
      stepFor(finding, 'sms-voice:DeleteOptedOutNumber', { summary: '' });
    if (!step) return undefined;
    const input = step.request.input;
    const number = asText(input.phoneNumber ?? input.OptedOutNumber);
    const where =
      step.request.action === 'sns:OptInPhoneNumber'
        ? `SNS in ${step.request.region}`
        : `the End User Messaging opt-out list ${asText(input.OptOutListName)} in ${step.request.region}`;
    return {
      ...step,
      summary: `Opt ${number} back in to SMS (${where})`,
      caution: OPT_IN_CAUTION,
      needs: 'explicit',
      afterwards: 'The opt-out list can take a few minutes to reflect an opt-in: check again later.',
    };
  },
};

/** Every fixer, in no particular order: steps are applied in checklist order. */
export const fixers: readonly Fixer[] = [
  enableUser,
  confirmSignUp,
  resendInvitation,
  markVerified,
  unsuppressAddress,
  optInNumber,
];

/** The fixers for a code, in the order their steps apply; empty when nothing can be fixed. */
export function fixersFor(code: CauseCode | undefined): Fixer[] {
  return code ? fixers.filter((f) => f.codes.includes(code)) : [];
}

/** Every IAM action --fix may need: the source of iam/fix-policy.json. */
export function fixActions(): IamAction[] {
  return [...new Set(fixers.flatMap((f) => f.actions))].sort();
}
