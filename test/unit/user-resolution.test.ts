// Which ListUsers search the input gets, and which of several users sharing a value is diagnosed.

import type { UserStatusType, UserType } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { isCaseSensitive, pickCandidate, searchFor } from '../../src/context/index.js';

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
});
