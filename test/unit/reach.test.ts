import type { UserType } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { noChannelCause, predictChannel } from '../../src/domain/channel.js';
import { classifyUser, type PoolRules } from '../../src/domain/reach.js';
import { expiredTemporaryPassword, stateCauses } from '../../src/domain/user-state.js';

const NOW = new Date('2026-11-26T00:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const EMAIL_FIRST = [
  { Name: 'verified_email', Priority: 1 },
  { Name: 'verified_phone_number', Priority: 2 },
];
const rules = (patch: Partial<PoolRules> = {}): PoolRules => ({
  mechanisms: EMAIL_FIRST,
  mfaConfiguration: 'OFF',
  validityDays: undefined,
  ...patch,
});
const EMAIL = { email: 'a@example.com', email_verified: 'true' };
const PHONE = { phone_number: '+447400123456', phone_number_verified: 'true' };

function user(attributes: Record<string, string>, patch: Partial<UserType> = {}): UserType {
  return {
    Username: 'u',
    Attributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    Enabled: true,
    UserStatus: 'CONFIRMED',
    UserCreateDate: daysAgo(100),
    UserLastModifiedDate: daysAgo(100),
    ...patch,
  };
}

describe('classifyUser: one class a user, the rules of the single diagnosis', () => {
  it.each<[string, UserType, Partial<PoolRules>, string]>([
    ['a verified e-mail address', user(EMAIL), {}, 'email'],
    ['a verified phone only', user(PHONE), {}, 'sms'],
    [
      'RESET_REQUIRED with a verified address: ForgotPassword is the way out',
      user(EMAIL, { UserStatus: 'RESET_REQUIRED' }),
      {},
      'email',
    ],
    ['disabled', user(EMAIL, { Enabled: false }), {}, 'user-disabled'],
    [
      'federated, even when disabled',
      user(EMAIL, { UserStatus: 'EXTERNAL_PROVIDER', Enabled: false }),
      {},
      'federated-user',
    ],
    ['UNCONFIRMED', user({ email: 'a@example.com' }, { UserStatus: 'UNCONFIRMED' }), {}, 'user-unconfirmed'],
    [
      'FORCE_CHANGE_PASSWORD, invited 2 days ago',
      user({}, { UserStatus: 'FORCE_CHANGE_PASSWORD', UserCreateDate: daysAgo(2), UserLastModifiedDate: daysAgo(2) }),
      {},
      'user-force-change-password',
    ],
    [
      'FORCE_CHANGE_PASSWORD, invited 8 days ago (default 7)',
      user({}, { UserStatus: 'FORCE_CHANGE_PASSWORD', UserCreateDate: daysAgo(8), UserLastModifiedDate: daysAgo(8) }),
      {},
      'temp-password-expired',
    ],
    [
      'FORCE_CHANGE_PASSWORD, 8 days, the pool allows 30',
      user({}, { UserStatus: 'FORCE_CHANGE_PASSWORD', UserCreateDate: daysAgo(8), UserLastModifiedDate: daysAgo(8) }),
      { validityDays: 30 },
      'user-force-change-password',
    ],
    [
      'FORCE_CHANGE_PASSWORD, created long ago, invitation resent yesterday',
      user({}, { UserStatus: 'FORCE_CHANGE_PASSWORD', UserCreateDate: daysAgo(60), UserLastModifiedDate: daysAgo(1) }),
      {},
      'user-force-change-password',
    ],
    ['ARCHIVED', user(EMAIL, { UserStatus: 'ARCHIVED' }), {}, 'unrecognised-user-status'],
    ['no status at all', user(EMAIL, { UserStatus: undefined }), {}, 'unrecognised-user-status'],
    ['nothing at all', user({}), {}, 'no-verified-contact'],
    ['an unverified address', user({ email: 'a@example.com', email_verified: 'false' }), {}, 'no-verified-contact'],
    ['admin_only', user(EMAIL), { mechanisms: [{ Name: 'admin_only', Priority: 1 }] }, 'recovery-admin-only'],
    [
      'a verified phone, e-mail-only recovery',
      user(PHONE),
      { mechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      'recovery-channel-not-verified-for-user',
    ],
    ['the legacy rule prefers the phone', user({ ...EMAIL, ...PHONE }), { mechanisms: undefined }, 'sms'],
    [
      'MFA optional, only an e-mail address: e-mail MFA could rule it out',
      user(EMAIL),
      { mfaConfiguration: 'OPTIONAL' },
      'mfa-may-disqualify',
    ],
    ['MFA on, only a phone: SMS MFA could rule it out', user(PHONE), { mfaConfiguration: 'ON' }, 'mfa-may-disqualify'],
    [
      'MFA optional, both verified: one factor leaves the other contact',
      user({ ...EMAIL, ...PHONE }),
      { mfaConfiguration: 'OPTIONAL' },
      'email',
    ],
    [
      'MFA optional but the legacy rule: MFA never rules the phone out',
      user(PHONE),
      { mechanisms: undefined, mfaConfiguration: 'OPTIONAL' },
      'sms',
    ],
  ])('%s', (_, u, patch, expected) => {
    expect(classifyUser(u, rules(patch), NOW)).toBe(expected);
  });
});

describe('the shared rules', () => {
  it('noChannelCause names why a prediction sends nowhere', () => {
    const predict = (attributes: Record<string, string>, mfa: string[] = [], mechanisms = EMAIL_FIRST) =>
      noChannelCause(predictChannel({ mechanisms, attributes, mfa }), attributes);
    expect(predict(EMAIL)).toBeUndefined();
    expect(predict({})).toBe('no-verified-contact');
    expect(predict(EMAIL, ['EMAIL_OTP'])).toBe('email-mfa-disqualifies-email');
    expect(predict(PHONE, ['SMS_MFA'])).toBe('sms-mfa-disqualifies-phone');
    expect(predict(PHONE, [], [{ Name: 'verified_email', Priority: 1 }])).toBe(
      'recovery-channel-not-verified-for-user',
    );
    expect(predict(EMAIL, [], [{ Name: 'admin_only', Priority: 1 }])).toBe('recovery-admin-only');
  });

  it('a temporary password has expired only past its validity from the latest it can have been issued', () => {
    const facts = { status: 'FORCE_CHANGE_PASSWORD', enabled: true, now: NOW };
    expect(expiredTemporaryPassword({ ...facts, created: daysAgo(7.5) })).toEqual({ days: 7, ageMs: 7.5 * 86_400_000 });
    expect(expiredTemporaryPassword({ ...facts, created: daysAgo(6) })).toBeUndefined();
    expect(expiredTemporaryPassword({ ...facts, created: daysAgo(40), modified: daysAgo(3) })).toBeUndefined();
    expect(expiredTemporaryPassword({ ...facts, created: daysAgo(40), validityDays: 50 })).toBeUndefined();
    expect(expiredTemporaryPassword({ ...facts, status: 'CONFIRMED', created: daysAgo(40) })).toBeUndefined();
    expect(expiredTemporaryPassword(facts)).toBeUndefined();
  });

  it('stateCauses lists the causes of a state in report order', () => {
    const base = { enabled: true, now: NOW };
    expect(stateCauses({ ...base, status: 'CONFIRMED' })).toEqual([]);
    expect(stateCauses({ ...base, status: 'FORCE_CHANGE_PASSWORD', enabled: false, created: daysAgo(9) })).toEqual([
      'user-disabled',
      'user-force-change-password',
      'temp-password-expired',
    ]);
    expect(stateCauses({ ...base, status: 'RESET_REQUIRED' })).toEqual(['user-reset-required']);
    expect(stateCauses({ ...base, status: 'COMPROMISED' })).toEqual(['unrecognised-user-status']);
  });
});
