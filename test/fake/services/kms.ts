// KMS (awsJson1_1, X-Amz-Target TrentService.<Op>): DescribeKey for the custom senders' key. World:
// `kms.<region>.keys["<key id>"]` = KeyMetadata fields to set (KeyState, DeletionDate …); optional
// `kms.<region>.aliases["alias/<name>"]` = key id.

import { AwsFault } from '../protocols.js';
import { regional, type ServiceDef } from '../service.js';
import { withDates } from '../world.js';

export interface KmsWorld {
  keys?: Record<string, Record<string, unknown>>;
  aliases?: Record<string, string>;
}

export const kms: ServiceDef = {
  name: 'kms',
  protocol: 'json1.1',
  targets: ['TrentService'],
  operations: {
    DescribeKey(input: { KeyId?: string }, req) {
      const state = regional<KmsWorld>(req.world, 'kms', req.region);
      const keyId = input.KeyId ?? '';
      if (!keyId) throw new AwsFault('ValidationException', 'KeyId is required', 400);
      const parts = keyId.split(':');
      const inRegion = parts[0] !== 'arn' || (parts[3] === req.region && parts[4] === req.account);
      const resource = parts[0] === 'arn' ? parts.slice(5).join(':') : keyId;
      const id = resource.startsWith('alias/') ? state.aliases?.[resource] : resource.replace(/^key\//, '');
      const key = inRegion && id ? state.keys?.[id] : undefined;
      if (!key || !id) {
        const arn =
          parts[0] === 'arn'
            ? keyId
            : `arn:aws:kms:${req.region}:${req.account}:${resource.startsWith('alias/') ? resource : `key/${resource}`}`;
        throw new AwsFault('NotFoundException', `Key '${arn}' does not exist`, 400);
      }
      const keyState = (key.KeyState as string | undefined) ?? 'Enabled';
      return {
        KeyMetadata: withDates(
          {
            AWSAccountId: req.account,
            KeyId: id,
            Arn: `arn:aws:kms:${req.region}:${req.account}:key/${id}`,
            CreationDate: 'now-200d',
            Enabled: keyState === 'Enabled',
            Description: '',
            KeyUsage: 'ENCRYPT_DECRYPT',
            KeyState: keyState,
            Origin: 'AWS_KMS',
            KeyManager: 'CUSTOMER',
            CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
            KeySpec: 'SYMMETRIC_DEFAULT',
            EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
            MultiRegion: false,
            ...key,
          },
          req.now,
        ),
      };
    },
  },
};
