import type { GetAccountCommandOutput, SuppressedDestination } from '@aws-sdk/client-sesv2';
import type { AwsCaller } from '../aws/caller.js';
import { orUndefinedIfNotFound } from './cognito.js';

/** SES v2 reads, made in the Region of the pool's sending identity. */
export class SesFacts {
  constructor(private readonly aws: AwsCaller) {}

  account(region: string): Promise<GetAccountCommandOutput> {
    return this.aws.call('ses:GetAccount', region, (m) => m.GetAccountCommand, {});
  }

  /** The address's entry on the account-level suppression list, or undefined when it is not there. */
  async suppressedDestination(region: string, emailAddress: string): Promise<SuppressedDestination | undefined> {
    const out = await orUndefinedIfNotFound(
      this.aws.call('ses:GetSuppressedDestination', region, (m) => m.GetSuppressedDestinationCommand, {
        EmailAddress: emailAddress,
      }),
    );
    return out?.SuppressedDestination;
  }
}
