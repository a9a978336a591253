// The invitation and attribute-verification channels as truth tables, against oracles written from
// the rules, plus hand-checked rows.

import { describe, expect, it } from 'vitest';
import { predictInvitationChannel, resendMedium } from '../../src/domain/invitation-channel.js';
import { predictVerificationChannel } from '../../src/domain/verify-channel.js';

const EMAIL = 'new.hire@example.com';
const PHONE = '+447700900123';
const STATUSES = ['FORCE_CHANGE_PASSWORD', 'CONFIRMED', 'UNCONFIRMED', 'RESET_REQUIRED', 'EXTERNAL_PROVIDER'];
const HAS: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];
const attrs = (hasEmail: boolean, hasPhone: boolean) => ({
  ...(hasEmail ? { email: EMAIL } : {}),
  ...(hasPhone ? { phone_number: PHONE } : {}),
});

type Request = { messageAction?: string; desiredDeliveryMediums?: string[] } | undefined;
const REQUESTS: Record<string, Request> = {
  unknown: undefined,
  'no mediums (SMS default)': {},
  email: { desiredDeliveryMediums: ['EMAIL'] },
  sms: { desiredDeliveryMediums: ['SMS'] },
  both: { desiredDeliveryMediums: ['SMS', 'EMAIL'] },
  suppressed: { messageAction: 'SUPPRESS', desiredDeliveryMediums: ['EMAIL'] },
};

function invitationOracle(status: string, request: Request, hasEmail: boolean, hasPhone: boolean) {
  if (status !== 'FORCE_CHANGE_PASSWORD' || request?.messageAction === 'SUPPRESS') return 'NONE';
  const mediums = request ? (request.desiredDeliveryMediums ?? ['SMS']) : ['EMAIL', 'SMS'];
  if (mediums.includes('EMAIL') && hasEmail) return 'EMAIL';
  if (mediums.includes('SMS') && hasPhone) return 'SMS';
  return 'NONE';
}

describe('predictInvitationChannel: truth table', () => {
  for (const status of STATUSES) {
    for (const [name, request] of Object.entries(REQUESTS)) {
      for (const [hasEmail, hasPhone] of HAS) {
        it(`${status}, request ${name}, e-mail ${hasEmail}, phone ${hasPhone}`, () => {
          const p = predictInvitationChannel({
            status,
            attributes: attrs(hasEmail, hasPhone),
            ...(request ? { request } : {}),
          });
          const want = invitationOracle(status, request, hasEmail, hasPhone);
          expect(p.channel).toBe(want);
          expect(p.destination).toBe(want === 'EMAIL' ? EMAIL : want === 'SMS' ? PHONE : undefined);
          expect(p.rule).toBe('invitation');
        });
      }
    }
  }

  it('says why nothing goes out', () => {
    const p = predictInvitationChannel({ status: 'FORCE_CHANGE_PASSWORD', attributes: { email: EMAIL }, request: {} });
    expect(p.mechanisms).toEqual([
      { name: 'SMS', priority: 1, qualifies: false, reason: 'the user has no phone_number' },
    ]);
  });
});

describe('resendMedium: the medium a resent invitation names', () => {
  it('the e-mail address, else the phone, else none', () => {
    expect(HAS.map(([e, p]) => resendMedium(attrs(e, p)))).toEqual([undefined, 'EMAIL', 'SMS', 'EMAIL']);
    // An empty attribute is no address.
    expect(resendMedium({ email: '', phone_number: PHONE })).toBe('SMS');
  });
});

describe('predictVerificationChannel: truth table', () => {
  for (const attribute of ['email', 'phone_number'] as const) {
    for (const status of STATUSES) {
      for (const [hasEmail, hasPhone] of HAS) {
        it(`${attribute}, ${status}, e-mail ${hasEmail}, phone ${hasPhone}`, () => {
          const p = predictVerificationChannel({ attribute, status, attributes: attrs(hasEmail, hasPhone) });
          const blocked = ['UNCONFIRMED', 'RESET_REQUIRED', 'EXTERNAL_PROVIDER', 'FORCE_CHANGE_PASSWORD'].includes(
            status,
          );
          const has = attribute === 'email' ? hasEmail : hasPhone;
          const want = blocked || !has ? 'NONE' : attribute === 'email' ? 'EMAIL' : 'SMS';
          expect(p.channel).toBe(want);
          if (want !== 'NONE') expect(p.destination).toBe(attribute === 'email' ? EMAIL : PHONE);
        });
      }
    }
  }
});
