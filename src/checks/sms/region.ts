import { aws } from '../../remedy/commands.js';
import { docs } from '../../remedy/links.js';
import { remediation } from '../remedy.js';
import type { Outcome } from '../types.js';
import type { Context } from '../../context/index.js';
import type { SmsRoute } from './route.js';

/** `sms-region-mismatch`: SMS leaves from another Region than the pool's, or from one Cognito cannot use. */
export function regionOutcomes(ctx: Context, route: SmsRoute): Outcome[] {
  const { where } = route;
  const evidence = {
    ...route.evidence,
    poolRegion: where.poolRegion,
    'DescribeUserPool.UserPool.SmsConfiguration.SnsRegion': route.pool.SmsConfiguration?.SnsRegion ?? null,
    ...(route.kind === 'eum'
      ? {
          'DescribeUserPool.UserPool.SmsConfiguration.EumsSms.Region':
            route.pool.SmsConfiguration?.EumsSms?.Region ?? null,
        }
      : {}),
  };
  if (where.problem === 'must-use-alternate') {
    // Documented as a "must", but whether Cognito then fails or reroutes cannot be read from any API: warn.
    return [
      {
        status: 'warn',
        code: 'sms-region-mismatch',
        message: `${where.reason}. The SNS state checked here (${where.region}) may not be what Cognito uses: set SnsRegion to ${where.legacyAlternate} and make sure SMS works there (sandbox, spend limit, origination identities).`,
        evidence: { ...evidence, legacyAlternate: where.legacyAlternate },
        remediation: remediation(
          `Set SmsConfiguration.SnsRegion=${where.legacyAlternate} with a full-config update-user-pool (it resets every setting it omits), then check SNS SMS in ${where.legacyAlternate}:`,
          [aws(ctx, ['sns', 'get-sms-sandbox-account-status'], where.legacyAlternate)],
          [docs.smsSettings],
        ),
      },
    ];
  }
  if (!where.differs) return [];
  return [
    {
      status: 'info',
      code: 'sms-region-mismatch',
      message: `Cognito sends this pool's SMS from ${where.region}, not the pool's Region ${where.poolRegion} (${where.reason}): the SMS sandbox, spend limit, origination identities and opt-outs that matter are those of ${where.region}, and that is where they were checked.`,
      evidence,
    },
  ];
}
