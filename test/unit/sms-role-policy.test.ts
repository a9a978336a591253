import { describe, expect, it } from 'vitest';
import { decodePolicy, roleNameOf } from '../../src/context/roles.js';
import { evaluatePermission, evaluateTrust, wildcard } from '../../src/domain/role-policy.js';

const COGNITO = 'cognito-idp.amazonaws.com';
const trust = (statement: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [statement] });
const cognitoTrust = (condition?: Record<string, unknown>) =>
  trust({
    Effect: 'Allow',
    Principal: { Service: COGNITO },
    Action: 'sts:AssumeRole',
    ...(condition ? { Condition: condition } : {}),
  });
const ctx = {
  service: COGNITO,
  externalId: 'shop-prod-sms',
  accountId: '123456789012',
  poolArn: 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123',
};

describe('evaluateTrust', () => {
  it('accepts cognito-idp with the matching ExternalId, SourceAccount and SourceArn', () => {
    expect(evaluateTrust(cognitoTrust(), ctx)).toEqual({ ok: true });
    expect(
      evaluateTrust(
        cognitoTrust({
          StringEquals: { 'sts:ExternalId': 'shop-prod-sms', 'aws:SourceAccount': '123456789012' },
          ArnLike: { 'aws:SourceArn': 'arn:aws:cognito-idp:*:123456789012:userpool/*' },
        }),
        ctx,
      ),
    ).toEqual({ ok: true });
  });

  it('rejects another ExternalId, or one the pool does not send', () => {
    const other = cognitoTrust({ StringEquals: { 'sts:ExternalId': 'other' } });
    expect(evaluateTrust(other, ctx)).toMatchObject({ ok: false, problem: expect.stringContaining('shop-prod-sms') });
    expect(
      evaluateTrust(cognitoTrust({ StringEquals: { 'sts:ExternalId': 'x' } }), { service: COGNITO }),
    ).toMatchObject({
      ok: false,
      problem: expect.stringContaining('has none'),
    });
  });

  it('rejects a SourceArn of another pool', () => {
    const t = cognitoTrust({ ArnEquals: { 'aws:SourceArn': ctx.poolArn.replace('AbC123', 'Other9') } });
    expect(evaluateTrust(t, ctx).ok).toBe(false);
  });

  it('names what the role trusts instead (identity pools are a common mistake)', () => {
    const t = trust({
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
    });
    expect(evaluateTrust(t, ctx).problem).toContain('no statement');
    const lambda = trust({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' });
    expect(evaluateTrust(lambda, ctx).problem).toContain('lambda.amazonaws.com');
  });

  it('an explicit Deny wins; unknown condition keys are not held against the role', () => {
    const doc = {
      Statement: [
        { Effect: 'Allow', Principal: { Service: [COGNITO] }, Action: ['sts:AssumeRole'] },
        { Sid: 'NoCognito', Effect: 'Deny', Principal: { Service: COGNITO }, Action: 'sts:*' },
      ],
    };
    expect(evaluateTrust(doc, ctx)).toMatchObject({ ok: false, problem: expect.stringContaining('NoCognito') });
    expect(evaluateTrust(cognitoTrust({ Bool: { 'aws:SecureTransport': 'true' } }), ctx).ok).toBe(true);
  });
});

describe('evaluatePermission', () => {
  const allow = (Action: unknown, Resource: unknown = '*') => ({
    source: 'p',
    document: { Statement: [{ Effect: 'Allow', Action, Resource }] },
  });
  it('matches actions case-insensitively and with wildcards', () => {
    expect(evaluatePermission([allow('sns:publish')], 'sns:Publish').allowed).toBe(true);
    expect(evaluatePermission([allow(['sns:*'])], 'sns:Publish').allowed).toBe(true);
    expect(evaluatePermission([allow('*')], 'sns:Publish').allowed).toBe(true);
    expect(evaluatePermission([allow(['sns:List*', 'sns:Get*'])], 'sns:Publish').allowed).toBe(false);
  });
  it('needs the resource: a topic ARN does not allow publishing to a phone number', () => {
    expect(evaluatePermission([allow('sns:Publish', 'arn:aws:sns:eu-west-1:1:topic')], 'sns:Publish').allowed).toBe(
      false,
    );
    const oi = 'arn:aws:sms-voice:eu-west-1:1:sender-id/Shop/GB';
    expect(evaluatePermission([allow('sms-voice:SendTextMessage', oi)], 'sms-voice:SendTextMessage', oi).allowed).toBe(
      true,
    );
  });
  it('an explicit Deny in any policy wins', () => {
    const deny = { source: 'deny-all', document: { Statement: { Effect: 'Deny', Action: 'sns:*', Resource: '*' } } };
    expect(evaluatePermission([allow('sns:Publish'), deny], 'sns:Publish')).toEqual({
      allowed: false,
      deniedBy: 'deny-all',
    });
  });
});

describe('IAM wire helpers', () => {
  it('decodes URL-encoded policy documents as IAM returns them', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' }] };
    expect(decodePolicy(encodeURIComponent(JSON.stringify(doc)))).toEqual(doc);
    expect(decodePolicy(JSON.stringify(doc))).toEqual(doc);
    expect(decodePolicy('%7Bnot json')).toBeUndefined();
  });
  it('takes the role name from an ARN with a path', () => {
    expect(roleNameOf('arn:aws:iam::123456789012:role/service-role/cognito-sms')).toBe('cognito-sms');
    expect(roleNameOf('arn:aws:iam::123456789012:user/alice')).toBeUndefined();
  });
  it('wildcards', () => {
    expect(wildcard('arn:aws:*:?:x', 'arn:aws:sns:1:x')).toBe(true);
    expect(wildcard('a.b', 'aXb')).toBe(false);
  });
});
