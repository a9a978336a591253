import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { Context } from '../../context/index.js';
import { FLOW_FACTS, flowApis } from '../../domain/flow.js';
import { callsBy, judgeCalls, type ForgotPasswordCall } from '../../domain/logs.js';
import { aws, setPasswordRequest, write } from '../../remedy/commands.js';
import { docs } from '../../remedy/links.js';
import { remediation } from '../remedy.js';
import type { Evidence } from '../types.js';
import { windowEvidence, type SourceResult, type Window } from './source.js';

/** CloudTrail: did the app make this flow's calls for this user at all, when, and what did Cognito answer? */
export async function flowCalls(
  ctx: Context,
  pool: UserPoolType,
  username: string,
  sub: string | undefined,
  window: Window,
): Promise<SourceResult> {
  const apis = FLOW_FACTS[ctx.flow].apis;
  // AdminCreateUser is an administrator's call, read by the invitation check itself.
  if (!sub || ctx.flow === 'invitation') return {};
  // Outside ForgotPassword, a user the flow sends nothing to (a confirmed user asking for a sign-up
  // code) has no calls worth finding: the core check says why.
  if (ctx.flow !== 'forgot-password' && (await ctx.channel())?.channel === 'NONE') return {};
  const region = ctx.target.region;
  const history = await ctx.flowHistory();
  const calls = callsBy(history.events, sub);
  const judgement = judgeCalls(calls);
  const api = flowApis(ctx);
  const lookups = apis.map((name) =>
    aws(
      ctx,
      [
        'cloudtrail',
        'lookup-events',
        '--lookup-attributes',
        `AttributeKey=EventName,AttributeValue=${name}`,
        '--start-time',
        window.start.toISOString(),
      ],
      region,
    ),
  );
  const subEvidence = { 'AdminGetUser.UserAttributes.sub': sub };
  if (judgement.kind === 'none') {
    const scanned = history.truncated
      ? ` among the most recent ${api} events of the Region (a busy Region: older ones were not read)`
      : '';
    return {
      outcome: {
        status: 'info',
        code: 'request-not-in-cloudtrail',
        message: `CloudTrail shows no ${api} call for this user in ${window.text}${scanned}: the request may never have reached Cognito in ${region} (the app calls another pool or Region, uses a stale configuration, or failed before calling). CloudTrail can take several minutes to show a call.`,
        // Only this user's calls: the Region's other events say nothing about this user.
        evidence: {
          ...subEvidence,
          [ctx.flow === 'forgot-password' ? 'forgotPasswordCallsInWindow' : 'callsInWindow']: 0,
          ...(history.truncated ? { 'LookupEvents.NextToken': 'more events than were read' } : {}),
          window: windowEvidence(window),
        },
        remediation: remediation(
          "Reproduce the request, then look for it (each event's CloudTrailEvent has the caller's sub in additionalEventData.sub):",
          lookups,
          [docs.cognitoCloudTrail],
        ),
      },
    };
  }
  const latest = judgement.latest;
  const evidence: Evidence = {
    ...subEvidence,
    ...callEvidence(latest),
    ...(ctx.flow === 'forgot-password'
      ? { forgotPasswordCallsInWindow: calls.length }
      : { callsInWindow: calls.length }),
  };
  if (judgement.kind === 'ok') {
    return {
      note: `The latest ${api} call for this user reached Cognito at ${latest.time.toISOString()} and succeeded.`,
      evidence,
    };
  }
  if (judgement.kind === 'attempt-limit') {
    const limited = judgement.limited;
    const then = judgement.current
      ? 'so Cognito sends no code until the limit resets (about an hour; AWS publishes neither the limit nor the wait)'
      : `but the latest call, at ${latest.time.toISOString()}, ${latest.errorCode ? `failed with ${latest.errorCode}` : 'succeeded'}`;
    return {
      outcome: {
        status: judgement.current ? 'warn' : 'info',
        code: FLOW_FACTS[ctx.flow].attemptLimit,
        message: `${limited.length} of this user's ${calls.length} ${api} calls in ${window.text} hit the per-user attempt limit (LimitExceededException, last at ${limited[0]!.time.toISOString()}), ${then}.`,
        evidence: { ...evidence, 'LookupEvents.Events[LimitExceededException].length': limited.length },
        remediation:
          ctx.flow === 'forgot-password'
            ? remediation(
                'Wait about an hour and stop the app retrying (every retry counts); no API resets the counter. Or an administrator sets a password (set NEW_PASSWORD first; give it over a secure channel):',
                [write(ctx, setPasswordRequest(ctx, username))],
                [docs.quotas, docs.recovery],
              )
            : remediation(
                'Wait about an hour and stop the app retrying (every request counts, 5 an hour per user); no API resets the counter.',
                [],
                [docs.quotas],
              ),
      },
    };
  }
  const reading = judgement.reading;
  const failed = `The latest ${api} call for this user, at ${latest.time.toISOString()}, failed with ${latest.errorCode}${latest.errorMessage ? ` ("${latest.errorMessage}")` : ''}`;
  if (reading?.trigger === 'CustomMessage' && pool.LambdaConfig?.CustomMessage) {
    // The triggers check names the function and reports this text as its evidence.
    return { note: `${failed}: the CustomMessage trigger failed (see the triggers check).`, evidence };
  }
  const cause = reading?.cause;
  return {
    outcome: {
      status: 'warn',
      code: cause ?? 'app-hides-error',
      message: `${failed}: ${reading ? `${reading.meaning} ` : ''}Cognito sent no code. If the user saw "code sent", the app hides this error.`,
      evidence: { ...evidence, ...(cause ? { catalogueCause: cause } : {}) },
      remediation:
        cause === 'cognito-default-email-daily-limit'
          ? remediation(
              "Cognito's default sender allows 50 e-mails a day per account and nothing raises it: send through your own SES identity (EmailSendingAccount DEVELOPER with a verified SourceArn; the e-mail check shows the identity it would use).",
              lookups,
              [docs.userPoolEmail, docs.quotas],
            )
          : remediation(
              `Fix what the error names (the checks above show the settings it depends on), and make the app show ${api} errors. The calls in the window:`,
              lookups,
              [docs.cognitoCloudTrail, docs.managingErrors],
            ),
    },
  };
}

export function callEvidence(call: ForgotPasswordCall): Evidence {
  return {
    'LookupEvents.Events[latest].EventTime': call.time.toISOString(),
    'LookupEvents.Events[latest].CloudTrailEvent.errorCode': call.errorCode ?? null,
    ...(call.errorMessage ? { 'LookupEvents.Events[latest].CloudTrailEvent.errorMessage': call.errorMessage } : {}),
    ...(call.sourceIPAddress
      ? { 'LookupEvents.Events[latest].CloudTrailEvent.sourceIPAddress': call.sourceIPAddress }
      : {}),
  };
}
