// Why Cognito does not resolve an input a search found: a truth table over real pool configurations.

import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { identifierCause, type IdentifierFacts } from '../../src/domain/identifier.js';

const usernameOnly: UserPoolType = { UsernameConfiguration: { CaseSensitive: false } };
const emailAlias: UserPoolType = {
  AliasAttributes: ['email', 'phone_number'],
  UsernameConfiguration: { CaseSensitive: false },
};
const emailUsername: UserPoolType = { UsernameAttributes: ['email'], UsernameConfiguration: { CaseSensitive: false } };
const legacyAlias: UserPoolType = { AliasAttributes: ['email'] }; // no UsernameConfiguration: case-sensitive

const byEmail: IdentifierFacts = {
  input: 'jane@example.com',
  username: 'jdoe-42',
  status: 'CONFIRMED',
  attribute: 'email',
  stored: 'jane@example.com',
  verified: true,
  asSent: false,
};

describe('identifierCause', () => {
  it('is never an identifier problem for a federated user, whatever the pool or --as-sent', () => {
    for (const pool of [usernameOnly, emailAlias, legacyAlias]) {
      const federated = { ...byEmail, status: 'EXTERNAL_PROVIDER', asSent: true, verified: false };
      expect(identifierCause(pool, federated)).toEqual({ kind: 'none', why: 'federated' });
    }
  });

  it('is a warning-level "not a sign-in attribute" unless the input is known to be what the app sends', () => {
    expect(identifierCause(usernameOnly, byEmail)).toEqual({ kind: 'not-sign-in', attribute: 'email', known: false });
    expect(identifierCause(usernameOnly, { ...byEmail, asSent: true })).toMatchObject({ known: true });
    const phone = { ...byEmail, input: '+447400123456', attribute: 'phone_number' as const, stored: '+447400123456' };
    expect(identifierCause(emailUsername, phone)).toMatchObject({ kind: 'not-sign-in', attribute: 'phone_number' });
  });

  it('never blames a username attribute (verified or not) or a verified alias', () => {
    expect(identifierCause(emailUsername, { ...byEmail, verified: false, asSent: true })).toEqual({
      kind: 'none',
      why: 'sign-in-attribute',
    });
    expect(identifierCause(emailAlias, { ...byEmail, asSent: true })).toEqual({
      kind: 'none',
      why: 'sign-in-attribute',
    });
  });

  it('names an unverified alias', () => {
    expect(identifierCause(emailAlias, { ...byEmail, verified: false })).toEqual({
      kind: 'alias-unverified',
      attribute: 'email',
    });
  });

  it('names the exact case on a case-sensitive pool, for the username or a sign-in attribute', () => {
    const stored = { ...byEmail, input: 'jane.doe@example.com', stored: 'Jane.Doe@Example.com' };
    expect(identifierCause(legacyAlias, stored)).toEqual({ kind: 'case', exact: 'Jane.Doe@Example.com' });
    const name = { ...byEmail, input: 'Jane', username: 'jane', attribute: 'username' as const, stored: 'jane' };
    expect(identifierCause(legacyAlias, name)).toEqual({ kind: 'case', exact: 'jane' });
    // Not a sign-in attribute: its case does not matter, the attribute does.
    expect(identifierCause({}, stored)).toMatchObject({ kind: 'not-sign-in' });
  });

  it('ignores case on a case-insensitive pool', () => {
    const stored = { ...byEmail, input: 'JANE@EXAMPLE.COM', verified: false };
    expect(identifierCause(emailAlias, stored)).toEqual({ kind: 'alias-unverified', attribute: 'email' });
  });

  it('has nothing to say about a sub or a username that differs in more than case', () => {
    expect(identifierCause(usernameOnly, { ...byEmail, attribute: 'sub', input: 'x', stored: 'y' })).toEqual({
      kind: 'none',
      why: 'sign-in-attribute',
    });
  });
});
