// Which ListUsers search the input gets, and which of several users sharing a value is diagnosed.

import type { UserStatusType, UserType } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import {
  activeMfa,
  ambiguousMatch,
  attributesOf,
  isCaseSensitive,
  pickCandidate,
  searchFor,
} from '../../src/domain/user-resolution.js';

describe('searchFor', () => {
  const insensitive = { UsernameConfiguration: { CaseSensitive: false } };
  it.each([
    ['jane@example.com', insensitive, 'email = "jane@example.com"'],
    ['+447700900123', insensitive, 'phone_number = "+447700900123"'],
    ['0f9e8d7c-1234-4abc-8def-001122334455', insensitive, 'sub = "0f9e8d7c-1234-4abc-8def-001122334455"'],
    ['Jane', { UsernameConfiguration: { CaseSensitive: true } }, 'username = "jane"'],
    ['Jane', {}, 'username = "jane"'],
    ['Jane', insensitive, undefined],
    ['jane', {}, undefined],
    ['a"b@example.com', insensitive, 'email = "a\\"b@example.com"'],
  ])('%s', (input, pool, filter) => {
    expect(searchFor(input, pool)?.filter).toBe(filter);
  });

  it('treats an absent UsernameConfiguration as case-sensitive (the API default)', () => {
    expect(isCaseSensitive({})).toBe(true);
    expect(isCaseSensitive({ UsernameConfiguration: { CaseSensitive: false } })).toBe(false);
  });
});

describe('pickCandidate', () => {
  const user = (
    Username: string,
    verified: boolean,
    UserStatus: UserStatusType = 'CONFIRMED',
    Enabled = true,
  ): UserType => ({
    Username,
    UserStatus,
    Enabled,
    Attributes: [
      { Name: 'email', Value: 'jane@example.com' },
      { Name: 'email_verified', Value: String(verified) },
    ],
  });

  it('prefers the user with the searched value verified', () => {
    expect(pickCandidate([user('old', false), user('new', true, 'UNCONFIRMED')], 'email')?.Username).toBe('new');
  });

  it('then a confirmed, enabled user', () => {
    const users = [user('a', false, 'UNCONFIRMED'), user('b', false, 'CONFIRMED', false), user('c', false)];
    expect(pickCandidate(users, 'email')?.Username).toBe('c');
  });

  it('keeps ListUsers order on a tie, and returns nothing for nobody', () => {
    expect(pickCandidate([user('first', true), user('second', true)], 'email')?.Username).toBe('first');
    expect(pickCandidate([], 'email')).toBeUndefined();
  });

  it('passes over a federated user: it has no password to reset, a local account sharing the value has', () => {
    const google = { ...user('google_104231723456789012345', true), UserStatus: 'EXTERNAL_PROVIDER' as const };
    expect(pickCandidate([google, user('jane', false)], 'email')?.Username).toBe('jane');
    expect(pickCandidate([google], 'email')?.Username).toBe('google_104231723456789012345');
  });

  it('ignores verified flags when the search was by username or sub', () => {
    const users = [user('a', false), user('b', true)];
    expect(pickCandidate(users, 'username')?.Username).toBe('a');
    expect(pickCandidate(users, 'sub')?.Username).toBe('a');
  });
});

describe('activeMfa', () => {
  it('is empty when the pool has MFA off, whatever the user has set', () => {
    expect(activeMfa({ $metadata: {}, Username: 'jane', UserMFASettingList: ['SMS_MFA'] }, 'OFF')).toEqual([]);
  });

  it('joins the current factors, the preferred one and the legacy SMS option, once each', () => {
    const u = {
      $metadata: {},
      Username: 'jane',
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'EMAIL_OTP',
      MFAOptions: [{ DeliveryMedium: 'SMS' as const, AttributeName: 'phone_number' }],
    };
    expect(activeMfa(u, 'OPTIONAL').sort()).toEqual(['EMAIL_OTP', 'SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
    expect(activeMfa({ ...u, UserMFASettingList: ['SMS_MFA'], PreferredMfaSetting: 'SMS_MFA' }, 'ON')).toEqual([
      'SMS_MFA',
    ]);
  });

  it('ignores a legacy option that is not SMS', () => {
    const u = {
      $metadata: {},
      Username: 'jane',
      MFAOptions: [{ DeliveryMedium: 'EMAIL' as const, AttributeName: 'email' }],
    };
    expect(activeMfa(u, 'OPTIONAL')).toEqual([]);
  });
});

describe('attributesOf', () => {
  it('keys values by name and reads a missing value as empty', () => {
    expect(attributesOf([{ Name: 'email', Value: 'jane@example.com' }, { Name: 'name' }])).toEqual({
      email: 'jane@example.com',
      name: '',
    });
    expect(attributesOf(undefined)).toEqual({});
  });
});

describe('ambiguousMatch', () => {
  const two: UserType[] = [{ Username: 'jdoe-old' }, { Username: 'jdoe-42' }];
  it.each([
    ['email', two, false, two],
    ['phone_number', two, false, two],
    // Cognito resolved a verified alias: one account holds it, the one ForgotPassword reaches.
    ['alias', two, false, undefined],
    ['email', two.slice(1), true, two.slice(1)],
    ['email', two.slice(1), false, undefined],
    ['alias', two.slice(1), false, undefined],
    ['username', two, false, undefined],
    ['sub', two, true, undefined],
    ['none', two, false, undefined],
  ] as const)('%s with %#', (via, candidates, truncated, expected) => {
    expect(ambiguousMatch(via, candidates, truncated)).toEqual(expected);
  });
});
