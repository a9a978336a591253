import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { Context } from '../../context/index.js';
import { aws } from '../../remedy/commands.js';
import { docs } from '../../remedy/links.js';
import { remediation } from '../remedy.js';
import type { Evidence, Outcome } from '../types.js';
import { notBlocking, severity, type Path, type Trigger } from './path.js';

export function keyRegion(keyId: string, fallback: string): string {
  return keyId.startsWith('arn:') ? keyId.split(':')[3] || fallback : fallback;
}

export function judgeKey(
  ctx: Context,
  keyId: string | undefined,
  key: KeyMetadata | undefined,
  path: Path & { senders: Trigger[] },
): Outcome | undefined {
  const names = path.senders.map((s) => s.kind).join(' and ');
  const tail = notBlocking(path);
  const where: Evidence = { 'DescribeUserPool.UserPool.LambdaConfig.KMSKeyID': keyId ?? null };
  const docsList = [docs.customSender, docs.kmsKeyState];
  if (!keyId) {
    return {
      status: severity('fail', path),
      code: 'custom-sender-kms',
      message: `${names} is set but the pool names no KMS key (LambdaConfig.KMSKeyID): Cognito cannot encrypt the code for the sender.${tail}`,
      evidence: where,
      remediation: remediation(
        'Set LambdaConfig.KMSKeyID to a symmetric KMS key that Cognito may use (a full-config update-user-pool or your IaC).',
        [],
        docsList,
      ),
    };
  }
  const region = keyRegion(keyId, ctx.target.region);
  if (!key) {
    return {
      status: severity('fail', path),
      code: 'custom-sender-kms',
      message: `The KMS key ${keyId} that ${names} needs does not exist in ${region}: Cognito cannot encrypt the code, so nothing is sent.${tail}`,
      evidence: { ...where, 'DescribeKey.error': 'NotFoundException' },
      remediation: remediation(
        'Point LambdaConfig.KMSKeyID at an existing symmetric key (a full-config update-user-pool or your IaC) and let the sender decrypt with it.',
        [],
        docsList,
      ),
    };
  }
  if (key.KeyState === 'Enabled' && key.Enabled !== false) return undefined;
  const evidence: Evidence = {
    ...where,
    'DescribeKey.KeyMetadata.KeyState': key.KeyState ?? null,
    'DescribeKey.KeyMetadata.Enabled': key.Enabled ?? null,
    ...(key.DeletionDate ? { 'DescribeKey.KeyMetadata.DeletionDate': key.DeletionDate.toISOString() } : {}),
  };
  const commands =
    key.KeyState === 'PendingDeletion'
      ? [
          aws(ctx, ['kms', 'cancel-key-deletion', '--key-id', keyId], region),
          aws(ctx, ['kms', 'enable-key', '--key-id', keyId], region),
        ]
      : key.KeyState === 'Disabled'
        ? [aws(ctx, ['kms', 'enable-key', '--key-id', keyId], region)]
        : [];
  return {
    status: severity('fail', path),
    code: 'custom-sender-kms',
    message: `The KMS key ${keyId} that ${names} needs is ${key.KeyState}${key.DeletionDate ? ` (to be deleted on ${key.DeletionDate.toISOString()})` : ''}: Cognito cannot encrypt the code with it, so nothing is sent.${tail}`,
    evidence,
    remediation: remediation(
      key.KeyState === 'PendingDeletion'
        ? 'Cancel the scheduled deletion (that leaves the key disabled), then enable it:'
        : key.KeyState === 'Disabled'
          ? 'Enable the key:'
          : `Wait for the key to leave the ${key.KeyState} state, or point LambdaConfig.KMSKeyID at an enabled key.`,
      commands,
      docsList,
    ),
  };
}
