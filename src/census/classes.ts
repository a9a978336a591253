// What each census class means, what ListUsers can and cannot prove about it, and its fix: one entry a
// class. Fix commands are the same requests the single diagnosis prints, for a username the operator sets.

import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { Context } from '../context/index.js';
import type { ReachClass } from '../domain/reach.js';
import {
  confirmSignUpRequest,
  enableUserRequest,
  markVerifiedRequest,
  resendInvitationRequest,
  setPasswordRequest,
  write,
} from '../remedy/commands.js';
import type { WriteRequest } from '../remedy/write-request.js';
import type { ResendReach } from './tally.js';

export interface ClassFix {
  text: string;
  /** `aws` lines for one user of the class: set USERNAME (and any other variable named) first. */
  commands: string[];
}

export interface ClassInfo {
  title: string;
  /** What ListUsers proves for this class, and what only a single diagnosis can tell. */
  known: string;
  fix: ClassFix | null;
}

/** The username each printed command reads from the shell, since a class holds many users. */
const USERNAME = '$USERNAME';

/** A write's line for the user in $USERNAME: the shell expands it, so it is double-quoted, not escaped. */
function perUser(ctx: Context, request: (ctx: Context, username: string) => WriteRequest): string {
  return write(ctx, request(ctx, USERNAME)).line.replace(`'${USERNAME}'`, '"${USERNAME:?set USERNAME}"');
}

const SINGLE =
  'run `cognito-doctor forgot-password <username>` for one user for how it happened (CloudTrail, imports, triggers)';

/**
 * A resent invitation names the medium that reaches each user (the rule the single diagnosis uses):
 * one line per medium the class's users need, and a word for those no medium reaches.
 */
function resendFix(ctx: Context, lead: string, resends: ReadonlyMap<ResendReach, number> = new Map()): ClassFix {
  const n = (r: ResendReach) => resends.get(r) ?? 0;
  const users = (count: number, what: string) => `the ${count} user${count === 1 ? '' : 's'} ${what}`;
  const groups = [
    n('EMAIL') ? `by EMAIL for ${users(n('EMAIL'), 'with an e-mail address')}` : '',
    n('SMS') ? `by SMS for ${users(n('SMS'), 'with a phone number and no e-mail address')}` : '',
  ].filter(Boolean);
  const none = n('NONE')
    ? ` No invitation reaches ${users(n('NONE'), 'with neither an e-mail address nor a phone number')} until an administrator sets one.`
    : '';
  return {
    text: `${lead}${none}${groups.length ? ` Resend it ${groups.join(', ')}:` : ''}`,
    commands: (['EMAIL', 'SMS'] as const)
      .filter((m) => n(m))
      .map((m) => perUser(ctx, (c, u) => resendInvitationRequest(c, u, m))),
  };
}

