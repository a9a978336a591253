import { docs } from '../remedy/links.js';
import { remediation } from './remedy.js';
import { accountOutcomes } from './sms/account.js';
import { numberOutcomes, parsePhone, validityOutcome } from './sms/number.js';
import { regionOutcomes } from './sms/region.js';
import { roleOutcomes } from './sms/role.js';
import { routeOf } from './sms/route.js';
import type { Check, Outcome } from './types.js';
import { orUnread } from './unread.js';

/**
 * The SMS channel, read in the pool's SMS Region: configuration and Region, the role Cognito
 * assumes, the account (sandbox, spend, logging) and the destination (validity, opt-out, country rules,
 * protect configuration, US origination). The rule groups live in ./sms/; they run concurrently.
 */
export const sms: Check = {
  id: 'sms',
  title: 'SMS can reach the user',
  scope: 'SMS',
  dependsOn: ['pool', 'user'],
  codes: [
    'sms-not-configured',
    'sms-region-mismatch',
    'sms-role-trust-or-policy',
    'sms-sandbox',
    'sms-spend-limit-reached',
    'sms-spend-limit-above-quota',
    'sms-delivery-logging-off',
    'invalid-phone-number',
    'sms-opted-out',
    'country-sender-regulation',
    'protect-configuration-blocks-country',
    'us-origination-identity-missing',
    'us-tfn-or-10dlc-unregistered',
  ],
  reads: [
    'sns:GetSMSAttributes',
    'sns:GetSMSSandboxAccountStatus',
    'sns:ListSMSSandboxPhoneNumbers',
    'sns:CheckIfPhoneNumberIsOptedOut',
    'cloudwatch:GetMetricData',
    'iam:GetRole',
    'iam:ListRolePolicies',
    'iam:GetRolePolicy',
    'iam:ListAttachedRolePolicies',
    'iam:GetPolicy',
    'iam:GetPolicyVersion',
    'sms-voice:DescribeAccountAttributes',
    'sms-voice:DescribeSpendLimits',
    'sms-voice:DescribeVerifiedDestinationNumbers',
    'sms-voice:DescribeOptedOutNumbers',
    'sms-voice:DescribeProtectConfigurations',
    'sms-voice:GetProtectConfigurationCountryRuleSet',
    'sms-voice:DescribePhoneNumbers',
    'sms-voice:DescribeRegistrations',
  ],
  docs: [docs.smsSettings, docs.snsSandbox, docs.snsSpend],
  async run(ctx) {
    const [p, resolution] = await Promise.all([ctx.pool(), ctx.user()]);
    // The pool alone (the census): the channel for every number, no number of its own.
    const census = !resolution.user && ctx.target.census;
    if (!resolution.user && !census) return { status: 'skip', message: 'No user was resolved.' };
    const raw = resolution.attributes.phone_number;
    if (!raw && !census) return { status: 'skip', message: 'The user has no phone number: no code can go by SMS.' };
    const sender = p.LambdaConfig?.CustomSMSSender?.LambdaArn;
    if (sender) {
      // Cognito hands the code to the function instead of publishing it: the pool's SNS or End User
      // Messaging settings deliver nothing, so only the number itself is worth checking here.
      const invalid = raw ? validityOutcome(await parsePhone(raw)) : undefined;
      return invalid
        ? invalid
        : {
            status: 'pass',
            message: `A CustomSMSSender Lambda function delivers this pool's SMS, not Cognito through SNS: the triggers check covers the function.`,
            evidence: { 'DescribeUserPool.UserPool.LambdaConfig.CustomSMSSender.LambdaArn': sender },
          };
    }
    const where = await ctx.smsRegion();
    const route = routeOf(p, where);
    if (!route) {
      const config = p.SmsConfiguration;
      return {
        status: 'fail',
        code: 'sms-not-configured',
        message:
          'The pool has no SMS configuration (no SNS or End User Messaging caller role): Cognito cannot send the code by SMS.',
        evidence: { 'DescribeUserPool.UserPool.SmsConfiguration': config ?? null },
        remediation: remediation(
          'Configure SMS for the pool (an IAM role Cognito assumes to publish with SNS) in the console or IaC, or make e-mail the recovery channel; update-user-pool resets every setting it omits.',
          [],
          [docs.smsSettings],
        ),
      };
    }
    const phone = raw ? await parsePhone(raw) : undefined;
    const invalid = phone && validityOutcome(phone);
    const readable = phone && (!invalid || invalid.status !== 'fail');
    // Each group on its own: a denied read leaves what the others proved (an opted-out number stays a failure).
    const region = regionOutcomes(ctx, route);
    const groups = await Promise.all([
      orUnread(roleOutcomes(ctx, route), 'whether the SMS role trusts Cognito and may send'),
      orUnread(
        accountOutcomes(ctx, route, raw && (phone?.e164 ?? raw)),
        raw
          ? 'whether the SMS account can send to this number (sandbox, spend limit)'
          : 'whether the SMS account can send (sandbox, spend limit)',
      ),
      readable
        ? orUnread(numberOutcomes(ctx, route, phone), 'whether this number can receive SMS (opt-out, country rules)')
        : [],
    ]);
    const outcomes: Outcome[] = [...(invalid ? [invalid] : []), ...region, ...groups.flat()];
    if (outcomes.length) return outcomes;
    const via = `SMS ${route.kind === 'sns' ? 'through SNS' : 'through End User Messaging'} from ${route.region}`;
    if (!phone) {
      return {
        status: 'pass',
        message: `${via} can send: the role is trusted and may send, and the account is out of the sandbox and within its spend limit.`,
        evidence: route.evidence,
      };
    }
    return {
      status: 'pass',
      message: `${via} can reach ${raw}: the role is trusted and may send, the account is out of the sandbox and within its spend limit, and the number is valid and not opted out.`,
      evidence: { ...route.evidence, 'libphonenumber.country': phone.country ?? null },
    };
  },
};
