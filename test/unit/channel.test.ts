// The channel prediction as a truth table: every recovery setting (including the absent, legacy one)
// × the e-mail and phone states × the MFA factors, against an oracle written from Cognito's
// recovery rules (docs/report.md, "The channel"), plus hand-checked rows that pin the oracle itself.

import { describe, expect, it } from 'vitest';
import { predictChannel, type RecoveryMechanism } from '../../src/domain/channel.js';

const SETTINGS: Record<string, RecoveryMechanism[] | undefined> = {
  absent: undefined,
  empty: [],
  'email only': [{ Name: 'verified_email', Priority: 1 }],
  'phone only': [{ Name: 'verified_phone_number', Priority: 1 }],
  'email then phone': [
    { Name: 'verified_email', Priority: 1 },
    { Name: 'verified_phone_number', Priority: 2 },
  ],
  // Listed out of order on purpose: Priority decides, not the array order.
  'phone then email': [
    { Name: 'verified_email', Priority: 2 },
    { Name: 'verified_phone_number', Priority: 1 },
  ],
  'admin only': [{ Name: 'admin_only', Priority: 1 }],
};
type State = 'none' | 'unverified' | 'verified';
const STATES: State[] = ['none', 'unverified', 'verified'];
const MFAS: string[][] = [[], ['SMS_MFA'], ['EMAIL_OTP'], ['SMS_MFA', 'EMAIL_OTP'], ['SOFTWARE_TOKEN_MFA']];

const EMAIL = 'jane@example.com';
const PHONE = '+447700900123';

function attributes(email: State, phone: State): Record<string, string> {
  return {
    ...(email !== 'none' ? { email: EMAIL, email_verified: String(email === 'verified') } : {}),
    ...(phone !== 'none' ? { phone_number: PHONE, phone_number_verified: String(phone === 'verified') } : {}),
  };
}

/** The rules, stated once more: the first mechanism by priority whose attribute is verified and, unless legacy, not an MFA factor. */
function oracle(setting: string, email: State, phone: State, mfa: string[]) {
  if (setting === 'admin only') return { channel: 'NONE', rule: 'admin-only' };
  const legacy = setting === 'absent' || setting === 'empty';
  const order: ('email' | 'phone')[] = legacy
    ? ['phone', 'email']
    : setting === 'email only'
      ? ['email']
      : setting === 'phone only'
        ? ['phone']
        : setting === 'email then phone'
          ? ['email', 'phone']
          : ['phone', 'email'];
  for (const c of order) {
    const verified = (c === 'email' ? email : phone) === 'verified';
    const factor = c === 'email' ? 'EMAIL_OTP' : 'SMS_MFA';
    if (verified && (legacy || !mfa.includes(factor))) {
      return {
        channel: c === 'email' ? 'EMAIL' : 'SMS',
        rule: legacy ? 'legacy' : 'recovery-setting',
        destination: c === 'email' ? EMAIL : PHONE,
      };
    }
  }
  return { channel: 'NONE', rule: legacy ? 'legacy' : 'recovery-setting' };
}

describe('predictChannel truth table', () => {
  const rows = Object.keys(SETTINGS).flatMap((setting) =>
    STATES.flatMap((email) => STATES.flatMap((phone) => MFAS.map((mfa) => ({ setting, email, phone, mfa }) as const))),
  );

  it('covers every combination', () => {
    expect(rows).toHaveLength(7 * 3 * 3 * 5);
  });

  it.each(rows)('$setting, e-mail $email, phone $phone, MFA $mfa', ({ setting, email, phone, mfa }) => {
    const p = predictChannel({ mechanisms: SETTINGS[setting], attributes: attributes(email, phone), mfa });
    const want = oracle(setting, email, phone, mfa);
    expect({ channel: p.channel, rule: p.rule, destination: p.destination }).toEqual({
      channel: want.channel,
      rule: want.rule,
      destination: 'destination' in want ? want.destination : undefined,
    });
    // A mechanism is marked as ruled out by MFA exactly when its attribute is verified and the
    // factor is active under a recovery setting.
    for (const m of p.mechanisms) {
      const isEmail = m.name === 'verified_email';
      const verified = (isEmail ? email : phone) === 'verified';
      const factor = isEmail ? 'EMAIL_OTP' : 'SMS_MFA';
      const legacy = p.rule === 'legacy';
      const expected = p.rule !== 'admin-only' && verified && !legacy && mfa.includes(factor) ? factor : undefined;
      expect(m.disqualifiedBy, m.name).toBe(expected);
      expect(m.qualifies).toBe(p.rule !== 'admin-only' && verified && expected === undefined);
    }
  });
});

describe('predictChannel, rows checked by hand', () => {
  const both = attributes('verified', 'verified');
  it.each([
    { name: 'legacy prefers the phone', setting: 'absent', attrs: both, mfa: [], channel: 'SMS' },
    { name: 'legacy ignores SMS MFA', setting: 'absent', attrs: both, mfa: ['SMS_MFA'], channel: 'SMS' },
    {
      name: 'legacy falls back to e-mail',
      setting: 'absent',
      attrs: attributes('verified', 'unverified'),
      mfa: [],
      channel: 'EMAIL',
    },
    { name: 'e-mail first', setting: 'email then phone', attrs: both, mfa: [], channel: 'EMAIL' },
    {
      name: 'e-mail MFA moves it to SMS',
      setting: 'email then phone',
      attrs: both,
      mfa: ['EMAIL_OTP'],
      channel: 'SMS',
    },
    {
      name: 'SMS MFA moves it to e-mail',
      setting: 'phone then email',
      attrs: both,
      mfa: ['SMS_MFA'],
      channel: 'EMAIL',
    },
    {
      name: 'both factors leave nothing',
      setting: 'phone then email',
      attrs: both,
      mfa: ['SMS_MFA', 'EMAIL_OTP'],
      channel: 'NONE',
    },
    {
      name: 'only the other channel verified',
      setting: 'email only',
      attrs: attributes('unverified', 'verified'),
      mfa: [],
      channel: 'NONE',
    },
    {
      name: 'TOTP disqualifies nothing',
      setting: 'phone only',
      attrs: both,
      mfa: ['SOFTWARE_TOKEN_MFA'],
      channel: 'SMS',
    },
    { name: 'admin only', setting: 'admin only', attrs: both, mfa: [], channel: 'NONE' },
  ])('$name', ({ setting, attrs, mfa, channel }) => {
    expect(predictChannel({ mechanisms: SETTINGS[setting], attributes: attrs, mfa }).channel).toBe(channel);
  });

  it('names the MFA factor that ruled a verified attribute out', () => {
    const p = predictChannel({
      mechanisms: SETTINGS['phone only'],
      attributes: attributes('none', 'verified'),
      mfa: ['SMS_MFA'],
    });
    expect(p.mechanisms).toEqual([
      expect.objectContaining({ name: 'verified_phone_number', qualifies: false, disqualifiedBy: 'SMS_MFA' }),
    ]);
  });
});
