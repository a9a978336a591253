// What the pool's EmailConfiguration says about how Cognito sends, read once for every e-mail rule.

import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { Context } from '../../context/index.js';
import { parseSesIdentityArn, type SesIdentityArn } from '../../domain/ses.js';
import type { Evidence, Outcome } from '../types.js';

export const FIELD = 'DescribeUserPool.UserPool.EmailConfiguration';

export interface EmailSetup {
  pool: UserPoolType;
  /** `EmailSendingAccount`, defaulted as Cognito does when EmailConfiguration or the field is absent. */
  sendingAccount: 'COGNITO_DEFAULT' | 'DEVELOPER';
  sourceArn?: string;
  /** The parsed SourceArn; undefined when absent or not an SES identity ARN. */
  source?: SesIdentityArn;
  /** Where SES reads go: the SourceArn's Region, else the pool's. */
  sesRegion: string;
  poolRegion: string;
  poolArn: string;
  account?: string;
  /** The user's e-mail address; undefined for the pool alone (the census). */
  address?: string;
  /** Evidence every SES finding carries: which Region was read, and why. */
  where: Evidence;
}

export async function emailSetup(ctx: Context, pool: UserPoolType, address?: string): Promise<EmailSetup> {
  const config = pool.EmailConfiguration;
  const sourceArn = config?.SourceArn || undefined;
  const source = sourceArn ? parseSesIdentityArn(sourceArn) : undefined;
  const [sesRegion, account] = await Promise.all([ctx.sesRegion(), ctx.accountId()]);
  const { region, userPoolId } = ctx.target;
  return {
    pool,
    sendingAccount: config?.EmailSendingAccount === 'DEVELOPER' ? 'DEVELOPER' : 'COGNITO_DEFAULT',
    ...(sourceArn ? { sourceArn } : {}),
    ...(source ? { source } : {}),
    sesRegion,
    poolRegion: region,
    poolArn: pool.Arn ?? `arn:aws:cognito-idp:${region}:${account ?? '*'}:userpool/${userPoolId}`,
    ...(account ? { account } : {}),
    ...(address !== undefined ? { address } : {}),
    where: { sesRegion, [`${FIELD}.SourceArn`]: sourceArn ?? null },
  };
}

/** One finding per code: outcomes that share a code merge (worst status, every message, all evidence). */
export function mergeByCode(outcomes: Outcome[]): Outcome[] {
  const rank = { pass: 0, skip: 0, info: 1, warn: 2, fail: 3, error: 4 } as const;
  const byCode = new Map<string, Outcome>();
  for (const o of outcomes) {
    // A source that could not be read stays its own finding.
    const key = o.code && !o.unread ? o.code : `#${byCode.size}`;
    const seen = byCode.get(key);
    if (!seen) {
      byCode.set(key, o);
      continue;
    }
    const worse = rank[o.status] > rank[seen.status] ? o : seen;
    const commands = [...(seen.remediation?.commands ?? []), ...(o.remediation?.commands ?? [])];
    byCode.set(key, {
      ...worse,
      message: `${seen.message} ${o.message}`,
      evidence: { ...seen.evidence, ...o.evidence },
      ...(worse.remediation
        ? {
            remediation: {
              text: [seen.remediation?.text, o.remediation?.text].filter(Boolean).join(' '),
              commands: [...new Set(commands)],
              docs: [...new Set([...(seen.remediation?.docs ?? []), ...(o.remediation?.docs ?? [])])],
            },
          }
        : {}),
    });
  }
  return [...byCode.values()];
}
