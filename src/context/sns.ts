import type { PhoneNumberInformation, SMSSandboxPhoneNumber } from '@aws-sdk/client-sns';
import type { AwsCaller } from '../aws/caller.js';
import { allPages } from '../aws/pages.js';

/** SNS SMS reads, made in the pool's SMS Region. */
export class SnsFacts {
  constructor(private readonly aws: AwsCaller) {}

  /** Every account-level SMS attribute (MonthlySpendLimit, DeliveryStatusIAMRole …). */
  async smsAttributes(region: string): Promise<Record<string, string>> {
    const out = await this.aws.call('sns:GetSMSAttributes', region, (m) => m.GetSMSAttributesCommand, {});
    return out.attributes ?? {};
  }

  async isInSandbox(region: string): Promise<boolean> {
    const out = await this.aws.call(
      'sns:GetSMSSandboxAccountStatus',
      region,
      (m) => m.GetSMSSandboxAccountStatusCommand,
      {},
    );
    return out.IsInSandbox === true;
  }

  async sandboxPhoneNumbers(region: string): Promise<SMSSandboxPhoneNumber[]> {
    return allPages('sns:ListSMSSandboxPhoneNumbers', region, async (token) => {
      const out = await this.aws.call(
        'sns:ListSMSSandboxPhoneNumbers',
        region,
        (m) => m.ListSMSSandboxPhoneNumbersCommand,
        token ? { NextToken: token } : {},
      );
      return { items: out.PhoneNumbers ?? [], next: out.NextToken };
    });
  }

  async isOptedOut(region: string, phoneNumber: string): Promise<boolean> {
    const out = await this.aws.call(
      'sns:CheckIfPhoneNumberIsOptedOut',
      region,
      (m) => m.CheckIfPhoneNumberIsOptedOutCommand,
      { phoneNumber },
    );
    return out.isOptedOut === true;
  }
}

export type { PhoneNumberInformation };
