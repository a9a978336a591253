import { describe, expect, it } from 'vitest';
import { cognitoSendingAuthorization, cognitoSendingPolicy, type SendingRequest } from '../../src/domain/ses-policy.js';

const request: SendingRequest = {
  identityArn: 'arn:aws:ses:eu-west-1:123456789012:identity/shop.example.com',
  poolArn: 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123',
  account: '123456789012',
};

const statement = (extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Principal: { Service: 'email.cognito-idp.amazonaws.com' },
  Action: ['SES:SendEmail', 'SES:SendRawEmail'],
  Resource: request.identityArn,
  ...extra,
});
const policies = (...statements: unknown[]) => ({
  p: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
});
const verdict = (...statements: unknown[]) => cognitoSendingAuthorization(policies(...statements), request).verdict;

describe('cognitoSendingAuthorization', () => {
  it('is missing without policies', () => {
    expect(cognitoSendingAuthorization(undefined, request).verdict).toBe('missing');
    expect(cognitoSendingAuthorization({}, request).verdict).toBe('missing');
  });

  it('allows the developer guide example with this pool and account (condition keys in any case)', () => {
    const s = statement({
      Condition: {
        StringEquals: { 'AWS:SourceAccount': '123456789012' },
        ArnLike: { 'AWS:SourceArn': 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/*' },
      },
    });
    expect(verdict(s)).toBe('allowed');
  });

  it('accepts the policy it proposes as a fix', () => {
    expect(cognitoSendingAuthorization({ fix: cognitoSendingPolicy(request) }, request).verdict).toBe('allowed');
  });

  it('is missing when the condition names another pool or account', () => {
    expect(
      verdict(
        statement({
          Condition: {
            ArnEquals: { 'aws:SourceArn': 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Other' },
          },
        }),
      ),
    ).toBe('missing');
    expect(verdict(statement({ Condition: { StringEquals: { 'aws:SourceAccount': '999999999999' } } }))).toBe(
      'missing',
    );
  });

  it('is missing for another principal, action or resource', () => {
    expect(verdict(statement({ Principal: { Service: 'cognito-idp.amazonaws.com' } }))).toBe('missing');
    expect(verdict(statement({ Action: 'ses:SendTemplatedEmail' }))).toBe('missing');
    expect(verdict(statement({ Resource: 'arn:aws:ses:eu-west-1:123456789012:identity/other.example.com' }))).toBe(
      'missing',
    );
  });

  it('matches wildcards in actions, resources and principals', () => {
    expect(verdict(statement({ Action: 'ses:*' }))).toBe('allowed');
    expect(verdict(statement({ Action: 'ses:Send*' }))).toBe('allowed');
    expect(verdict(statement({ Resource: 'arn:aws:ses:eu-west-1:123456789012:identity/*' }))).toBe('allowed');
    expect(verdict(statement({ Principal: '*' }))).toBe('allowed');
    expect(verdict(statement({ Principal: { AWS: '*' } }))).toBe('allowed');
  });

  it('lets an explicit Deny win over an Allow', () => {
    expect(verdict(statement(), statement({ Effect: 'Deny' }))).toBe('denied');
  });

  it('reads negated operators: StringNotEquals on another account still allows this one', () => {
    expect(verdict(statement({ Condition: { StringNotEquals: { 'aws:SourceAccount': '999999999999' } } }))).toBe(
      'allowed',
    );
    expect(verdict(statement({ Condition: { StringNotEquals: { 'aws:SourceAccount': '123456789012' } } }))).toBe(
      'missing',
    );
  });

  it('says unverifiable, not allowed, for conditions it cannot evaluate', () => {
    expect(verdict(statement({ Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }))).toBe('unverifiable');
    expect(verdict(statement({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } }))).toBe('unverifiable');
    expect(verdict(statement({ NotPrincipal: { AWS: 'x' } }))).toBe('unverifiable');
  });

  it('lets a certain Allow stand beside another Allow it cannot evaluate, but not beside such a Deny', () => {
    const odd = { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } };
    expect(verdict(statement(), statement(odd))).toBe('allowed');
    expect(verdict(statement(), statement({ Effect: 'Deny', ...odd }))).toBe('unverifiable');
  });

  it('says unverifiable for a policy that is not JSON', () => {
    expect(cognitoSendingAuthorization({ broken: '{' }, request).verdict).toBe('unverifiable');
  });

  it('names the deciding policy and statement', () => {
    const out = cognitoSendingAuthorization(policies({ ...statement(), Sid: 'cognito' }), request);
    expect(out).toMatchObject({ verdict: 'allowed', policy: 'p', statement: 'cognito' });
  });
});
