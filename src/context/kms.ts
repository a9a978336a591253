import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { AwsCaller } from '../aws/caller.js';
import { orUndefinedIfNotFound } from '../aws/errors.js';

/** KMS reads for the custom senders' key. */
export class KmsFacts {
  constructor(private readonly aws: AwsCaller) {}

  /** The key's metadata (KeyState, Enabled, DeletionDate …); undefined when it does not exist. */
  async key(region: string, keyId: string): Promise<KeyMetadata | undefined> {
    const out = await orUndefinedIfNotFound(
      this.aws.call('kms:DescribeKey', region, (m) => m.DescribeKeyCommand, { KeyId: keyId }),
    );
    return out?.KeyMetadata;
  }
}
