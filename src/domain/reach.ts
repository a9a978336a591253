// Whether ForgotPassword could reach a user, from what a ListUsers record shows, for the pool census:
// the same rules as the single diagnosis (the user's state, then the recovery channel), one answer a user.

import type { UserPoolType, UserType } from '@aws-sdk/client-cognito-identity-provider';
import { noChannelCause, predictChannel, type RecoveryMechanism } from './channel.js';
import { attributesOf } from './user-resolution.js';
import { stateCauses } from './user-state.js';

/** Which user state keeps ForgotPassword from a user: the most telling first. */
const STATE_ORDER = [
  'federated-user',
  'user-disabled',
  'user-unconfirmed',
  'temp-password-expired',
  'user-force-change-password',
  'unrecognised-user-status',
] as const;

/**
 * Every class, in the order a census lists them: the reachable first, then the causes. `email` and
 * `sms`: a code goes there. `mfa-may-disqualify`: it does only if no MFA factor rules out the contact
 * (ListUsers does not show MFA). The others are the cause codes of the single diagnosis that keep the
 * code from being sent.
 */
export const REACH_CLASSES = [
  'email',
  'sms',
  'mfa-may-disqualify',
  'recovery-admin-only',
  ...STATE_ORDER,
  'no-verified-contact',
  'recovery-channel-not-verified-for-user',
] as const;

export type ReachClass = (typeof REACH_CLASSES)[number];

export const REACHABLE: ReadonlySet<ReachClass> = new Set(['email', 'sms']);

/** The classes of invited users who never signed in: their fix is a resent invitation. */
export const INVITED: ReadonlySet<ReachClass> = new Set(['temp-password-expired', 'user-force-change-password']);

/** The pool settings every user is judged against, read once. */
export interface PoolRules {
  mechanisms: readonly RecoveryMechanism[] | undefined;
  mfaConfiguration: string | undefined;
  validityDays: number | undefined;
}

export function poolRules(pool: UserPoolType): PoolRules {
  return {
    mechanisms: pool.AccountRecoverySetting?.RecoveryMechanisms,
    mfaConfiguration: pool.MfaConfiguration,
    validityDays: pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays,
  };
}

/** The MFA factors that rule a contact out for recovery, one of which a user may have. */
const FACTORS = ['SMS_MFA', 'EMAIL_OTP'];

export function classifyUser(user: UserType, rules: PoolRules, now: Date): ReachClass {
  const causes = stateCauses({
    status: user.UserStatus ?? '(absent)',
    enabled: user.Enabled !== false,
    created: user.UserCreateDate,
    modified: user.UserLastModifiedDate,
    validityDays: rules.validityDays,
    now,
  });
  const state = STATE_ORDER.find((c) => causes.includes(c));
  if (state) return state;
  const attributes = attributesOf(user.Attributes);
  const facts = { mechanisms: rules.mechanisms, attributes };
  // With no MFA the prediction is the best case; with MFA off for the pool it is the answer.
  const best = predictChannel({ ...facts, mfa: [] });
  // Without MFA no factor disqualifies a contact, so the cause is never an MFA one here.
  const cause = noChannelCause(best, attributes) as ReachClass | undefined;
  if (cause) return cause;
  const channel = best.channel === 'SMS' ? 'sms' : 'email';
  if (rules.mfaConfiguration === 'OFF' || rules.mfaConfiguration === undefined) return channel;
  // An MFA factor that alone rules out every qualifying contact (the only verified one, typically).
  const ruledOut = FACTORS.some((f) => predictChannel({ ...facts, mfa: [f] }).channel === 'NONE');
  return ruledOut ? 'mfa-may-disqualify' : channel;
}
