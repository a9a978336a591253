import { aws, optInRequest, write } from '../../remedy/commands.js';
import { remediation } from '../remedy.js';
import type { Outcome } from '../types.js';
import type { Context } from '../../context/index.js';
import { SENDER_REGULATED_COUNTRIES, US_SMS_COUNTRIES } from './countries.js';
import type { SmsRoute } from './route.js';

export interface ParsedPhone {
  /** The attribute as stored. */
  raw: string;
  /** E.164 as libphonenumber-js formats it, when it parses at all. */
  e164?: string;
  country?: string;
  valid: boolean;
  type?: string;
}

/** Parse and validate with libphonenumber-js (full metadata, loaded only when an SMS check runs). */
export async function parsePhone(raw: string): Promise<ParsedPhone> {
  const { parsePhoneNumberFromString } = await import('libphonenumber-js/max');
  const parsed = parsePhoneNumberFromString(raw);
  if (!parsed) return { raw, valid: false };
  return {
    raw,
    e164: parsed.number,
    ...(parsed.country ? { country: parsed.country } : {}),
    valid: parsed.isValid(),
    ...(parsed.getType() ? { type: parsed.getType()! } : {}),
  };
}

const PHONE = 'AdminGetUser.UserAttributes.phone_number';
const FAILURE_REASONS = 'https://docs.aws.amazon.com/sns/latest/dg/sms_stats_cloudwatch.html';
const PROTECT = 'https://docs.aws.amazon.com/sms-voice/latest/userguide/protect-configuration.html';
const US_REQUIREMENTS = 'https://docs.aws.amazon.com/sns/latest/dg/channels-sms-originating-identities.html';
const TFN_REGISTRATION = 'https://docs.aws.amazon.com/sms-voice/latest/userguide/registrations.html';

/** `invalid-phone-number`; when the number is not valid E.164 nothing else about it can be read. */
export function validityOutcome(phone: ParsedPhone): Outcome | undefined {
  const evidence = {
    [PHONE]: phone.raw,
    'libphonenumber.e164': phone.e164 ?? null,
    'libphonenumber.country': phone.country ?? null,
    'libphonenumber.isValid': phone.valid,
    'libphonenumber.type': phone.type ?? null,
  };
  const fix = remediation(
    "Correct the user's phone number (E.164: +, country code, number), then have the user verify it again.",
    [],
    [FAILURE_REASONS],
  );
  if (!phone.valid || phone.e164 !== phone.raw) {
    return {
      status: 'fail',
      code: 'invalid-phone-number',
      message: !phone.e164
        ? `${phone.raw} is not a phone number in E.164 form: no SMS can be delivered to it.`
        : phone.e164 !== phone.raw
          ? `${phone.raw} is not in E.164 form (${phone.e164}): SNS rejects or cannot route it.`
          : `${phone.raw} is not a valid number${phone.country ? ` for ${phone.country}` : ' for any country (unknown or unallocated range)'}: carriers answer "Invalid phone number".`,
      evidence,
      remediation: fix,
    };
  }
  if (phone.type === 'FIXED_LINE') {
    return {
      status: 'warn',
      code: 'invalid-phone-number',
      message: `${phone.raw} is a landline (${phone.country}): most landlines cannot receive SMS.`,
      evidence,
      remediation: fix,
    };
  }
  return undefined;
}

