// What a user's status and Enabled flag mean for the flows, as pure rules over the user record (AdminGetUser
// or ListUsers carry the same fields): the single diagnoses and the pool census all ask here.

import type { CauseCode } from '../causes.js';

/** Cognito's default for `Policies.PasswordPolicy.TemporaryPasswordValidityDays`. */
export const DEFAULT_TEMP_PASSWORD_DAYS = 7;
export const DAY_MS = 86_400_000;

export interface UserStateFacts {
  status: string;
  enabled: boolean;
  created?: Date | undefined;
  modified?: Date | undefined;
  /** The pool's `TemporaryPasswordValidityDays`, when set. */
  validityDays?: number | undefined;
  now: Date;
}

export interface TemporaryPasswordAge {
  /** The validity that applies (the pool's, else the default). */
  days: number;
  /** How long ago it was issued at the latest, in milliseconds. */
  ageMs: number;
}

/**
 * The temporary password of a FORCE_CHANGE_PASSWORD user, when it has certainly expired. The record
 * cannot say when it was issued: the later of creation and last modification (a RESEND modifies the
 * user) is the latest it can have been; past that plus the validity, it has expired.
 */
export function expiredTemporaryPassword(f: UserStateFacts): TemporaryPasswordAge | undefined {
  if (f.status !== 'FORCE_CHANGE_PASSWORD') return undefined;
  const days = f.validityDays ?? DEFAULT_TEMP_PASSWORD_DAYS;
  const issued = Math.max(f.created?.getTime() ?? 0, f.modified?.getTime() ?? 0);
  const ageMs = f.now.getTime() - issued;
  return issued > 0 && ageMs > days * DAY_MS ? { days, ageMs } : undefined;
}

/** What a user status alone means, none for CONFIRMED: the one reading of a status every flow shares. */
export function statusCause(status: string): CauseCode | undefined {
  if (status === 'CONFIRMED') return undefined;
  if (status === 'FORCE_CHANGE_PASSWORD') return 'user-force-change-password';
  if (status === 'UNCONFIRMED') return 'user-unconfirmed';
  if (status === 'EXTERNAL_PROVIDER') return 'federated-user';
  if (status === 'RESET_REQUIRED') return 'user-reset-required';
  return 'unrecognised-user-status';
}

/**
 * The causes the user's state gives, in the order the report lists them: disabled, then what the
 * status means. RESET_REQUIRED is the one that does not block (ForgotPassword is the way out of it).
 */
export function stateCauses(f: UserStateFacts): CauseCode[] {
  const causes: CauseCode[] = [];
  if (!f.enabled) causes.push('user-disabled');
  const cause = statusCause(f.status);
  if (cause) causes.push(cause);
  if (expiredTemporaryPassword(f)) causes.push('temp-password-expired');
  return causes;
}

/**
 * The causes that keep a user from signing in with a Cognito password, so from the access token a
 * signed-in call (GetUserAttributeVerificationCode) needs: a disabled user (its tokens are revoked),
 * an invited one still at the NEW_PASSWORD_REQUIRED challenge, an unconfirmed one, one that must
 * reset the password first (PasswordResetRequiredException). A federated user signs in at its
 * identity provider, which owns its attributes: that is a cause of its own.
 */
export const NO_ACCESS_TOKEN: ReadonlySet<CauseCode> = new Set<CauseCode>([
  'user-disabled',
  'user-force-change-password',
  'user-unconfirmed',
  'user-reset-required',
]);