export function classInfo(
  ctx: Context,
  id: ReachClass,
  pool?: UserPoolType,
  resends?: ReadonlyMap<ResendReach, number>,
): ClassInfo {
  switch (id) {
    case 'email':
    case 'sms': {
      const channel = id === 'email' ? 'e-mail' : 'SMS';
      return {
        title: `ForgotPassword sends the code by ${channel}`,
        known:
          'Certain from ListUsers (status, Enabled, the verified flags) and the recovery setting, except MFA: with pool MFA on or optional, an MFA factor of the user could send the code by the other verified contact. Whether it arrives is the pool-level channel checks above.',
        fix: null,
      };
    }
    case 'mfa-may-disqualify':
      return {
        title: 'Reachable only if no MFA factor rules out the only qualifying contact',
        known:
          "ListUsers shows no MFA settings: if the user has SMS MFA (for a phone) or e-mail MFA (for an address) active, that contact cannot also be the recovery channel and no code is sent. `cognito-doctor forgot-password <username>` reads the user's MFA (AdminGetUser) and says which.",
        fix: {
          text: 'For a user who reports no code: give the user a second verified contact that a recovery mechanism uses, or have an administrator set the password (set NEW_PASSWORD first; give it over a secure channel).',
          commands: [perUser(ctx, setPasswordRequest)],
        },
      };
    case 'recovery-admin-only':
      return {
        title: 'Self-service recovery is off (admin_only): no user gets a code',
        known: "Certain: the pool's AccountRecoverySetting.",
        fix: {
          text: 'An administrator sets each password (set NEW_PASSWORD first; give it over a secure channel). Enabling self-service recovery needs a full-config update-user-pool, which resets every setting it omits.',
          commands: [perUser(ctx, setPasswordRequest)],
        },
      };
    case 'federated-user':
      return {
        title: 'Signs in through an external identity provider: no Cognito password to reset',
        known: 'Certain: UserStatus EXTERNAL_PROVIDER.',
        fix: { text: 'Reset the password at the identity provider, or sign in through it.', commands: [] },
      };
    case 'user-disabled':
      return {
        title: 'Disabled: ForgotPassword is refused',
        known: 'Certain: Enabled false.',
        fix: {
          text: 'Find out why each user was disabled; enable only those for whom that no longer applies:',
          commands: [perUser(ctx, enableUserRequest)],
        },
      };
    case 'user-unconfirmed':
      return {
        title: 'Never confirmed the sign-up (UNCONFIRMED): nothing verified yet',
        known: 'Certain: UserStatus UNCONFIRMED.',
        fix: {
          text: 'Have the user confirm the sign-up (ResendConfirmationCode), or confirm it as an administrator once you know who they are; an admin confirmation verifies nothing:',
          commands: [perUser(ctx, confirmSignUpRequest)],
        },
      };
    case 'temp-password-expired':
      return {
        title: 'Invited, never signed in, and the temporary password has expired',
        known:
          "Certain: UserStatus FORCE_CHANGE_PASSWORD, and the later of UserCreateDate and UserLastModifiedDate is older than the pool's TemporaryPasswordValidityDays (7 when unset).",
        fix: resendFix(
          ctx,
          'Resend the invitation: it issues a new temporary password and restarts the validity period.',
          resends,
        ),
      };
    case 'user-force-change-password':
      return {
        title: 'Invited, never signed in (FORCE_CHANGE_PASSWORD): the temporary password still works',
        known:
          'Certain: UserStatus FORCE_CHANGE_PASSWORD. The temporary password may still be valid: the user can sign in with it and choose a password.',
        fix: resendFix(
          ctx,
          'Tell the user to sign in with the invitation, or resend it (a new temporary password).',
          resends,
        ),
      };
    case 'unrecognised-user-status':
      return {
        title: 'A user status whose ForgotPassword behaviour is not known (ARCHIVED, COMPROMISED, …)',
        known: `ListUsers shows the status; what Cognito does with it is not known here: ${SINGLE}.`,
        fix: {
          text: 'A COMPROMISED or ARCHIVED user usually needs an administrator to set a password (set NEW_PASSWORD first):',
          commands: [perUser(ctx, setPasswordRequest)],
        },
      };
    case 'no-verified-contact':
      return {
        title: 'No verified e-mail address or phone number',
        known: `Certain: the email_verified and phone_number_verified attributes ListUsers returns. Why (admin-created, imported, a PreSignUp trigger, a changed address): ${SINGLE}.`,
        fix: {
          text: 'Have each user verify a contact once signed in, or, only once ownership is proven out of band, mark it verified (marking an unproven contact verified enables account takeover):',
          commands: [perUser(ctx, (c, u) => markVerifiedRequest(c, u, 'email'))],
        },
      };
    case 'recovery-channel-not-verified-for-user': {
      // The contact the recovery setting uses first: verifying it makes a mechanism qualify.
      const first = pool?.AccountRecoverySetting?.RecoveryMechanisms?.find((m) => m.Name?.startsWith('verified_'));
      const needed = first?.Name === 'verified_phone_number' ? 'phone_number' : 'email';
      return {
        title: 'The only verified contact is one the recovery setting does not use',
        known: "Certain: the verified flags and the pool's AccountRecoverySetting.",
        fix: {
          text: 'Verify the contact the recovery setting uses (after confirming ownership out of band), or add a recovery mechanism with a full-config update-user-pool:',
          commands: [perUser(ctx, (c, u) => markVerifiedRequest(c, u, needed))],
        },
      };
    }
  }
}
