import { describe, expect, it } from 'vitest';
import {
  decode,
  encode,
  isSecretField,
  NOT_RECORDED,
  PERSONAL_NOT_RECORDED,
  requestKey,
} from '../../src/aws/recording.js';

describe('recording values', () => {
  it('dates and bytes come back as the SDK gave them', () => {
    const output = { UserCreateDate: new Date('2026-01-02T03:04:05.678Z'), Payload: new Uint8Array([1, 2, 255]), n: 3 };
    const back = decode(JSON.parse(JSON.stringify(encode(output)))) as typeof output;
    expect(back).toEqual(output);
    expect(back.UserCreateDate).toBeInstanceOf(Date);
  });

  it('secrets are replaced, pagination tokens and policies kept, $metadata dropped', () => {
    const out = encode({
      $metadata: { requestId: 'r' },
      UserPoolClient: { ClientSecret: 's3cr3t', ClientId: 'c' },
      Credentials: { SecretAccessKey: 'k', SessionToken: 't' },
      Code: { Location: 'https://bucket.s3.amazonaws.com/x?X-Amz-Security-Token=t' },
      Configuration: { Environment: { Variables: { API_KEY: 'k' } } },
      Policies: { PasswordPolicy: { MinimumLength: 8, TemporaryPasswordValidityDays: 7 } },
      NextToken: 'page-2',
      nextForwardToken: 'f/1',
      PaginationToken: 'p',
    });
    expect(out).toEqual({
      UserPoolClient: { ClientSecret: NOT_RECORDED, ClientId: 'c' },
      Credentials: { SecretAccessKey: NOT_RECORDED, SessionToken: NOT_RECORDED },
      Code: { Location: NOT_RECORDED },
      Configuration: { Environment: { Variables: { API_KEY: NOT_RECORDED } } },
      Policies: { PasswordPolicy: { MinimumLength: 8, TemporaryPasswordValidityDays: 7 } },
      NextToken: 'page-2',
      nextForwardToken: 'f/1',
      PaginationToken: 'p',
    });
    expect(isSecretField('Marker', [])).toBe(false);
  });

  it('redacted, a user attribute no check reads is not recorded; the ones they read go through the pseudonyms', () => {
    const attributes = [
      { Name: 'sub', Value: 'f79eef7e' },
      { Name: 'email', Value: 'alice@example.com' },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'family_name', Value: 'Liddell' },
      { Name: 'custom:national_id', Value: 'AB123456C' },
    ];
    const output = { UserAttributes: attributes, Users: [{ Username: 'alice', Attributes: attributes }] };
    const text = (s: string) => s.replace('alice', 'zoe');
    const redacted = encode(output, text) as { UserAttributes: unknown; Users: [{ Attributes: unknown }] };
    const expected = [
      { Name: 'sub', Value: 'f79eef7e' },
      { Name: 'email', Value: 'zoe@example.com' },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'family_name', Value: PERSONAL_NOT_RECORDED },
      { Name: 'custom:national_id', Value: PERSONAL_NOT_RECORDED },
    ];
    expect(redacted.UserAttributes).toEqual(expected);
    expect(redacted.Users[0].Attributes).toEqual(expected);
    // Not redacted: the recording is the answer as it came.
    expect(encode(output)).toEqual(output);
    // Another service's name-value list is no user's: End User Messaging's account tier is kept.
    const tier = { AccountAttributes: [{ Name: 'ACCOUNT_TIER', Value: 'SANDBOX' }] };
    expect(encode(tier, text)).toEqual(tier);
  });

  it('a request key is the same from the live input and from the recorded one', () => {
    const input = { StartTime: new Date('2026-01-01T00:00:00Z'), LookupAttributes: [{ AttributeKey: 'EventName' }] };
    const recorded = JSON.parse(JSON.stringify(encode(input))) as unknown;
    expect(requestKey('cloudtrail:LookupEvents', 'eu-west-1', decode(recorded))).toBe(
      requestKey('cloudtrail:LookupEvents', 'eu-west-1', input),
    );
  });
});
