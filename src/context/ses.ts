import type {
  GetAccountCommandOutput,
  GetConfigurationSetCommandOutput,
  GetEmailIdentityCommandOutput,
  SuppressedDestination,
} from '@aws-sdk/client-sesv2';
import type { AwsCaller } from '../aws/caller.js';
import { orUndefinedIfNotFound } from '../aws/errors.js';

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

  /** An e-mail address or domain identity in this Region, or undefined when it does not exist there. */
  emailIdentity(region: string, identity: string): Promise<GetEmailIdentityCommandOutput | undefined> {
    return orUndefinedIfNotFound(
      this.aws.call('ses:GetEmailIdentity', region, (m) => m.GetEmailIdentityCommand, { EmailIdentity: identity }),
    );
  }

  /** A configuration set, or undefined when none has this name in this Region. */
  configurationSet(region: string, name: string): Promise<GetConfigurationSetCommandOutput | undefined> {
    return orUndefinedIfNotFound(
      this.aws.call('ses:GetConfigurationSet', region, (m) => m.GetConfigurationSetCommand, {
        ConfigurationSetName: name,
      }),
    );
  }
}
