import { ANSWER_CAUSES } from '../domain/error-texts.js';
import { flowCalls } from './logs/cloudtrail.js';
import { notificationLog } from './logs/notification.js';
import { smsFailureLog } from './logs/sms-delivery.js';
import { duration, windowEvidence, type SourceResult, type Window } from './logs/source.js';
import { threatProtection } from './logs/threat-protection.js';
import { docs } from '../remedy/links.js';
import type { Check, Outcome } from './types.js';
import { orUnread } from './unread.js';

export const logs: Check = {
  id: 'logs',
  title: 'The logs show no failed delivery for this user',
  unknown: 'what the logs show about deliveries to this user',
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
      source(notificationLog(ctx, username, a, window), 'whether Cognito logged a delivery error for this user'),
      source(smsFailureLog(ctx, a.phone_number, window), 'whether SNS logged a failed SMS to this number'),
      source(
        flowCalls(ctx, pool, username, a.sub, window),
        "whether the app's requests reached Cognito and what Cognito answered",
      ),
      source(threatProtection(ctx, pool, username, window), "whether threat protection blocked this user's requests"),
    ]);
    const outcomes = results.flatMap((r) => (r.outcome ? [r.outcome] : []));
    const notes = results.flatMap((r) => (r.note ? [r.note] : []));
    const pass: Outcome = {
      status: 'pass',
      message: notes.join(' '),
      evidence: {
        window: windowEvidence(window),
        ...Object.fromEntries(results.flatMap((r) => Object.entries(r.evidence ?? {}))),
      },
    };
    if (!outcomes.length) return pass;
    // What the readable sources found clean still says so beside a source that could not be read.
    const onlyUnread = outcomes.every((o) => o.unread);
    return onlyUnread && notes.length ? [pass, ...outcomes] : outcomes;
  },
};

/** One log source; when it cannot be read, its own `error` outcome takes the place of what it would say. */
async function source(read: Promise<SourceResult>, wouldShow: string): Promise<SourceResult> {
  const result = await orUnread(read, wouldShow);
  return 'status' in result ? { outcome: result } : result;
}
