import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rateLimitOf, UNPUBLISHED_RPS } from '../../src/aws/rate-limits.js';
import type { IamAction } from '../../src/aws/services.js';

describe('rateLimitOf', () => {
  it.each([
    // Cognito: the per-category quotas, shared by the operations of a category.
    ['cognito-idp:DescribeUserPool', 'cognito-idp:UserPoolRead', 15],
    ['cognito-idp:GetLogDeliveryConfiguration', 'cognito-idp:UserPoolRead', 15],
    ['cognito-idp:DescribeUserPoolClient', 'cognito-idp:UserPoolClientRead', 5],
    ['cognito-idp:AdminGetUser', 'cognito-idp:UserRead', 120],
    ['cognito-idp:ListUsers', 'cognito-idp:UserList', 30],
    ['cognito-idp:AdminListUserAuthEvents', 'cognito-idp:UserResourceRead', 50],
    ['cognito-idp:AdminCreateUser', 'cognito-idp:UserCreation', 50],
    ['cognito-idp:AdminSetUserPassword', 'cognito-idp:UserAccountRecovery', 30],
    ['cognito-idp:AdminUpdateUserAttributes', 'cognito-idp:UserUpdate', 25],
    ['cognito-idp:AdminEnableUser', 'cognito-idp:UserUpdate', 25],
    // Quotas of one action.
    ['cloudtrail:LookupEvents', 'cloudtrail:LookupEvents', 2],
    ['logs:FilterLogEvents', 'logs:FilterLogEvents', 5],
    ['cloudwatch:GetMetricData', 'cloudwatch:GetMetricData', 50],
    ['lambda:GetFunction', 'lambda:GetFunction', 100],
    ['lambda:GetPolicy', 'lambda:GetPolicy', 15],
    ['sms-voice:DeleteOptedOutNumber', 'sms-voice:DeleteOptedOutNumber', 10],
    // A service default: Lambda's control plane is shared, End User Messaging's is per operation.
    ['lambda:GetFunctionConfiguration', 'lambda:control-plane', 15],
    ['sms-voice:DescribePhoneNumbers', 'sms-voice:DescribePhoneNumbers', 1],
    ['sms-voice:DescribeAccountAttributes', 'sms-voice:DescribeAccountAttributes', 1],
    // Nothing published: ours.
    ['sns:GetSMSAttributes', 'sns:GetSMSAttributes', UNPUBLISHED_RPS],
    ['ses:GetAccount', 'ses:GetAccount', UNPUBLISHED_RPS],
    ['iam:GetRole', 'iam:GetRole', UNPUBLISHED_RPS],
    ['cognito-idp:DescribeRiskConfiguration', 'cognito-idp:DescribeRiskConfiguration', 15],
  ] as const)('%s counts against %s at %d a second', (action, category, rps) => {
    expect(rateLimitOf(action)).toEqual({ category, rps });
  });

  it('every Cognito operation the tool sends counts against its API category, not the fallback', () => {
    const text = readFileSync(join(import.meta.dirname, '../../src/aws/sdk/cognito-idp.ts'), 'utf8');
    const operations = [...text.matchAll(/\b(\w+)Command\b/g)].map((m) => m[1]!);
    expect(operations.length).toBeGreaterThan(10);
    for (const operation of operations) {
      const action: IamAction = `cognito-idp:${operation}`;
      expect(rateLimitOf(action).category, action).not.toBe(action);
    }
  });
});
