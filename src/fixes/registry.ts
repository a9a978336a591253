// The fixes cognito-doctor can apply itself, keyed by finding code. Each plans one step
// from facts the checklist already read, and applies it with one write through the AwsCaller.
// Nothing here may call update-user-pool / update-user-pool-client: they reset every omitted setting.

import type { IamAction } from '../aws/services.js';
import type { CauseCode } from '../causes.js';
import { aws, markVerifiedCommand, poolUser, resendInvitationCommand, setPasswordCommand } from '../remedy/commands.js';
import { predictChannel } from '../domain/channel.js';
import type { FixFacts, Fixer, FixStep } from './types.js';

/** A step the operator chose not to apply after all (no password typed, passwords differ). */
export class NotApplied extends Error {
  override readonly name = 'NotApplied';
}

/** A cognito-idp admin command on this user with no further arguments. */
function cognitoCommand(facts: FixFacts, verb: string): string {
  return aws(facts.ctx, ['cognito-idp', verb, ...poolUser(facts.ctx, facts.username)]);
}

function status(facts: FixFacts): string {
  return facts.user.UserStatus ?? 'UNKNOWN';
}

/**
 * The contact attribute to mark verified: the one Cognito's recovery rule would pick if every
 * unverified contact were verified, so a single assertion of ownership makes a channel qualify.
 */
export function attributeToVerify(facts: FixFacts): 'email' | 'phone_number' | undefined {
  const a = facts.attributes;
  const unverified = (['email', 'phone_number'] as const).filter((n) => a[n] && a[`${n}_verified`] !== 'true');
  if (!unverified.length) return undefined;
  const hypothetical = { ...a, ...Object.fromEntries(unverified.map((n) => [`${n}_verified`, 'true'])) };
  const prediction = predictChannel({
    mechanisms: facts.pool.AccountRecoverySetting?.RecoveryMechanisms,
    attributes: hypothetical,
    mfa: facts.mfa,
  });
  const chosen = prediction.attribute;
  return chosen && unverified.includes(chosen) ? chosen : undefined;
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
    const name = `${attribute}_verified`;
    const value = facts.attributes[attribute]!;
    const what = attribute === 'email' ? 'e-mail address' : 'phone number';
    return {
      code: finding.code!,
      check: finding.check,
      summary: `Mark ${facts.username}'s ${what} ${value} as verified`,
      command: markVerifiedCommand(facts.ctx, facts.username, attribute),
      action: 'cognito-idp:AdminUpdateUserAttributes',
      region: facts.ctx.target.region,
      caution: `This asserts that ${facts.username} controls ${value}. Marking a contact verified without proof of ownership lets whoever holds it take over the account: confirm ownership out of band first.`,
      apply: async ({ aws: caller }) => {
        await caller.write(
          'cognito-idp:AdminUpdateUserAttributes',
          facts.ctx.target.region,
          (m) => m.AdminUpdateUserAttributesCommand,
          {
            UserPoolId: facts.ctx.target.userPoolId,
            Username: facts.username,
            UserAttributes: [{ Name: name, Value: 'true' }],
          },
        );
      },
    };
  },
};

const enableUser: Fixer = {
  codes: ['user-disabled'],
  actions: ['cognito-idp:AdminEnableUser'],
  async plan(finding, facts) {
    if (facts.user.Enabled !== false) return undefined;
    return {
      code: finding.code!,
      check: finding.check,
      summary: `Enable user ${facts.username}`,
      command: cognitoCommand(facts, 'admin-enable-user'),
      action: 'cognito-idp:AdminEnableUser',
      region: facts.ctx.target.region,
      caution:
        'Users are disabled for a reason (offboarding, abuse, a security incident): enable it only if that no longer applies.',
      apply: async ({ aws: caller }) => {
        await caller.write('cognito-idp:AdminEnableUser', facts.ctx.target.region, (m) => m.AdminEnableUserCommand, {
          UserPoolId: facts.ctx.target.userPoolId,
          Username: facts.username,
        });
      },
    };
  },
};

const confirmSignUp: Fixer = {
  codes: ['user-unconfirmed'],
  actions: ['cognito-idp:AdminConfirmSignUp'],
  async plan(finding, facts) {
    if (status(facts) !== 'UNCONFIRMED') return undefined;
    return {
      code: finding.code!,
      check: finding.check,
      summary: `Confirm the sign-up of ${facts.username}`,
      command: cognitoCommand(facts, 'admin-confirm-sign-up'),
      action: 'cognito-idp:AdminConfirmSignUp',
      region: facts.ctx.target.region,
      caution:
        'This confirms the sign-up without the code the user was sent. It does not verify the e-mail address or phone number: a code still needs a verified contact.',
      apply: async ({ aws: caller }) => {
        await caller.write(
          'cognito-idp:AdminConfirmSignUp',
          facts.ctx.target.region,
          (m) => m.AdminConfirmSignUpCommand,
          { UserPoolId: facts.ctx.target.userPoolId, Username: facts.username },
        );
      },
    };
  },
};

