import type {
  PhoneNumberInformation,
  ProtectConfigurationInformation,
  RegistrationInformation,
  SpendLimit,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { AwsCaller } from '../aws/caller.js';
import { allPages } from '../aws/pages.js';

/** AWS End User Messaging SMS (pinpoint-sms-voice-v2) reads, made in the pool's SMS Region. */
export class SmsVoiceFacts {
  constructor(private readonly aws: AwsCaller) {}

  /** DescribeAccountAttributes as a map: `ACCOUNT_TIER`, `DEFAULT_PROTECT_CONFIGURATION_ID`. */
  async accountAttributes(region: string): Promise<Record<string, string>> {
    const attributes = await allPages('sms-voice:DescribeAccountAttributes', region, async (token) => {
      const page = await this.aws.call(
        'sms-voice:DescribeAccountAttributes',
        region,
        (m) => m.DescribeAccountAttributesCommand,
        token ? { NextToken: token } : {},
      );
      return { items: page.AccountAttributes ?? [], next: page.NextToken };
    });
    return Object.fromEntries(attributes.filter((a) => a.Name).map((a) => [a.Name!, a.Value ?? '']));
  }

  /** The monthly text-message spend limit (EnforcedLimit, and MaxLimit: the approved quota). */
  async textSpendLimit(region: string): Promise<SpendLimit | undefined> {
    const out = await this.aws.call('sms-voice:DescribeSpendLimits', region, (m) => m.DescribeSpendLimitsCommand, {});
    return out.SpendLimits?.find((l) => l.Name === 'TEXT_MESSAGE_MONTHLY_SPEND_LIMIT');
  }

  /** The account's phone numbers in one country (ISO 3166-1 alpha-2). */
  async phoneNumbers(region: string, isoCountryCode: string): Promise<PhoneNumberInformation[]> {
    return allPages('sms-voice:DescribePhoneNumbers', region, async (token) => {
      const page = await this.aws.call('sms-voice:DescribePhoneNumbers', region, (m) => m.DescribePhoneNumbersCommand, {
        Filters: [{ Name: 'iso-country-code', Values: [isoCountryCode] }],
        ...(token ? { NextToken: token } : {}),
      });
      return { items: page.PhoneNumbers ?? [], next: page.NextToken };
    });
  }

  async registrations(region: string, ids: string[]): Promise<RegistrationInformation[]> {
    if (!ids.length) return [];
    const out = await this.aws.call('sms-voice:DescribeRegistrations', region, (m) => m.DescribeRegistrationsCommand, {
      RegistrationIds: ids,
    });
    return out.Registrations ?? [];
  }

  /** The protect configuration that applies to every message of the account, if any. */
  async defaultProtectConfiguration(region: string): Promise<ProtectConfigurationInformation | undefined> {
    const out = await this.aws.call(
      'sms-voice:DescribeProtectConfigurations',
      region,
      (m) => m.DescribeProtectConfigurationsCommand,
      { Filters: [{ Name: 'account-default', Values: ['true'] }] },
    );
    return out.ProtectConfigurations?.find((p) => p.AccountDefault === true);
  }

  /** The SMS rule (ALLOW, BLOCK, FILTER, MONITOR) of a protect configuration, by ISO country code. */
  async smsCountryRules(region: string, protectConfigurationId: string): Promise<Record<string, string>> {
    const out = await this.aws.call(
      'sms-voice:GetProtectConfigurationCountryRuleSet',
      region,
      (m) => m.GetProtectConfigurationCountryRuleSetCommand,
      { ProtectConfigurationId: protectConfigurationId, NumberCapability: 'SMS' },
    );
    return Object.fromEntries(Object.entries(out.CountryRuleSet ?? {}).map(([c, r]) => [c, r.ProtectStatus ?? '']));
  }

  /** Whether a number is on an opt-out list (the account's `Default` list unless named). */
  async isOptedOut(region: string, phoneNumber: string, optOutListName = 'Default'): Promise<boolean> {
    const out = await this.aws.call(
      'sms-voice:DescribeOptedOutNumbers',
      region,
      (m) => m.DescribeOptedOutNumbersCommand,
      { OptOutListName: optOutListName, OptedOutNumbers: [phoneNumber] },
    );
    return (out.OptedOutNumbers ?? []).some((n) => n.OptedOutNumber === phoneNumber);
  }

  /** Whether a number is a verified destination of the sandbox (an account in the SANDBOX tier). */
  async verifiedDestinationStatus(region: string, phoneNumber: string): Promise<string | undefined> {
    const out = await this.aws.call(
      'sms-voice:DescribeVerifiedDestinationNumbers',
      region,
      (m) => m.DescribeVerifiedDestinationNumbersCommand,
      { DestinationPhoneNumbers: [phoneNumber] },
    );
    return out.VerifiedDestinationNumbers?.find((n) => n.DestinationPhoneNumber === phoneNumber)?.Status;
  }
}
