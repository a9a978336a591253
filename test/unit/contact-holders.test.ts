// Other accounts holding a user's contact, and which of them a mark-verified step would take it from.

import type { UserStatusType, UserType } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { contactHolders, verifiedElsewhere } from '../../src/domain/contact-holders.js';

const account = (
  Username: string,
  flags: Record<string, string>,
  UserStatus: UserStatusType = 'CONFIRMED',
): UserType => ({
  Username,
  UserStatus,
  Enabled: true,
  Attributes: Object.entries(flags).map(([Name, Value]) => ({ Name, Value })),
});

describe('contactHolders', () => {
  const listed = [
    account('jane', { email: 'jane@example.com', email_verified: 'false' }),
    account('jane-2019', { email: 'jane@example.com', email_verified: 'true', phone_number_verified: 'false' }),
    account('google_104231723456789012345', { email: 'jane@example.com' }, 'EXTERNAL_PROVIDER'),
  ];

  it('lists the other accounts with their status and both verified flags, in ListUsers order', () => {
    const holders = contactHolders(listed, 'email', 'jane@example.com', 'jane');
    expect(holders).toEqual({
      attribute: 'email',
      value: 'jane@example.com',
      truncated: false,
      others: [
        {
          username: 'jane-2019',
          status: 'CONFIRMED',
          enabled: true,
          verified: true,
          email_verified: 'true',
          phone_number_verified: 'false',
        },
        {
          username: 'google_104231723456789012345',
          status: 'EXTERNAL_PROVIDER',
          enabled: true,
          verified: false,
          email_verified: null,
          phone_number_verified: null,
        },
      ],
    });
  });

  it('reads the verified flag of the attribute searched, not the other one', () => {
    const phone = [
      account('bob', { phone_number: '+447700900123', email_verified: 'true', phone_number_verified: 'false' }),
    ];
    expect(contactHolders(phone, 'phone_number', '+447700900123', 'jane').others[0]?.verified).toBe(false);
  });

  it('keeps the truncation, so a caller knows an unread holder may exist', () => {
    expect(contactHolders([], 'email', 'jane@example.com', 'jane', true)).toMatchObject({
      others: [],
      truncated: true,
    });
  });
});

describe('verifiedElsewhere', () => {
  it('names only the other accounts that hold the value verified', () => {
    const users = [
      account('jane', { email_verified: 'false' }),
      account('jane-2019', { email_verified: 'true' }),
      account('jane-old', { email_verified: 'false' }),
    ];
    expect(
      verifiedElsewhere(contactHolders(users, 'email', 'jane@example.com', 'jane')).map((h) => h.username),
    ).toEqual(['jane-2019']);
  });

  it('never names the user itself, verified or not', () => {
    const users = [account('jane', { email_verified: 'true' })];
    expect(verifiedElsewhere(contactHolders(users, 'email', 'jane@example.com', 'jane'))).toEqual([]);
  });
});