/** AdminSetUserPassword with a password typed twice at a hidden prompt: never from argv or a file. */
function setPasswordStep(finding: { code: CauseCode; check: string }, facts: FixFacts): FixStep {
  return {
    code: finding.code,
    check: finding.check,
    summary: `Set a permanent password for ${facts.username}, typed now at a hidden prompt`,
    command: setPasswordCommand(facts.ctx, facts.username),
    action: 'cognito-idp:AdminSetUserPassword',
    region: facts.ctx.target.region,
    caution: 'You then have to give the password to the user over a secure channel.',
    interactiveOnly: true,
    apply: async ({ aws: caller, operator }) => {
      const password = await operator.secret(`New password for ${facts.username} (not shown): `);
      if (!password) throw new NotApplied('no password was typed');
      if ((await operator.secret('Type it again: ')) !== password) throw new NotApplied('the passwords differ');
      await caller.write(
        'cognito-idp:AdminSetUserPassword',
        facts.ctx.target.region,
        (m) => m.AdminSetUserPasswordCommand,
        { UserPoolId: facts.ctx.target.userPoolId, Username: facts.username, Password: password, Permanent: true },
      );
    },
  };
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
    const alternative = setPasswordStep({ code: finding.code!, check: finding.check }, facts);
    // DesiredDeliveryMediums defaults to SMS: name the medium the user can actually receive.
    const medium = facts.attributes.email ? 'EMAIL' : facts.attributes.phone_number ? 'SMS' : undefined;
    if (!medium) return alternative;
    const destination = medium === 'EMAIL' ? facts.attributes.email : facts.attributes.phone_number;
    return {
      code: finding.code!,
      check: finding.check,
      summary: `Resend the invitation to ${facts.username} with a new temporary password, by ${medium === 'EMAIL' ? 'e-mail' : 'SMS'} to ${destination}`,
      command: resendInvitationCommand(facts.ctx, facts.username, medium),
      action: 'cognito-idp:AdminCreateUser',
      region: facts.ctx.target.region,
      afterwards:
        'The user stays FORCE_CHANGE_PASSWORD until they sign in with the new temporary password and choose their own; ForgotPassword works after that.',
      alternative,
      apply: async ({ aws: caller }) => {
        await caller.write('cognito-idp:AdminCreateUser', facts.ctx.target.region, (m) => m.AdminCreateUserCommand, {
          UserPoolId: facts.ctx.target.userPoolId,
          Username: facts.username,
          MessageAction: 'RESEND',
          DesiredDeliveryMediums: [medium],
        });
      },
    };
  },
};

const unsuppressAddress: Fixer = {
  codes: ['ses-account-suppression-list'],
  actions: ['ses:DeleteSuppressedDestination'],
  async plan(finding, facts) {
    const address = facts.attributes.email;
    if (!address) return undefined;
    const region = await facts.ctx.sesRegion();
    const reason = finding.evidence['GetSuppressedDestination.SuppressedDestination.Reason'];
    return {
      code: finding.code!,
      check: finding.check,
      summary: `Remove ${address} from the SES account suppression list in ${region}`,
      command: aws(facts.ctx, ['sesv2', 'delete-suppressed-destination', '--email-address', address], region),
      action: 'ses:DeleteSuppressedDestination',
      region,
      caution: `SES suppressed the address after a ${typeof reason === 'string' ? reason.toLowerCase() : 'bounce or complaint'}: remove it only once the address is known to receive mail again, or SES suppresses it again.`,
      apply: async ({ aws: caller }) => {
        await caller.write('ses:DeleteSuppressedDestination', region, (m) => m.DeleteSuppressedDestinationCommand, {
          EmailAddress: address,
        });
      },
    };
  },
};

const optInNumber: Fixer = {
  codes: ['sms-opted-out'],
  actions: ['sns:OptInPhoneNumber'],
  async plan(finding, facts) {
    const phone = facts.attributes.phone_number;
    if (!phone) return undefined;
    const { region } = await facts.ctx.smsRegion();
    return {
      code: finding.code!,
      check: finding.check,
      summary: `Opt ${phone} back in to SMS from this account in ${region}`,
      command: aws(facts.ctx, ['sns', 'opt-in-phone-number', '--phone-number', phone], region),
      action: 'sns:OptInPhoneNumber',
      region,
      caution:
        "The number's owner replied STOP: opt it back in only with their consent. SNS allows this once every 30 days per number.",
      afterwards: 'SNS can take a few minutes to reflect an opt-in: check again later.',
      apply: async ({ aws: caller }) => {
        await caller.write('sns:OptInPhoneNumber', region, (m) => m.OptInPhoneNumberCommand, { phoneNumber: phone });
      },
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
