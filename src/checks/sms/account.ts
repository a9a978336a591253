import { aws } from '../../remedy/commands.js';
import { docs } from '../../remedy/links.js';
import { remediation } from '../remedy.js';
import type { Outcome, Remediation } from '../types.js';
import type { Context } from '../../context/index.js';
import type { SmsRoute } from './route.js';

/** SNS applies this monthly SMS spend limit when the account never set one. */
export const DEFAULT_SPEND_LIMIT_USD = 1;
const NEAR_LIMIT = 0.8;
const TEXT_LIMIT = 'DescribeSpendLimits.SpendLimits[TEXT_MESSAGE_MONTHLY_SPEND_LIMIT]';
const DELIVERY_LOGS = 'https://docs.aws.amazon.com/sns/latest/dg/sms_stats_cloudwatch.html';
const EUM_SANDBOX = 'https://docs.aws.amazon.com/sms-voice/latest/userguide/sandbox.html';

/**
 * Account-level SMS state in the SMS Region: sandbox, spend limit and quota, delivery logging. Without a
 * `phone` (the pool alone) the sandbox is judged for every number, not one destination.
 */
export async function accountOutcomes(ctx: Context, route: SmsRoute, phone?: string): Promise<Outcome[]> {
  return route.kind === 'sns' ? snsAccount(ctx, route, phone) : eumAccount(ctx, route, phone);
}

async function snsAccount(ctx: Context, route: SmsRoute, phone?: string): Promise<Outcome[]> {
  const { region } = route;
  const [inSandbox, attributes, spent, textLimit] = await Promise.all([
    ctx.sns.isInSandbox(region),
    ctx.sns.smsAttributes(region),
    ctx.cloudwatch.monthMaximum(region, 'AWS/SNS', 'SMSMonthToDateSpentUSD'),
    ctx.smsVoice.textSpendLimit(region),
  ]);
  const outcomes: Outcome[] = [];
  if (inSandbox) {
    const entry = phone ? (await ctx.sns.sandboxPhoneNumbers(region)).find((n) => n.PhoneNumber === phone) : undefined;
    outcomes.push(
      sandboxOutcome(ctx, route, phone, entry?.Status === 'Verified', {
        'GetSMSSandboxAccountStatus.IsInSandbox': true,
        'ListSMSSandboxPhoneNumbers.PhoneNumbers[destination].Status': entry?.Status ?? null,
      }),
    );
  }
  const configured = attributes.MonthlySpendLimit;
  const limit = configured !== undefined ? Number(configured) : DEFAULT_SPEND_LIMIT_USD;
  const spend = spent ?? 0;
  const limitEvidence = {
    ...route.evidence,
    'GetSMSAttributes.attributes.MonthlySpendLimit':
      configured ?? `(not set: the account default of ${DEFAULT_SPEND_LIMIT_USD} USD applies)`,
  };
  if (spend >= limit * NEAR_LIMIT) {
    const reached = spend >= limit;
    outcomes.push({
      status: reached ? 'fail' : 'warn',
      code: 'sms-spend-limit-reached',
      message: reached
        ? `SMS spend this month (${spend} USD) has reached the monthly limit of ${limit} USD in ${region}: SNS has stopped sending SMS.`
        : `SMS spend this month (${spend} USD) is close to the monthly limit of ${limit} USD in ${region}: SNS stops sending when it is reached.`,
      evidence: { ...limitEvidence, 'GetMetricData.AWS/SNS.SMSMonthToDateSpentUSD': spent ?? null },
      remediation: raiseSpendLimit(ctx, region, limit, textLimit?.MaxLimit),
    });
  }
  const quota = textLimit?.MaxLimit;
  if (quota !== undefined && limit > quota) {
    outcomes.push({
      status: 'fail',
      code: 'sms-spend-limit-above-quota',
      message: `The SNS monthly SMS spend limit (${limit} USD) is above the approved quota of ${quota} USD in ${region}: when the limit exceeds the quota, SNS stops publishing SMS.`,
      evidence: { ...limitEvidence, [`${TEXT_LIMIT}.MaxLimit`]: quota },
      remediation: remediation(
        'Lower the spend limit to the approved quota (or get the quota raised with a support case first):',
        [aws(ctx, ['sns', 'set-sms-attributes', '--attributes', `MonthlySpendLimit=${quota}`], region)],
        [docs.snsSpend],
      ),
    });
  }
  if (!attributes.DeliveryStatusIAMRole) {
    outcomes.push({
      status: 'info',
      code: 'sms-delivery-logging-off',
      message: `SNS SMS delivery status logging is off in ${region}: the carrier's answer for each message (blocked, opted out, invalid number, unreachable) is not recorded anywhere.`,
      evidence: { ...route.evidence, 'GetSMSAttributes.attributes.DeliveryStatusIAMRole': null },
      remediation: remediation(
        "Turn on delivery status logging with a role SNS can use to write to CloudWatch Logs (set SNS_DELIVERY_LOG_ROLE_ARN to that role's ARN first):",
        [
          aws(
            ctx,
            [
              'sns',
              'set-sms-attributes',
              '--attributes',
              {
                raw: 'DeliveryStatusIAMRole="${SNS_DELIVERY_LOG_ROLE_ARN:?set SNS_DELIVERY_LOG_ROLE_ARN}",DeliveryStatusSuccessSamplingRate=10',
              },
            ],
            region,
          ),
        ],
        [DELIVERY_LOGS],
      ),
    });
  }
  return outcomes;
}