/** Per-destination causes: opt-out, country rules, protect configuration, US origination identity. */
export async function numberOutcomes(ctx: Context, route: SmsRoute, phone: ParsedPhone): Promise<Outcome[]> {
  const number = phone.e164!;
  const country = phone.country;
  const [optedOut, protect, us] = await Promise.all([
    route.kind === 'sns' ? ctx.sns.isOptedOut(route.region, number) : ctx.smsVoice.isOptedOut(route.region, number),
    country ? protectOutcome(ctx, route, country) : undefined,
    country && US_SMS_COUNTRIES.has(country) ? usOutcome(ctx, route) : undefined,
  ]);
  const outcomes: Outcome[] = [];
  if (optedOut) {
    const sns = route.kind === 'sns';
    outcomes.push({
      status: 'fail',
      code: 'sms-opted-out',
      message: `${number} has opted out of SMS from this account in ${route.region} (it replied STOP): every message to it is dropped.`,
      evidence: sns
        ? { ...route.evidence, 'CheckIfPhoneNumberIsOptedOut.isOptedOut': true }
        : {
            ...route.evidence,
            'DescribeOptedOutNumbers.OptedOutNumbers[destination]': number,
            OptOutListName: 'Default',
          },
      remediation: remediation(
        "Only with the user's consent, opt the number back in (possible once every 30 days):",
        [write(ctx, optInRequest(number, route.region, sns ? undefined : 'Default'))],
        [
          sns
            ? 'https://docs.aws.amazon.com/sns/latest/api/API_OptInPhoneNumber.html'
            : 'https://docs.aws.amazon.com/pinpoint/latest/apireference_smsvoicev2/API_DeleteOptedOutNumber.html',
        ],
      ),
    });
  }
  if (protect) outcomes.push(protect);
  if (us) outcomes.push(us);
  const rule = country ? SENDER_REGULATED_COUNTRIES[country] : undefined;
  if (country && rule) {
    const eum = route.pool.SmsConfiguration?.EumsSms;
    const india = country === 'IN';
    outcomes.push({
      status: 'info',
      code: 'country-sender-regulation',
      message: `${number} is in ${rule.name}, which requires ${rule.requirement}. Messages from an unregistered sender may be blocked or filtered by carriers there${india && eum ? ` (the pool ${eum.InEntityId && eum.InTemplateId ? 'sets' : 'does not set'} EumsSms.InEntityId and InTemplateId)` : ''}.`,
      evidence: {
        ...route.evidence,
        'libphonenumber.country': country,
        ...(india && eum
          ? {
              'DescribeUserPool.UserPool.SmsConfiguration.EumsSms.InEntityId': eum.InEntityId ?? null,
              'DescribeUserPool.UserPool.SmsConfiguration.EumsSms.InTemplateId': eum.InTemplateId ?? null,
            }
          : {}),
      },
      remediation: remediation(`Register for ${rule.name} with AWS End User Messaging SMS.`, [], [rule.docs]),
    });
  }
  return outcomes;
}

/** `protect-configuration-blocks-country`: the account-default protect configuration's rule for the country. */
async function protectOutcome(ctx: Context, route: SmsRoute, country: string): Promise<Outcome | undefined> {
  const config = await ctx.smsVoice.defaultProtectConfiguration(route.region);
  if (!config?.ProtectConfigurationId) return undefined;
  const rules = await ctx.smsVoice.smsCountryRules(route.region, config.ProtectConfigurationId);
  const status = rules[country];
  if (status !== 'BLOCK' && status !== 'FILTER') return undefined;
  const id = config.ProtectConfigurationId;
  return {
    status: status === 'BLOCK' ? 'fail' : 'warn',
    code: 'protect-configuration-blocks-country',
    message:
      status === 'BLOCK'
        ? `The account-default protect configuration ${id} in ${route.region} blocks SMS to ${country}: Cognito's messages to this number are refused.`
        : `The account-default protect configuration ${id} in ${route.region} filters SMS to ${country}: messages it judges suspicious are dropped.`,
    evidence: {
      ...route.evidence,
      'DescribeProtectConfigurations.ProtectConfigurations[AccountDefault].ProtectConfigurationId': id,
      [`GetProtectConfigurationCountryRuleSet.CountryRuleSet.${country}.ProtectStatus`]: status,
    },
    remediation: remediation(
      `Allow ${country} in the protect configuration (or stop using it as the account default for Cognito's traffic):`,
      [
        aws(
          ctx,
          [
            'pinpoint-sms-voice-v2',
            'update-protect-configuration-country-rule-set',
            '--protect-configuration-id',
            id,
            '--number-capability',
            'SMS',
            '--country-rule-set-updates',
            JSON.stringify({ [country]: { ProtectStatus: 'ALLOW' } }),
          ],
          route.region,
        ),
      ],
      [PROTECT],
    ),
  };
}

