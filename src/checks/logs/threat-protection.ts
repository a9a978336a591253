import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { FLOW_FACTS } from '../../domain/flow.js';
import { AwsCallError } from '../../aws/errors.js';
import type { Context } from '../../context/index.js';
import { aws, poolUser } from '../../remedy/commands.js';
import { docs } from '../../remedy/links.js';
import { remediation } from '../remedy.js';
import type { SourceResult, Window } from './source.js';

/** Threat protection's own record of this user's attempts (this flow's event type) and its risk decision. */
export async function threatProtection(
  ctx: Context,
  pool: UserPoolType,
  username: string,
  window: Window,
): Promise<SourceResult> {
  const mode = pool.UserPoolAddOns?.AdvancedSecurityMode;
  const type = FLOW_FACTS[ctx.flow].authEvent;
  if ((mode !== 'ENFORCED' && mode !== 'AUDIT') || !type) return {};
  let events;
  try {
    events = await ctx.cognito.authEvents(username);
  } catch (err) {
    // The add-on is set but not active (e.g. not on the Plus feature plan): there is no record to read.
    if (err instanceof AwsCallError && err.awsCode === 'UserPoolAddOnNotEnabledException') return {};
    throw err;
  }
  const attempts = events.filter(
    (e) => e.EventType === type && (e.CreationDate?.getTime() ?? 0) >= window.start.getTime(),
  );
  const modeEvidence = { 'DescribeUserPool.UserPool.UserPoolAddOns.AdvancedSecurityMode': mode };
  const blocked = attempts.filter((e) => e.EventRisk?.RiskDecision === 'Block');
  const latest = blocked[0];
  if (!latest) {
    return attempts.length
      ? {
          note: `Threat protection (${mode}) blocked none of this user's ${attempts.length} ${type} attempt${attempts.length === 1 ? '' : 's'} in ${window.text}.`,
          evidence: modeEvidence,
        }
      : {};
  }
  const enforced = mode === 'ENFORCED';
  const at = latest.CreationDate?.toISOString() ?? 'an unknown time';
  const context = latest.EventContextData;
  const from = [context?.IpAddress, context?.City, context?.Country].filter((v) => v && v !== 'null').join(', ');
  return {
    outcome: {
      status: enforced ? 'warn' : 'info',
      code: 'threat-protection-block',
      message: enforced
        ? `Threat protection (ENFORCED) blocked ${blocked.length} of this user's ${attempts.length} ${type} attempt${attempts.length === 1 ? '' : 's'} in ${window.text}, the latest at ${at}${from ? ` from ${from}` : ''} (risk level ${latest.EventRisk?.RiskLevel ?? 'unknown'}): a blocked request gets no code.`
        : `Threat protection (AUDIT) rated ${blocked.length} of this user's ${type} attempts in ${window.text} as Block, the latest at ${at}; in AUDIT mode it only records the decision, so nothing was blocked.`,
      evidence: {
        ...modeEvidence,
        'AdminListUserAuthEvents.AuthEvents[latest].EventType': latest.EventType ?? null,
        'AdminListUserAuthEvents.AuthEvents[latest].CreationDate': at,
        'AdminListUserAuthEvents.AuthEvents[latest].EventResponse': latest.EventResponse ?? null,
        'AdminListUserAuthEvents.AuthEvents[latest].EventRisk.RiskDecision': latest.EventRisk?.RiskDecision ?? null,
        'AdminListUserAuthEvents.AuthEvents[latest].EventRisk.RiskLevel': latest.EventRisk?.RiskLevel ?? null,
        'AdminListUserAuthEvents.AuthEvents[latest].EventContextData.IpAddress': context?.IpAddress ?? null,
      },
      remediation: remediation(
        "If it was the user's own request, tell threat protection so (it learns from feedback); to stop such blocks, add the user's IP range to the risk exception list or relax the action for this risk level with set-risk-configuration (it replaces the whole risk configuration).",
        latest.EventId
          ? [
              aws(ctx, [
                'cognito-idp',
                'admin-update-auth-event-feedback',
                ...poolUser(ctx, username),
                '--event-id',
                latest.EventId,
                '--feedback-value',
                'Valid',
              ]),
            ]
          : [],
        [docs.threatProtection],
      ),
    },
  };
}
