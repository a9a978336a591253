// AWS End User Messaging SMS (pinpoint-sms-voice-v2, awsJson1_0, X-Amz-Target PinpointSMSVoiceV2.<Op>):
// account tier, spend limits, phone numbers and registrations, protect configurations, opt-outs and
// verified sandbox destinations. World: `sms-voice.<region>`.

import { AwsFault } from '../protocols.js';
import { regional, type FakeRequest, type ServiceDef } from '../service.js';
import { worldDate } from '../world.js';

export interface SmsVoiceWorld {
  /** ACCOUNT_TIER (`SANDBOX` or `PRODUCTION`; default PRODUCTION) and other account attributes. */
  accountAttributes?: Record<string, string>;
  /** By SpendLimitName; absent names get the new-account default (1 USD, not overridden). */
  spendLimits?: Record<string, { EnforcedLimit: number; MaxLimit: number; Overridden?: boolean }>;
  /** DescribePhoneNumbers records, as AWS returns them (missing fields get defaults). */
  phoneNumbers?: Record<string, unknown>[];
  registrations?: Record<string, unknown>[];
  /** By ProtectConfigurationId: `AccountDefault` and the SMS country rules (`{"GB": "BLOCK"}`). */
  protectConfigurations?: Record<string, { AccountDefault?: boolean; sms?: Record<string, string> }>;
  /** Opted-out numbers by opt-out list name (`Default`). */
  optedOut?: Record<string, string[]>;
  /** Verified destination numbers (sandbox) by number: `VERIFIED` or `PENDING`. */
  verifiedDestinations?: Record<string, string>;
}

const state = (req: FakeRequest) => regional<SmsVoiceWorld>(req.world, 'sms-voice', req.region);
const arn = (req: FakeRequest, resource: string) => `arn:aws:sms-voice:${req.region}:${req.account}:${resource}`;

interface Filter {
  Name: string;
  Values: string[];
}

function validation(message: string): AwsFault {
  return new AwsFault('ValidationException', message, 400);
}

const SPEND_LIMIT_NAMES = [
  'TEXT_MESSAGE_MONTHLY_SPEND_LIMIT',
  'VOICE_MESSAGE_MONTHLY_SPEND_LIMIT',
  'MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT',
];

function phoneRecord(n: Record<string, unknown>, req: FakeRequest): Record<string, unknown> {
  const id =
    typeof n.PhoneNumberId === 'string'
      ? n.PhoneNumberId
      : `phone-${typeof n.PhoneNumber === 'string' ? n.PhoneNumber.replace(/\D/g, '') : ''}`;
  return {
    PhoneNumberArn: arn(req, `phone-number/${id}`),
    PhoneNumberId: id,
    Status: 'ACTIVE',
    MessageType: 'TRANSACTIONAL',
    NumberCapabilities: ['SMS'],
    NumberType: 'TOLL_FREE',
    MonthlyLeasingPrice: '2.00',
    TwoWayEnabled: false,
    SelfManagedOptOutsEnabled: false,
    OptOutListName: 'Default',
    DeletionProtectionEnabled: false,
    ...n,
    CreatedTimestamp: worldDate(n.CreatedTimestamp ?? 'now-90d', req.now),
  };
}

