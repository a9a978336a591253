// The sign-up confirmation channel as a truth table: every AutoVerifiedAttributes setting × user status
// × which contacts the user has, against an oracle written from the rules, plus hand-checked rows.

import { describe, expect, it } from 'vitest';
import { maskDestination } from '../../src/domain/channel.js';
import { predictSignUpChannel } from '../../src/domain/sign-up-channel.js';

const AUTO_VERIFIED: Record<string, string[]> = {
  none: [],
  email: ['email'],
  phone: ['phone_number'],
  both: ['email', 'phone_number'],
  'both, listed phone first': ['phone_number', 'email'],
};
const STATUSES = ['UNCONFIRMED', 'CONFIRMED', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED', 'EXTERNAL_PROVIDER'];
const HAS: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];
const EMAIL = 'jane@example.com';
const PHONE = '+447700900123';

/** The rules once more: UNCONFIRMED only; the phone when it is auto-verified and present, else the e-mail. */
function oracle(auto: string[], status: string, hasEmail: boolean, hasPhone: boolean) {
  if (status !== 'UNCONFIRMED') return { channel: 'NONE' };
  if (auto.includes('phone_number') && hasPhone) return { channel: 'SMS', destination: PHONE };
  if (auto.includes('email') && hasEmail) return { channel: 'EMAIL', destination: EMAIL };
  return { channel: 'NONE' };
}

describe('predictSignUpChannel: truth table', () => {
  for (const [setting, auto] of Object.entries(AUTO_VERIFIED)) {
    for (const status of STATUSES) {
      for (const [hasEmail, hasPhone] of HAS) {
        const attrs = {
          ...(hasEmail ? { email: EMAIL, email_verified: 'false' } : {}),
          ...(hasPhone ? { phone_number: PHONE, phone_number_verified: 'false' } : {}),
        };
        it(`${setting} auto-verified, ${status}, e-mail ${hasEmail}, phone ${hasPhone}`, () => {
          const p = predictSignUpChannel({ autoVerified: auto, status, attributes: attrs });
          const want = oracle(auto, status, hasEmail, hasPhone);
          expect({ channel: p.channel, ...(p.destination ? { destination: p.destination } : {}) }).toEqual(want);
          expect(p.rule).toBe('sign-up');
          // One verdict per auto-verified contact, phone first.
          expect(p.mechanisms.map((m) => m.name)).toEqual(['phone_number', 'email'].filter((n) => auto.includes(n)));
        });
      }
    }
  }
});

describe('predictSignUpChannel: hand-checked rows', () => {
  it('both auto-verified and both present: SMS to the phone, masked as Cognito masks it', () => {
    const p = predictSignUpChannel({
      autoVerified: ['email', 'phone_number'],
      status: 'UNCONFIRMED',
      attributes: { email: EMAIL, phone_number: PHONE },
    });
    expect(p).toMatchObject({ channel: 'SMS', attribute: 'phone_number', destination: PHONE });
    expect(maskDestination(p.destination)).toBe('+********0123');
  });

  it('only e-mail auto-verified, both present: the e-mail', () => {
    const p = predictSignUpChannel({
      autoVerified: ['email'],
      status: 'UNCONFIRMED',
      attributes: { email: EMAIL, phone_number: PHONE },
    });
    expect(p).toMatchObject({ channel: 'EMAIL', attribute: 'email' });
    expect(maskDestination(p.destination)).toBe('j***@e***');
  });

  it('a confirmed user gets nothing, and the reason says so', () => {
    const p = predictSignUpChannel({ autoVerified: ['email'], status: 'CONFIRMED', attributes: { email: EMAIL } });
    expect(p.channel).toBe('NONE');
    expect(p.mechanisms[0]!.reason).toBe('the user is CONFIRMED');
  });

  it('auto-verification off: no mechanism at all', () => {
    const p = predictSignUpChannel({ autoVerified: [], status: 'UNCONFIRMED', attributes: { email: EMAIL } });
    expect(p).toEqual({ channel: 'NONE', rule: 'sign-up', mechanisms: [] });
  });
});