/** US destinations need an active, registered toll-free, 10DLC or short-code number in the SMS Region. */
async function usOutcome(ctx: Context, route: SmsRoute): Promise<Outcome | undefined> {
  const all = (await ctx.smsVoice.phoneNumbers(route.region, 'US')).filter(
    (n) => n.Status !== 'DELETED' && (n.NumberCapabilities ?? []).includes('SMS'),
  );
  // An EumsSms.OriginationIdentity that names one of these numbers is the only one Cognito uses.
  const named = route.originationIdentity;
  const chosen = named ? all.filter((n) => [n.PhoneNumber, n.PhoneNumberId, n.PhoneNumberArn].includes(named)) : [];
  const candidates = chosen.length ? chosen : all;
  const registrationIds = [...new Set(candidates.map((n) => n.RegistrationId).filter((id): id is string => !!id))];
  const registrations = await ctx.smsVoice.registrations(route.region, registrationIds);
  const statusOf = (id: string | undefined) =>
    id ? (registrations.find((r) => r.RegistrationId === id)?.RegistrationStatus ?? 'UNKNOWN') : undefined;
  const usable = candidates.filter((n) => {
    const registration = statusOf(n.RegistrationId);
    return n.Status === 'ACTIVE' && (registration === undefined || registration === 'COMPLETE');
  });
  if (usable.length) return undefined;
  const numbers = candidates.map((n) => ({
    PhoneNumber: n.PhoneNumber,
    NumberType: n.NumberType,
    Status: n.Status,
    RegistrationId: n.RegistrationId ?? null,
    RegistrationStatus: statusOf(n.RegistrationId) ?? null,
  }));
  const evidence = {
    ...route.evidence,
    'DescribePhoneNumbers.PhoneNumbers[iso-country-code=US]': numbers,
    ...(route.kind === 'eum'
      ? { 'DescribeUserPool.UserPool.SmsConfiguration.EumsSms.OriginationIdentity': named ?? null }
      : {}),
  };
  if (!candidates.length) {
    return {
      status: 'fail',
      code: 'us-origination-identity-missing',
      message: `The account has no SMS-capable US phone number (toll-free, 10DLC or short code) in ${route.region}: US carriers block SMS to US numbers without one.`,
      evidence,
      remediation: remediation(
        `Request a toll-free or 10DLC number in ${route.region} and register it:`,
        [
          aws(
            ctx,
            [
              'pinpoint-sms-voice-v2',
              'request-phone-number',
              '--iso-country-code',
              'US',
              '--message-type',
              'TRANSACTIONAL',
              '--number-capabilities',
              'SMS',
              '--number-type',
              'TOLL_FREE',
            ],
            route.region,
          ),
        ],
        [US_REQUIREMENTS],
      ),
    };
  }
  const pending = registrationIds.find((id) => statusOf(id) !== 'COMPLETE');
  return {
    status: 'fail',
    code: 'us-tfn-or-10dlc-unregistered',
    message: `None of the account's US numbers in ${route.region} can send yet: ${numbers
      .map((n) => `${n.PhoneNumber} (${n.NumberType}, ${n.Status}, registration ${n.RegistrationStatus ?? 'none'})`)
      .join('; ')}. Carriers block SMS from unregistered toll-free and 10DLC numbers.`,
    evidence,
    remediation: remediation(
      'Complete the number registration (a denied registration needs a new version with every field re-entered):',
      pending
        ? [aws(ctx, ['pinpoint-sms-voice-v2', 'describe-registrations', '--registration-ids', pending], route.region)]
        : [],
      [TFN_REGISTRATION],
    ),
  };
}