export const smsVoice: ServiceDef = {
  name: 'sms-voice',
  protocol: 'json1.0',
  targets: ['PinpointSMSVoiceV2'],
  operations: {
    DescribeAccountAttributes(_input, req) {
      const attributes = { ACCOUNT_TIER: 'PRODUCTION', ...state(req).accountAttributes };
      return { AccountAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })) };
    },
    DescribeSpendLimits(_input, req) {
      const limits = state(req).spendLimits ?? {};
      return {
        SpendLimits: SPEND_LIMIT_NAMES.map((Name) => ({
          Name,
          EnforcedLimit: 1,
          MaxLimit: 1,
          Overridden: false,
          ...limits[Name],
        })),
      };
    },
    DescribePhoneNumbers(input: { PhoneNumberIds?: string[]; Filters?: Filter[] }, req) {
      let numbers = (state(req).phoneNumbers ?? []).map((n) => phoneRecord(n, req));
      if (input.PhoneNumberIds?.length) {
        numbers = numbers.filter((n) =>
          input.PhoneNumberIds!.some((id) => [n.PhoneNumberId, n.PhoneNumberArn, n.PhoneNumber].includes(id)),
        );
      }
      const field: Record<string, (n: Record<string, unknown>) => unknown> = {
        'iso-country-code': (n) => n.IsoCountryCode,
        status: (n) => n.Status,
        'number-type': (n) => n.NumberType,
        'message-type': (n) => n.MessageType,
        'number-capability': (n) => n.NumberCapabilities,
      };
      for (const f of input.Filters ?? []) {
        const get = field[f.Name];
        if (!get) throw validation(`Filter name ${f.Name} is not supported by the fake`);
        numbers = numbers.filter((n) => {
          const v = get(n);
          return Array.isArray(v) ? v.some((x) => f.Values.includes(String(x))) : f.Values.includes(String(v));
        });
      }
      return { PhoneNumbers: numbers };
    },
    DescribeRegistrations(input: { RegistrationIds?: string[] }, req) {
      const all = (state(req).registrations ?? []).map((r): Record<string, unknown> => ({
        RegistrationArn: arn(req, `registration/${String(r.RegistrationId)}`),
        RegistrationType: 'US_TOLL_FREE_REGISTRATION',
        CurrentVersionNumber: 1,
        ...r,
        CreatedTimestamp: worldDate((r.CreatedTimestamp as string | undefined) ?? 'now-60d', req.now),
      }));
      const wanted = input.RegistrationIds ?? [];
      const missing = wanted.find((id) => !all.some((r) => r.RegistrationId === id));
      if (missing) {
        throw new AwsFault('ResourceNotFoundException', `Registration ${missing} does not exist.`, 404);
      }
      return { Registrations: wanted.length ? all.filter((r) => wanted.includes(String(r.RegistrationId))) : all };
    },
    DescribeProtectConfigurations(input: { Filters?: Filter[] }, req) {
      let configs = Object.entries(state(req).protectConfigurations ?? {}).map(([id, c]) => ({
        ProtectConfigurationArn: arn(req, `protect-configuration/${id}`),
        ProtectConfigurationId: id,
        CreatedTimestamp: worldDate('now-30d', req.now),
        AccountDefault: c.AccountDefault ?? false,
        DeletionProtectionEnabled: false,
      }));
      for (const f of input.Filters ?? []) {
        if (f.Name !== 'account-default') throw validation(`Filter name ${f.Name} is not supported by the fake`);
        configs = configs.filter((c) => f.Values.includes(String(c.AccountDefault)));
      }
      return { ProtectConfigurations: configs };
    },
    GetProtectConfigurationCountryRuleSet(input: { ProtectConfigurationId?: string; NumberCapability?: string }, req) {
      const id = input.ProtectConfigurationId ?? '';
      const config = state(req).protectConfigurations?.[id];
      if (!config) throw new AwsFault('ResourceNotFoundException', `Protect configuration ${id} does not exist.`, 404);
      if (!input.NumberCapability) throw validation('NumberCapability is required');
      const rules = input.NumberCapability === 'SMS' ? (config.sms ?? {}) : {};
      return {
        ProtectConfigurationArn: arn(req, `protect-configuration/${id}`),
        ProtectConfigurationId: id,
        NumberCapability: input.NumberCapability,
        CountryRuleSet: Object.fromEntries(Object.entries(rules).map(([c, s]) => [c, { ProtectStatus: s }])),
      };
    },
    DescribeOptedOutNumbers(input: { OptOutListName?: string; OptedOutNumbers?: string[] }, req) {
      const name = input.OptOutListName ?? '';
      const list = name === 'Default' ? (state(req).optedOut?.Default ?? []) : state(req).optedOut?.[name];
      if (!list) throw new AwsFault('ResourceNotFoundException', `Opt-out list ${name} does not exist.`, 404);
      const wanted = input.OptedOutNumbers;
      return {
        OptOutListArn: arn(req, `opt-out-list/${name}`),
        OptOutListName: name,
        OptedOutNumbers: list
          .filter((n) => !wanted?.length || wanted.includes(n))
          .map((n) => ({ OptedOutNumber: n, OptedOutTimestamp: worldDate('now-5d', req.now), EndUserOptedOut: true })),
      };
    },
    // A write, used by --fix: removes the number from the list, so a re-run sees it opted in.
    DeleteOptedOutNumber(input: { OptOutListName?: string; OptedOutNumber?: string }, req) {
      const name = input.OptOutListName ?? '';
      const lists = (state(req).optedOut ??= {});
      const list = lists[name] ?? (name === 'Default' ? [] : undefined);
      if (!list) throw new AwsFault('ResourceNotFoundException', `Opt-out list ${name} does not exist.`, 404);
      const number = input.OptedOutNumber ?? '';
      if (!list.includes(number)) {
        throw new AwsFault('ResourceNotFoundException', `Opted out number ${number} does not exist.`, 404);
      }
      lists[name] = list.filter((n) => n !== number);
      return {
        OptOutListArn: arn(req, `opt-out-list/${name}`),
        OptOutListName: name,
        OptedOutNumber: number,
        OptedOutTimestamp: worldDate('now-5d', req.now),
        EndUserOptedOut: true,
      };
    },
    DescribeVerifiedDestinationNumbers(input: { DestinationPhoneNumbers?: string[] }, req) {
      const all = Object.entries(state(req).verifiedDestinations ?? {});
      const wanted = input.DestinationPhoneNumbers;
      return {
        VerifiedDestinationNumbers: all
          .filter(([n]) => !wanted?.length || wanted.includes(n))
          .map(([n, status]) => ({
            VerifiedDestinationNumberArn: arn(req, `verified-destination-number/vdn-${n.replace(/\D/g, '')}`),
            VerifiedDestinationNumberId: `vdn-${n.replace(/\D/g, '')}`,
            DestinationPhoneNumber: n,
            Status: status,
            CreatedTimestamp: worldDate('now-10d', req.now),
          })),
      };
    },
  },
};
