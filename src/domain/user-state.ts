// What a user's status and Enabled flag mean for ForgotPassword, as pure rules over the user record
// (AdminGetUser or ListUsers carry the same fields): the single diagnosis and the pool census both ask here.

import type { CauseCode } from '../causes.js';

/** Cognito's default for `Policies.PasswordPolicy.TemporaryPasswordValidityDays`. */
export const DEFAULT_TEMP_PASSWORD_DAYS = 7;
export const DAY_MS = 86_400_000;

/** The user states whose ForgotPassword behaviour is known; any other is reported, never passed. */
export const KNOWN_STATUSES = new Set([
  'CONFIRMED',
  'FORCE_CHANGE_PASSWORD',
  'UNCONFIRMED',
  'EXTERNAL_PROVIDER',
  'RESET_REQUIRED',
]);

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

/**
 * The causes the user's state gives, in the order the report lists them: disabled, then what the
 * status means. RESET_REQUIRED is the one that does not block (ForgotPassword is the way out of it).
 */
export function stateCauses(f: UserStateFacts): CauseCode[] {
  const causes: CauseCode[] = [];
  if (!f.enabled) causes.push('user-disabled');
  if (f.status === 'FORCE_CHANGE_PASSWORD') {
    causes.push('user-force-change-password');
    if (expiredTemporaryPassword(f)) causes.push('temp-password-expired');
  } else if (f.status === 'UNCONFIRMED') causes.push('user-unconfirmed');
  else if (f.status === 'EXTERNAL_PROVIDER') causes.push('federated-user');
  else if (f.status === 'RESET_REQUIRED') causes.push('user-reset-required');
  if (!KNOWN_STATUSES.has(f.status)) causes.push('unrecognised-user-status');
  return causes;
}
