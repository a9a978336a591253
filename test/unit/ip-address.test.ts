import { describe, expect, it } from 'vitest';
import { maskIpAddresses } from '../../src/domain/ip-address.js';

describe('maskIpAddresses', () => {
  it.each([
    ['203.0.113.10', '203.0.*.*'],
    ['from 198.51.100.7, then 10.0.0.1.', 'from 198.51.*.*, then 10.0.*.*.'],
    ['"sourceIPAddress":"192.0.2.255"', '"sourceIPAddress":"192.0.*.*"'],
    ['2001:db8:85a3::8a2e:370:7334', '2001:db8:*'],
    ['2001:0db8:85a3:0000:0000:8a2e:0370:7334', '2001:0db8:*'],
    ['fe80::1', 'fe80::1'],
  ])('%s → %s', (text, masked) => {
    expect(maskIpAddresses(text)).toBe(masked);
  });

  it.each([
    'aws-cli/2.9.19 Python/3.11.2',
    'version 1.2.3.4.5',
    '256.1.1.1',
    '2026-11-25T10:20:30Z',
    'at 10:20:30',
    'arn:aws:lambda:eu-west-1:123456789012:function:custom-message',
    '*.*',
  ])('leaves %s alone', (text) => {
    expect(maskIpAddresses(text)).toBe(text);
  });

  it('a masked address stays as it is', () => {
    expect(maskIpAddresses(maskIpAddresses('203.0.113.10'))).toBe('203.0.*.*');
  });
});
