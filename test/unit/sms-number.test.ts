import { describe, expect, it } from 'vitest';
import { parsePhone, validityOutcome } from '../../src/checks/sms/number.js';
import { SENDER_REGULATED_COUNTRIES, US_SMS_COUNTRIES } from '../../src/checks/sms/countries.js';

describe('phone number validity (libphonenumber-js)', () => {
  it.each([
    ['+447400123456', undefined, 'GB'],
    ['+12025550143', undefined, 'US'],
    ['+919876543210', undefined, 'IN'],
    ['+447700900123', 'fail', undefined], // Ofcom drama range: not allocated
    ['+1555', 'fail', undefined],
    ['07400123456', 'fail', undefined], // national form, not E.164
    ['+44 7400 123456', 'fail', 'GB'], // parses, but is not stored as E.164
    ['+442079460000', 'warn', 'GB'], // a landline
  ] as const)('%s → %s', async (raw, status, country) => {
    const phone = await parsePhone(raw);
    expect(phone.country).toBe(country);
    expect(validityOutcome(phone)?.status).toBe(status);
    if (status) expect(validityOutcome(phone)?.code).toBe('invalid-phone-number');
  });
});

describe('country data', () => {
  it('keeps India (DLT) and leaves the UK and the US out of the sender-regulation table', () => {
    expect(SENDER_REGULATED_COUNTRIES.IN?.requirement).toContain('DLT');
    expect(SENDER_REGULATED_COUNTRIES.GB).toBeUndefined();
    expect(SENDER_REGULATED_COUNTRIES.US).toBeUndefined();
    expect(US_SMS_COUNTRIES.has('US') && US_SMS_COUNTRIES.has('PR') && !US_SMS_COUNTRIES.has('CA')).toBe(true);
  });
});
