import { ANSWER_CAUSES } from '../domain/error-texts.js';
import { flowCalls } from './logs/cloudtrail.js';
import { notificationLog } from './logs/notification.js';
import { smsFailureLog } from './logs/sms-delivery.js';
import { duration, windowEvidence, type Window } from './logs/source.js';
import { threatProtection } from './logs/threat-protection.js';
import { docs } from '../remedy/links.js';
import type { Check } from './types.js';

export const logs: Check = {
  id: 'logs',
  title: 'The logs show no failed delivery for this user',
  scope: 'advice',
  dependsOn: ['pool', 'user'],
  codes: [
    ...new Set([
      'delivery-error-logged',
      'sms-carrier-failure-logged',
      'forgot-password-attempt-limit',
      'resend-code-attempt-limit',
      'app-hides-error',
      'request-not-in-cloudtrail',
      // What Cognito's answer to a call that sends a code can prove, as CloudTrail recorded it (such a
      // call never checks a code).
      ...ANSWER_CAUSES.filter((c) => c !== 'stale-or-expired-code'),
      'threat-protection-block',
      'log-source-not-configured',
    ] as const),
  ],
  reads: [
    'cognito-idp:GetLogDeliveryConfiguration',
    'cognito-idp:AdminListUserAuthEvents',
    'logs:FilterLogEvents',
    'cloudtrail:LookupEvents',
  ],
  docs: [docs.cognitoLogs, docs.snsSmsLogs, docs.cognitoCloudTrail, docs.threatProtection],
  async run(ctx) {
    const [pool, resolution] = await Promise.all([ctx.pool(), ctx.user()]);
    if (!resolution.user) return { status: 'skip', message: 'No single user was resolved.' };
    const end = ctx.target.now;
    const window: Window = {
      start: new Date(end.getTime() - ctx.target.sinceMs),
      end,
      text: `the last ${duration(ctx.target.sinceMs)}`,
    };
    const username = resolution.user.Username!;
    const a = resolution.attributes;
    // Every source needs only the pool and the user: read them all at once.
    const results = await Promise.all([
      notificationLog(ctx, username, a, window),
      smsFailureLog(ctx, a.phone_number, window),
      flowCalls(ctx, pool, username, a.sub, window),
      threatProtection(ctx, pool, username, window),
    ]);
    const outcomes = results.flatMap((r) => (r.outcome ? [r.outcome] : []));
    if (outcomes.length) return outcomes;
    return {
      status: 'pass',
      message: results.flatMap((r) => (r.note ? [r.note] : [])).join(' '),
      evidence: Object.assign({ window: windowEvidence(window) }, ...results.map((r) => r.evidence ?? {})),
    };
  },
};
