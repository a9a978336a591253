import { describe, expect, it } from 'vitest';
import { cognitoInvokePermission, parseFunctionArn } from '../../src/domain/lambda.js';

const POOL = 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123';
const ACCOUNT = '123456789012';
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const cognito = { Service: 'cognito-idp.amazonaws.com' };
const invoke = { Effect: 'Allow', Action: 'lambda:InvokeFunction', Principal: cognito };

describe('parseFunctionArn', () => {
  it('splits a qualified ARN into the function, its Region and the alias', () => {
    expect(parseFunctionArn('arn:aws:lambda:eu-west-2:210987654321:function:msg:live', 'eu-west-1')).toEqual({
      arn: 'arn:aws:lambda:eu-west-2:210987654321:function:msg:live',
      unqualifiedArn: 'arn:aws:lambda:eu-west-2:210987654321:function:msg',
      name: 'msg',
      qualifier: 'live',
      region: 'eu-west-2',
      account: '210987654321',
    });
  });
  it('has no qualifier for an unqualified ARN', () => {
    const ref = parseFunctionArn('arn:aws:lambda:eu-west-1:123456789012:function:msg', 'eu-west-1');
    expect(ref.qualifier).toBeUndefined();
    expect(ref.unqualifiedArn).toBe(ref.arn);
  });
  it('takes anything else as a name in the pool Region', () => {
    expect(parseFunctionArn('msg', 'eu-west-1')).toMatchObject({ name: 'msg', region: 'eu-west-1' });
  });
});

describe('cognitoInvokePermission', () => {
  it('allows a statement for cognito-idp with this pool as SourceArn', () => {
    const policy = doc({ Sid: 'ok', ...invoke, Condition: { ArnLike: { 'AWS:SourceArn': POOL } } });
    expect(cognitoInvokePermission(policy, POOL, ACCOUNT).allowedBy).toBe('ok');
  });
  it('allows a statement without conditions, and one limited to the account only', () => {
    expect(cognitoInvokePermission(doc({ Sid: 'any', ...invoke }), POOL, ACCOUNT).allowedBy).toBe('any');
    const byAccount = doc({ Sid: 'acct', ...invoke, Condition: { StringEquals: { 'AWS:SourceAccount': ACCOUNT } } });
    expect(cognitoInvokePermission(byAccount, POOL, ACCOUNT).allowedBy).toBe('acct');
  });
  it('matches wildcards in ArnLike and lower-case condition keys', () => {
    const policy = doc({
      Sid: 'wild',
      ...invoke,
      Action: ['lambda:*'],
      Condition: { ArnLike: { 'aws:sourcearn': 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/*' } },
    });
    expect(cognitoInvokePermission(policy, POOL, ACCOUNT).allowedBy).toBe('wild');
  });
  it('refuses a statement for another pool, another account or another principal', () => {
    const otherPool = doc({
      ...invoke,
      Condition: { ArnLike: { 'AWS:SourceArn': POOL.replace('AbC123', 'StAg1Ng') } },
    });
    const otherAccount = doc({ ...invoke, Condition: { StringEquals: { 'AWS:SourceAccount': '999999999999' } } });
    const s3 = doc({ ...invoke, Principal: { Service: 's3.amazonaws.com' } });
    const otherAction = doc({ ...invoke, Action: 'lambda:GetFunction' });
    for (const policy of [otherPool, otherAccount, otherAction]) {
      const result = cognitoInvokePermission(policy, POOL, ACCOUNT);
      expect(result.allowedBy).toBeUndefined();
      expect(result.cognitoStatements).toHaveLength(1);
    }
    expect(cognitoInvokePermission(s3, POOL, ACCOUNT)).toMatchObject({ cognitoStatements: [] });
    expect(cognitoInvokePermission(s3, POOL, ACCOUNT).reason).toMatch(/no statement names cognito-idp/);
  });
  it('lets a matching Deny win over an Allow', () => {
    const policy = doc({ Sid: 'ok', ...invoke }, { Sid: 'no', ...invoke, Effect: 'Deny' });
    const result = cognitoInvokePermission(policy, POOL, ACCOUNT);
    expect(result.allowedBy).toBeUndefined();
    expect(result.reason).toBe('statement no denies it');
  });
  it('reports no policy at all, and a policy that is not JSON', () => {
    expect(cognitoInvokePermission(undefined, POOL, ACCOUNT).reason).toBe('the function has no resource-based policy');
    expect(cognitoInvokePermission('{', POOL, ACCOUNT).reason).toMatch(/not valid JSON/);
  });
  it('honours a negated condition', () => {
    const policy = doc({ ...invoke, Condition: { ArnNotLike: { 'AWS:SourceArn': POOL } } });
    expect(cognitoInvokePermission(policy, POOL, ACCOUNT).allowedBy).toBeUndefined();
  });
});
