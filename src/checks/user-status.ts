import { contactToVerify } from '../domain/channel.js';
import { activeMfa } from '../domain/user-resolution.js';
import { DAY_MS, DEFAULT_TEMP_PASSWORD_DAYS, expiredTemporaryPassword, stateCauses } from '../domain/user-state.js';
import {
  aws,
  confirmSignUpRequest,
  enableUserRequest,
  markVerifiedRequest,
  poolUser,
  resendInvitationRequest,
  setPasswordRequest,
  write,
} from '../remedy/commands.js';
import { docs } from '../remedy/links.js';
import { remediation } from './remedy.js';
import type { Check, Outcome } from './types.js';

export const userStatus: Check = {
  id: 'user-status',
  title: 'The user can reset the password in its current state',
  scope: 'core',
  dependsOn: ['user'],
  codes: [
    'user-force-change-password',
    'temp-password-expired',
    'user-unconfirmed',
    'user-disabled',
    'federated-user',
    'user-reset-required',
    'unrecognised-user-status',
  ],
  reads: ['cognito-idp:DescribeUserPool', 'cognito-idp:AdminGetUser'],
  docs: [docs.signingUp, docs.forgotPassword],
  async run(ctx) {
    const [p, { user: u, attributes }] = await Promise.all([ctx.pool(), ctx.user()]);
    if (!u) return { status: 'skip', message: 'No single user was resolved.' };
    const username = u.Username!;
    const status = u.UserStatus ?? '(absent)';
    const evidence = { 'AdminGetUser.UserStatus': status, 'AdminGetUser.Enabled': u.Enabled ?? true };
    const medium = attributes.email ? 'EMAIL' : 'SMS';
    // The contact whose verification makes a recovery channel qualify (what --fix marks verified).
    const contact = contactToVerify({
      mechanisms: p.AccountRecoverySetting?.RecoveryMechanisms,
      attributes,
      mfa: activeMfa(u, p.MfaConfiguration),
    });
    const configured = p.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays;
    const state = {
      status,
      enabled: u.Enabled !== false,
      created: u.UserCreateDate,
      modified: u.UserLastModifiedDate,
      validityDays: configured,
      now: ctx.target.now,
    };
    const causes = stateCauses(state);
    const outcomes: Outcome[] = [];
    if (causes.includes('user-disabled')) {
      outcomes.push({
        status: 'fail',
        code: 'user-disabled',
        message: `User ${username} is disabled: ForgotPassword is refused ("User is disabled."), or silently ignored under PreventUserExistenceErrors.`,
        evidence,
        remediation: remediation(
          'Find out why the user was disabled; enable it only if that no longer applies:',
          [write(ctx, enableUserRequest(ctx, username))],
          [docs.signingUp],
        ),
      });
    }
    if (causes.includes('user-force-change-password')) {
      outcomes.push({
        status: 'fail',
        code: 'user-force-change-password',
        message: `User ${username} was created by an administrator and never completed the first sign-in (FORCE_CHANGE_PASSWORD): ForgotPassword is refused with "User password cannot be reset in the current state."`,
        evidence: { ...evidence, 'AdminGetUser.UserCreateDate': u.UserCreateDate?.toISOString() },
        remediation: remediation(
          'Resend the invitation with a new temporary password, or set a permanent password (set NEW_PASSWORD first and give it to the user over a secure channel):',
          [write(ctx, resendInvitationRequest(ctx, username, medium)), write(ctx, setPasswordRequest(ctx, username))],
          [docs.forgotPassword, docs.signingUp],
          true,
        ),
      });
      const expired = expiredTemporaryPassword(state);
      if (expired) {
        const { days, ageMs: age } = expired;
        outcomes.push({
          status: 'fail',
          code: 'temp-password-expired',
          message: `User ${username}'s temporary password has expired as well: it was issued ${Math.floor(age / DAY_MS)} days ago at the latest, and the pool's temporary passwords last ${days} days. The user can neither sign in ("Temporary password has expired and must be reset by an administrator.") nor reset it: an administrator must resend the invitation (which issues a new temporary password) or set a password.`,
          evidence: {
            'AdminGetUser.UserStatus': status,
            'AdminGetUser.UserCreateDate': u.UserCreateDate?.toISOString(),
            'AdminGetUser.UserLastModifiedDate': u.UserLastModifiedDate?.toISOString(),
            'DescribeUserPool.UserPool.Policies.PasswordPolicy.TemporaryPasswordValidityDays':
              configured ?? `(not set: the default of ${DEFAULT_TEMP_PASSWORD_DAYS} days applies)`,
          },
          remediation: remediation(
            'Resend the invitation: it issues a new temporary password and restarts the validity period.',
            [write(ctx, resendInvitationRequest(ctx, username, medium))],
            [docs.signingUp],
          ),
        });
      }
    } else if (causes.includes('user-unconfirmed')) {
      outcomes.push({
        status: 'fail',
        code: 'user-unconfirmed',
        message: `User ${username} signed up but never confirmed (UNCONFIRMED): nothing is verified yet, so ForgotPassword fails with "Cannot reset password for the user as there is no registered/verified email or phone_number".`,
        evidence,
        remediation: remediation(
          `Have the user confirm the sign-up (ResendConfirmationCode; the code is valid 24 hours), or confirm it as an administrator once you know who they are. An admin confirmation verifies nothing${contact ? `: mark the ${contact} verified too, only once ownership is proven` : ''}:`,
          [
            write(ctx, confirmSignUpRequest(ctx, username)),
            ...(contact ? [write(ctx, markVerifiedRequest(ctx, username, contact))] : []),
          ],
          [docs.signingUp],
        ),
      });
    } else if (causes.includes('federated-user')) {
      outcomes.push({
        status: 'fail',
        code: 'federated-user',
        message: `User ${username} signs in through an external identity provider: there is no Cognito password to reset.`,
        evidence,
        remediation: remediation(
          'Reset the password at the identity provider, or sign in through it.',
          [],
          [docs.forgotPassword],
        ),
      });
    } else if (causes.includes('user-reset-required')) {
      outcomes.push({
        status: 'info',
        code: 'user-reset-required',
        message: `User ${username} must reset the password (RESET_REQUIRED, after an import or an admin reset): ForgotPassword is exactly the right flow.`,
        evidence,
      });
    }
    if (causes.includes('unrecognised-user-status')) {
      // ARCHIVED, COMPROMISED, UNKNOWN or a status added later: what Cognito does with it is not known here.
      outcomes.push({
        status: 'warn',
        code: 'unrecognised-user-status',
        message: `User ${username} has UserStatus ${JSON.stringify(status)}, which cognito-doctor does not know how ForgotPassword treats: it cannot say the user can reset the password.`,
        evidence,
        remediation: remediation(
          'Look at the user in the console or with admin-get-user; a COMPROMISED or ARCHIVED user usually needs an administrator to set a password:',
          [aws(ctx, ['cognito-idp', 'admin-get-user', ...poolUser(ctx, username)])],
          [docs.signingUp],
        ),
      });
    }
    return outcomes.length
      ? outcomes
      : { status: 'pass', message: `User ${username} is ${status} and enabled.`, evidence };
  },
};
