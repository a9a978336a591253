import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { SmsRegion } from '../../domain/sms-region.js';
import type { Evidence } from '../types.js';

/** How Cognito sends this pool's SMS: through SNS or End User Messaging, from which Region, as which role. */
export interface SmsRoute {
  kind: 'sns' | 'eum';
  where: SmsRegion;
  region: string;
  roleArn: string;
  externalId?: string;
  /** EumsSms.OriginationIdentity (EUM only). */
  originationIdentity?: string;
  pool: UserPoolType;
  /** Evidence every SMS finding carries: which Region was used, and why. */
  evidence: Evidence;
}

export function routeOf(pool: UserPoolType, where: SmsRegion): SmsRoute | undefined {
  const config = pool.SmsConfiguration;
  const evidence: Evidence = {
    smsRegion: where.region,
    smsRegionSource: where.source,
    smsRegionReason: where.reason,
  };
  if (config?.EumsSms?.CallerArn) {
    const eum = config.EumsSms;
    return {
      kind: 'eum',
      where,
      region: where.region,
      roleArn: eum.CallerArn!,
      ...(eum.ExternalId ? { externalId: eum.ExternalId } : {}),
      ...(eum.OriginationIdentity ? { originationIdentity: eum.OriginationIdentity } : {}),
      pool,
      evidence,
    };
  }
  if (config?.SnsCallerArn) {
    return {
      kind: 'sns',
      where,
      region: where.region,
      roleArn: config.SnsCallerArn,
      ...(config.ExternalId ? { externalId: config.ExternalId } : {}),
      pool,
      evidence,
    };
  }
  return undefined;
}