async function eumAccount(ctx: Context, route: SmsRoute, phone?: string): Promise<Outcome[]> {
  const { region } = route;
  const attributes = await ctx.smsVoice.accountAttributes(region);
  const outcomes: Outcome[] = [];
  const tier = attributes.ACCOUNT_TIER;
  if (tier?.toUpperCase() === 'SANDBOX') {
    const status = phone ? await ctx.smsVoice.verifiedDestinationStatus(region, phone) : undefined;
    outcomes.push(
      sandboxOutcome(ctx, route, phone, status === 'VERIFIED', {
        'DescribeAccountAttributes.ACCOUNT_TIER': tier,
        'DescribeVerifiedDestinationNumbers.VerifiedDestinationNumbers[destination].Status': status ?? null,
      }),
    );
  }
  const configurationSet = route.pool.SmsConfiguration?.EumsSms?.ConfigurationSetName;
  if (!configurationSet) {
    outcomes.push({
      status: 'info',
      code: 'sms-delivery-logging-off',
      message: `The pool sends SMS through End User Messaging without a configuration set, so no event destination records the carrier's answer for each message.`,
      evidence: { ...route.evidence, 'DescribeUserPool.UserPool.SmsConfiguration.EumsSms.ConfigurationSetName': null },
    });
  }
  return outcomes;
}

function sandboxOutcome(
  ctx: Context,
  route: SmsRoute,
  phone: string | undefined,
  verified: boolean,
  proof: Record<string, unknown>,
): Outcome {
  const { region } = route;
  const service = route.kind === 'sns' ? 'The SNS account' : 'The End User Messaging account';
  const evidence = { ...route.evidence, ...proof };
  if (verified && phone) {
    return {
      status: 'info',
      code: 'sms-sandbox',
      message: `${service} in ${region} is in the SMS sandbox, but ${phone} is a verified sandbox destination, so it receives messages; other users' numbers do not.`,
      evidence,
    };
  }
  const commands = !phone
    ? []
    : route.kind === 'sns'
      ? [
          aws(ctx, ['sns', 'create-sms-sandbox-phone-number', '--phone-number', phone], region),
          aws(
            ctx,
            [
              'sns',
              'verify-sms-sandbox-phone-number',
              '--phone-number',
              phone,
              '--one-time-password',
              { raw: '"${OTP:?set OTP to the code SNS texted}"' },
            ],
            region,
          ),
        ]
      : [
          aws(
            ctx,
            ['pinpoint-sms-voice-v2', 'create-verified-destination-number', '--destination-phone-number', phone],
            region,
          ),
        ];
  return {
    status: 'fail',
    code: 'sms-sandbox',
    message: phone
      ? `${service} in ${region} is in the SMS sandbox and ${phone} is not a verified sandbox destination: the SMS is silently dropped.`
      : `${service} in ${region} is in the SMS sandbox: only verified sandbox destinations receive SMS; a code to any other number is silently dropped.`,
    evidence,
    remediation: remediation(
      !phone
        ? 'Request SMS production access for this Region (a support case).'
        : route.kind === 'sns'
          ? 'Request SMS production access for this Region (a support case). To test meanwhile, add the number as a sandbox destination, then set OTP to the code SNS texts to it and verify:'
          : 'Request SMS production access for this Region (a support case). To test meanwhile, add and verify the number as a sandbox destination:',
      commands,
      [route.kind === 'sns' ? docs.snsSandbox : EUM_SANDBOX],
    ),
  };
}

/**
 * Raise the limit, but never above the approved quota: SNS stops publishing when the limit exceeds it
 * (sms-spend-limit-above-quota). With no headroom under the quota, only a quota increase helps.
 */
export function raiseSpendLimit(ctx: Context, region: string, limit: number, quota: number | undefined): Remediation {
  const wanted = Math.max(Math.ceil(limit * 2), 10);
  const target = quota === undefined ? wanted : Math.min(wanted, quota);
  if (target <= limit) {
    return remediation(
      `The limit already equals the approved quota (${quota} USD): request an SMS spend-quota increase with a support case, then raise MonthlySpendLimit.`,
      [],
      [docs.snsSpend, docs.forgotPassword],
    );
  }
  return remediation(
    quota === undefined
      ? 'Raise the limit, staying within the approved service quota (above it SNS stops sending; request a quota increase first if needed):'
      : `Raise the limit, up to the approved quota of ${quota} USD (above it SNS stops sending):`,
    [aws(ctx, ['sns', 'set-sms-attributes', '--attributes', `MonthlySpendLimit=${target}`], region)],
    [docs.snsSpend, docs.forgotPassword],
  );
}
