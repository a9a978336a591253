import { aws, docs, remediation } from './remedy.js';
import type { Check, Outcome } from './types.js';

/** SNS applies this monthly SMS spend limit when the account never set one. */
const DEFAULT_SPEND_LIMIT_USD = 1;
const NEAR_LIMIT = 0.8;

export const sms: Check = {
  id: 'sms',
  title: 'SMS can reach the user',
  scope: 'SMS',
  dependsOn: ['pool', 'user'],
  codes: ['sms-not-configured', 'sms-sandbox', 'sms-spend-limit-reached', 'sms-opted-out'],
  reads: [
    'sns:GetSMSAttributes',
    'sns:GetSMSSandboxAccountStatus',
    'sns:ListSMSSandboxPhoneNumbers',
    'sns:CheckIfPhoneNumberIsOptedOut',
    'cloudwatch:GetMetricData',
  ],
  docs: [docs.smsSettings, docs.snsSandbox, docs.snsSpend],
  async run(ctx) {
    const [p, { attributes: a }] = await Promise.all([ctx.pool(), ctx.user()]);
    const phone = a.phone_number;
    if (!phone) return { status: 'skip', message: 'The user has no phone number: no code can go by SMS.' };
    const config = p.SmsConfiguration;
    if (!config?.SnsCallerArn && !config?.EumsSms) {
      return {
        status: 'fail',
        code: 'sms-not-configured',
        message: 'The pool has no SMS configuration (no SNS caller role): Cognito cannot send the code by SMS.',
        evidence: { 'DescribeUserPool.UserPool.SmsConfiguration': config ?? null },
        remediation: remediation(
          'Configure SMS for the pool (an IAM role Cognito assumes to publish with SNS) in the console or IaC, or make e-mail the recovery channel; update-user-pool resets every setting it omits.',
          [],
          [docs.smsSettings],
        ),
      };
    }
    const { region, source } = await ctx.smsRegion();
    const [inSandbox, attributes, spent, optedOut] = await Promise.all([
      ctx.sns.isInSandbox(region),
      ctx.sns.smsAttributes(region),
      ctx.cloudwatch.monthMaximum(region, 'AWS/SNS', 'SMSMonthToDateSpentUSD'),
      ctx.sns.isOptedOut(region, phone),
    ]);
    const where = { smsRegion: region, smsRegionSource: source };
    const outcomes: Outcome[] = [];
    if (inSandbox) {
      const numbers = await ctx.sns.sandboxPhoneNumbers(region);
      const entry = numbers.find((n) => n.PhoneNumber === phone);
      const verified = entry?.Status === 'Verified';
      outcomes.push({
        status: verified ? 'info' : 'fail',
        code: 'sms-sandbox',
        message: verified
          ? `The SNS account in ${region} is in the SMS sandbox, but ${phone} is a verified sandbox destination, so it receives messages; other users' numbers do not.`
          : `The SNS account in ${region} is in the SMS sandbox and ${phone} is not a verified sandbox destination${entry ? ` (its status is ${entry.Status})` : ''}: the SMS is silently dropped.`,
        evidence: {
          ...where,
          'GetSMSSandboxAccountStatus.IsInSandbox': true,
          'ListSMSSandboxPhoneNumbers.PhoneNumbers[destination].Status': entry?.Status ?? null,
        },
        ...(verified
          ? {}
          : {
              remediation: remediation(
                'Request SMS production access for this Region (a support case). To test meanwhile, add and verify the number as a sandbox destination:',
                [
                  aws(ctx, ['sns', 'create-sms-sandbox-phone-number', '--phone-number', phone], region),
                  aws(
                    ctx,
                    [
                      'sns',
                      'verify-sms-sandbox-phone-number',
                      '--phone-number',
                      phone,
                      '--one-time-password',
                      { raw: '"$OTP"' },
                    ],
                    region,
                  ),
                ],
                [docs.snsSandbox],
              ),
            }),
      });
    }
    const configured = attributes.MonthlySpendLimit;
    const limit = configured !== undefined ? Number(configured) : DEFAULT_SPEND_LIMIT_USD;
    const spend = spent ?? 0;
    const spendEvidence = {
      ...where,
      'GetSMSAttributes.attributes.MonthlySpendLimit':
        configured ?? `(not set: the account default of ${DEFAULT_SPEND_LIMIT_USD} USD applies)`,
      'GetMetricData.AWS/SNS.SMSMonthToDateSpentUSD': spent ?? null,
    };
    if (spend >= limit * NEAR_LIMIT) {
      const reached = spend >= limit;
      outcomes.push({
        status: reached ? 'fail' : 'warn',
        code: 'sms-spend-limit-reached',
        message: reached
          ? `SMS spend this month (${spend} USD) has reached the monthly limit of ${limit} USD in ${region}: SNS has stopped sending SMS.`
          : `SMS spend this month (${spend} USD) is close to the monthly limit of ${limit} USD in ${region}: SNS stops sending when it is reached.`,
        evidence: spendEvidence,
        remediation: remediation(
          'Raise the limit (above the service quota SNS stops sending: request a quota increase first):',
          [
            aws(
              ctx,
              ['sns', 'set-sms-attributes', '--attributes', `MonthlySpendLimit=${Math.max(Math.ceil(limit * 2), 10)}`],
              region,
            ),
          ],
          [docs.snsSpend, docs.forgotPassword],
        ),
      });
    }
    if (optedOut) {
      outcomes.push({
        status: 'fail',
        code: 'sms-opted-out',
        message: `${phone} has opted out of SMS from this account (it replied STOP): SNS drops every message to it.`,
        evidence: { ...where, 'CheckIfPhoneNumberIsOptedOut.isOptedOut': true },
        remediation: remediation(
          "Only with the user's consent, opt the number back in (possible once every 30 days):",
          [aws(ctx, ['sns', 'opt-in-phone-number', '--phone-number', phone], region)],
          ['https://docs.aws.amazon.com/sns/latest/api/API_OptInPhoneNumber.html'],
        ),
      });
    }
    return outcomes.length
      ? outcomes
      : {
          status: 'pass',
          message: `SMS from ${region} can reach ${phone}: out of the sandbox, ${spend} of ${limit} USD spent this month, not opted out.`,
          evidence: {
            ...spendEvidence,
            'GetSMSSandboxAccountStatus.IsInSandbox': inSandbox,
            'CheckIfPhoneNumberIsOptedOut.isOptedOut': false,
          },
        };
  },
};
