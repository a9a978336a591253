import type { AdminGetUserCommandOutput, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { Context } from '../../context/index.js';
import {
  DAY_MS,
  DEFAULT_TEMP_PASSWORD_DAYS,
  expiredTemporaryPassword,
  NO_ACCESS_TOKEN,
  stateCauses,
  type UserStateFacts,
} from '../../domain/user-state.js';
import { aws, poolUser, resendInvitationRequest, write } from '../../remedy/commands.js';
import { docs } from '../../remedy/links.js';
import { remediation } from '../remedy.js';
import { userDisabled } from '../user/disabled.js';
import type { Evidence, Outcome } from '../types.js';

/** What the user's state means for a verification code, and whether the attribute matters yet. */
export interface StateOutcomes {
  outcomes: Outcome[];
  /** The status sends the user to another message first: what the attribute holds does not matter yet. */
  elsewhere: boolean;
}

/**
 * GetUserAttributeVerificationCode is a signed-in call: the app makes it with the user's access token.
 * A user who cannot sign in cannot ask for a code, and waits for another message first. The causes
 * are the shared user-state rules; the sentences are this flow's.
 */
export function verifyStateOutcomes(
  ctx: Context,
  u: AdminGetUserCommandOutput,
  pool: UserPoolType,
  email: string | undefined,
  evidence: Evidence,
): StateOutcomes {
  const username = u.Username!;
  const status = u.UserStatus ?? 'UNKNOWN';
  const state: UserStateFacts = {
    status,
    enabled: u.Enabled !== false,
    created: u.UserCreateDate,
    modified: u.UserLastModifiedDate,
    validityDays: pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays,
    now: ctx.target.now,
  };
  const causes = stateCauses(state);
  const outcomes: Outcome[] = [];
  const diagnose = (what: string, flow: string) =>
    `Diagnose ${what} instead: cognito-doctor ${flow} ${username} -p ${ctx.target.userPoolId}.`;
  for (const cause of causes) {
    if (cause === 'user-disabled') {
      outcomes.push(
        userDisabled(ctx, username, evidence, 'it cannot sign in, so it has no access token to ask for a code with.'),
      );
    } else if (cause === 'user-force-change-password') {
      const expired = expiredTemporaryPassword(state);
      outcomes.push({
        status: 'fail',
        code: cause,
        message: `User ${username} was created by an administrator and never completed the first sign-in (FORCE_CHANGE_PASSWORD): sign-in answers with the NEW_PASSWORD_REQUIRED challenge until the user sets a password, so it has no access token yet, and GetUserAttributeVerificationCode needs one.${expired ? ` Its temporary password has expired too (issued ${Math.floor(expired.ageMs / DAY_MS)} days ago at the latest; this pool's last ${expired.days} days): only an administrator can let it sign in now.` : ''} What it waits for is the invitation with a temporary password; once signed in with its own password, the app can ask for the code.`,
        evidence: {
          ...evidence,
          'AdminGetUser.UserCreateDate': u.UserCreateDate?.toISOString() ?? null,
          ...(expired
            ? {
                'AdminGetUser.UserLastModifiedDate': u.UserLastModifiedDate?.toISOString() ?? null,
                'DescribeUserPool.UserPool.Policies.PasswordPolicy.TemporaryPasswordValidityDays':
                  state.validityDays ?? `(not set: the default of ${DEFAULT_TEMP_PASSWORD_DAYS} days applies)`,
              }
            : {}),
        },
        remediation: remediation(
          `${diagnose('the invitation', 'invitation')} Resending the invitation issues a new temporary password:`,
          [write(ctx, resendInvitationRequest(ctx, username, email ? 'EMAIL' : 'SMS'))],
          [docs.signingUp],
        ),
      });
    } else if (cause === 'user-unconfirmed') {
      outcomes.push({
        status: 'fail',
        code: cause,
        message: `User ${username} never confirmed the sign-up (UNCONFIRMED): GetUserAttributeVerificationCode fails with UserNotConfirmedException. What it waits for is the sign-up confirmation code.`,
        evidence,
        remediation: remediation(diagnose('the confirmation code', 'sign-up'), [], [docs.signingUp]),
      });
    } else if (cause === 'user-reset-required') {
      outcomes.push({
        status: 'fail',
        code: cause,
        message: `User ${username} must reset the password before it can sign in (RESET_REQUIRED, after an import or an administrator's reset): sign-in and GetUserAttributeVerificationCode fail with PasswordResetRequiredException. What it waits for is the ForgotPassword code; once the password is reset, it signs in and the app can ask for the code.`,
        evidence,
        remediation: remediation(diagnose('the reset code', 'forgot-password'), [], [docs.forgotPassword]),
      });
    } else if (cause === 'federated-user') {
      outcomes.push({
        status: 'fail',
        code: cause,
        message: `User ${username} signs in through an external identity provider, which owns its attributes: Cognito sends no verification code.`,
        evidence,
        remediation: remediation('Change and verify the attribute at the identity provider.', [], [docs.signingUp]),
      });
    } else if (cause === 'unrecognised-user-status') {
      outcomes.push({
        status: 'warn',
        code: cause,
        message: `User ${username} has UserStatus ${JSON.stringify(status)}, which cognito-doctor does not know how sign-in treats: it cannot say the user holds the access token GetUserAttributeVerificationCode needs.`,
        evidence,
        remediation: remediation(
          'Look at the user in the console or with admin-get-user; a COMPROMISED or ARCHIVED user usually needs an administrator to set a password:',
          [aws(ctx, ['cognito-idp', 'admin-get-user', ...poolUser(ctx, username)])],
          [docs.signingUp],
        ),
      });
    }
  }
  const elsewhere = causes.some((c) => c === 'federated-user' || (c !== 'user-disabled' && NO_ACCESS_TOKEN.has(c)));
  return { outcomes, elsewhere };
}
