import type { LogConfigurationType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { AwsCallError } from '../aws/errors.js';
import { causes } from '../causes.js';
import type { Context } from '../context/index.js';
import {
  anyTermPattern,
  callsBy,
  classifyProviderResponse,
  jsonEqualsPattern,
  judgeCalls,
  mentionsAny,
  notificationDetails,
  parseLogGroupArn,
  parseSmsDelivery,
  snsFailureLogGroup,
  type ForgotPasswordCall,
} from '../domain/logs.js';
import { aws, poolUser, setPasswordCommand } from '../remedy/commands.js';
import { docs } from '../remedy/links.js';
import { remediation } from './remedy.js';
import type { Check, Evidence, Outcome } from './types.js';

/** Log lines shown verbatim per finding: the latest few say enough, the command lists them all. */
const SHOWN = 3;
const COGNITO_LOG_LIMIT = 20;
const SMS_LOG_LIMIT = 5;

/** What one log source says: a finding to report, or a line for the passing summary. */
interface SourceResult {
  outcome?: Outcome;
  note?: string;
  evidence?: Evidence;
}

interface Window {
  start: Date;
  end: Date;
  /** `the last 24 h`. */
  text: string;
}

export const logs: Check = {
  id: 'logs',
  title: 'The logs show no failed delivery for this user',
  scope: 'advice',
  dependsOn: ['pool', 'user'],
  codes: [
    'delivery-error-logged',
    'sms-carrier-failure-logged',
    'forgot-password-attempt-limit',
    'app-hides-error',
    'threat-protection-block',
    'log-source-not-configured',
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
      forgotPasswordCalls(ctx, username, a.sub, window),
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

/** Cognito's user-notification error log: what happened when Cognito tried to send this user a message. */
async function notificationLog(
  ctx: Context,
  username: string,
  a: Record<string, string>,
  window: Window,
): Promise<SourceResult> {
  const configs = await ctx.cognito.logConfigurations();
  const arn = configs.find((c) => c.EventSource === 'userNotification')?.CloudWatchLogsConfiguration?.LogGroupArn;
  const group = arn ? parseLogGroupArn(arn) : undefined;
  if (!arn || !group) return notificationLogOff(ctx, configs);
  const identifiers = [a.email, a.phone_number, a.sub, username].filter((v): v is string => Boolean(v));
  const filterPattern = anyTermPattern(identifiers);
  const events = await ctx.logs.recentEvents(group.region, group.name, {
    startTime: window.start.getTime(),
    endTime: window.end.getTime(),
    filterPattern,
    limit: COGNITO_LOG_LIMIT,
  });
  const where = { 'GetLogDeliveryConfiguration.userNotification.LogGroupArn': arn };
  if (!events) {
    return {
      outcome: {
        status: 'info',
        code: 'log-source-not-configured',
        message: `The pool exports its user-notification errors to the log group ${group.name}, which does not exist in ${group.region}: Cognito's delivery errors are lost.`,
        evidence: { ...where, logGroupExists: false },
        remediation: remediation(
          'Create the log group (in this account, without KMS encryption):',
          [aws(ctx, ['logs', 'create-log-group', '--log-group-name', group.name], group.region)],
          [docs.cognitoLogs],
        ),
      },
    };
  }
  const mine = events.filter((e) => mentionsAny(e.message ?? '', identifiers));
  if (!mine.length) {
    return {
      note: `Cognito's user-notification log has no delivery error for this user in ${window.text}.`,
      evidence: where,
    };
  }
  const latest = mine[0]!;
  const evidence: Evidence = { ...where, logGroupName: group.name };
  mine.slice(0, SHOWN).forEach((e, i) => {
    evidence[`FilterLogEvents.events[${i}].timestamp`] = iso(e.timestamp);
    evidence[`FilterLogEvents.events[${i}].message`] = e.message ?? '';
  });
  const count = events.length >= COGNITO_LOG_LIMIT ? `${mine.length} or more` : String(mine.length);
  return {
    outcome: {
      status: 'warn',
      code: 'delivery-error-logged',
      message: `Cognito logged ${count} delivery error${mine.length === 1 ? '' : 's'} for this user in ${window.text}; the latest, at ${iso(latest.timestamp)}: "${notificationDetails(latest.message ?? '')}"`,
      evidence,
      remediation: remediation(
        'Cognito tried to send the message and the delivery failed with the error above: fix what it names (the e-mail and SMS checks show the settings it depends on). Every logged error for this user in the window:',
        [logCommand(ctx, group.region, group.name, filterPattern, window)],
        [docs.cognitoLogs],
      ),
    },
  };
}

async function notificationLogOff(ctx: Context, configs: LogConfigurationType[]): Promise<SourceResult> {
  const { userPoolId, region } = ctx.target;
  const name = `/aws/vendedlogs/cognito/${userPoolId}/userNotification`;
  const account = (await ctx.accountId()) ?? '$ACCOUNT_ID';
  const entry = `EventSource=userNotification,LogLevel=ERROR,CloudWatchLogsConfiguration={LogGroupArn=arn:aws:logs:${region}:${account}:log-group:${name}}`;
  return {
    outcome: {
      status: 'info',
      code: 'log-source-not-configured',
      message:
        "Cognito's user-notification error log is not turned on for this pool: the e-mail and SMS delivery errors Cognito meets are recorded nowhere. Turn it on to see them next time.",
      evidence: { 'GetLogDeliveryConfiguration.LogDeliveryConfiguration.LogConfigurations': configs },
      remediation: remediation(
        "Create a log group (in this account, without KMS encryption) and send the pool's userNotification ERROR logs to it. set-log-delivery-configuration replaces the whole logging configuration, so the command repeats any existing entry; the caller also needs logs:CreateLogDelivery and logs:PutResourcePolicy.",
        [
          aws(ctx, ['logs', 'create-log-group', '--log-group-name', name]),
          aws(ctx, [
            'cognito-idp',
            'set-log-delivery-configuration',
            '--user-pool-id',
            userPoolId,
            '--log-configurations',
            account.startsWith('$') ? { raw: `"${entry}"` } : entry,
            ...configs.filter((c) => c.EventSource !== 'userNotification').map(shorthand),
          ]),
        ],
        [docs.cognitoLogs],
      ),
    },
  };
}

/** One LogConfigurations entry in the AWS CLI's shorthand syntax. */
function shorthand(c: LogConfigurationType): string {
  const destination = c.CloudWatchLogsConfiguration?.LogGroupArn
    ? `CloudWatchLogsConfiguration={LogGroupArn=${c.CloudWatchLogsConfiguration.LogGroupArn}}`
    : c.S3Configuration?.BucketArn
      ? `S3Configuration={BucketArn=${c.S3Configuration.BucketArn}}`
      : c.FirehoseConfiguration?.StreamArn
        ? `FirehoseConfiguration={StreamArn=${c.FirehoseConfiguration.StreamArn}}`
        : '';
  return [`EventSource=${c.EventSource}`, `LogLevel=${c.LogLevel}`, destination].filter(Boolean).join(',');
}

/** SNS SMS delivery logs of failures: the carrier's own answer for this number. */
async function smsFailureLog(ctx: Context, phone: string | undefined, window: Window): Promise<SourceResult> {
  if (!phone) return {};
  const [{ region }, account, prediction] = await Promise.all([ctx.smsRegion(), ctx.accountId(), ctx.channel()]);
  if (!account) return {};
  const group = snsFailureLogGroup(region, account);
  const filterPattern = jsonEqualsPattern('delivery.destination', phone);
  const events = await ctx.logs.recentEvents(region, group, {
    startTime: window.start.getTime(),
    endTime: window.end.getTime(),
    filterPattern,
    limit: SMS_LOG_LIMIT,
  });
  // No log group: SMS delivery logging is off, which the sms check reports (sms-delivery-logging-off).
  if (!events) return {};
  const failures = events
    .map((e) => ({ event: e, delivery: parseSmsDelivery(e.message ?? '') }))
    .filter((f) => f.delivery.destination === phone);
  if (!failures.length) {
    return {
      note: `SNS logged no failed SMS to ${phone} in ${region} in ${window.text}.`,
      evidence: { snsFailureLogGroup: group },
    };
  }
  const latest = failures[0]!;
  const response = latest.delivery.providerResponse;
  const verdict = classifyProviderResponse(response);
  const bySms = prediction?.channel === 'SMS';
  const evidence: Evidence = {
    smsRegion: region,
    logGroupName: group,
    'FilterLogEvents.events[0].timestamp': iso(latest.event.timestamp),
    'FilterLogEvents.events[0].message.delivery.providerResponse': response ?? null,
    'FilterLogEvents.events[0].message.status': latest.delivery.status ?? null,
    'FilterLogEvents.events[0].message': latest.event.message ?? '',
    catalogueCause: verdict.cause ?? null,
  };
  const others = failures.length > 1 ? ` (${failures.length} failed SMS to this number in the window)` : '';
  return {
    outcome: {
      // A carrier failure matters for the code only when the code goes by SMS.
      status: bySms ? 'warn' : 'info',
      code: 'sms-carrier-failure-logged',
      message: `SNS could not deliver an SMS to ${phone} at ${iso(latest.event.timestamp)}: the carrier answered "${response ?? 'no response'}"${verdict.cause ? ` (${causes[verdict.cause].toLowerCase()})` : ''}${others}.${bySms ? '' : ` The code goes by ${prediction?.channel === 'EMAIL' ? 'e-mail' : 'no channel yet'}, so this does not stop it now.`}`,
      evidence,
      remediation: remediation(
        `${verdict.advice} Every failed SMS to this number in the window:`,
        [logCommand(ctx, region, group, filterPattern, window)],
        [docs.snsSmsLogs],
      ),
    },
  };
}

/** CloudTrail: did the app call ForgotPassword for this user at all, when, and what did Cognito answer? */
async function forgotPasswordCalls(
  ctx: Context,
  username: string,
  sub: string | undefined,
  window: Window,
): Promise<SourceResult> {
  if (!sub) return {};
  const region = ctx.target.region;
  const history = await ctx.cloudtrail.eventsNamed(region, 'ForgotPassword', window.start, window.end);
  const calls = callsBy(history.events, sub);
  const judgement = judgeCalls(calls);
  const lookup = aws(
    ctx,
    [
      'cloudtrail',
      'lookup-events',
      '--lookup-attributes',
      'AttributeKey=EventName,AttributeValue=ForgotPassword',
      '--start-time',
      window.start.toISOString(),
    ],
    region,
  );
  const subEvidence = { 'AdminGetUser.UserAttributes.sub': sub };
  if (judgement.kind === 'none') {
    const scanned = history.truncated
      ? ` among the ${history.events.length} most recent ForgotPassword events of the Region (older ones were not read)`
      : '';
    return {
      outcome: {
        status: 'info',
        code: 'app-hides-error',
        message: `CloudTrail shows no ForgotPassword call for this user in ${window.text}${scanned}: the request may never have reached Cognito in ${region} (the app calls another pool or Region, uses a stale configuration, or failed before calling). CloudTrail can take several minutes to show a call.`,
        evidence: {
          ...subEvidence,
          'LookupEvents.Events.length': history.events.length,
          window: windowEvidence(window),
        },
        remediation: remediation(
          "Reproduce the request, then look for it (each event's CloudTrailEvent has the caller's sub in additionalEventData.sub):",
          [lookup],
          [docs.cognitoCloudTrail],
        ),
      },
    };
  }
  const latest = judgement.latest;
  const evidence: Evidence = { ...subEvidence, ...callEvidence(latest), forgotPasswordCallsInWindow: calls.length };
  if (judgement.kind === 'ok') {
    return {
      note: `The latest ForgotPassword call for this user reached Cognito at ${latest.time.toISOString()} and succeeded.`,
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
        code: 'forgot-password-attempt-limit',
        message: `${limited.length} of this user's ${calls.length} ForgotPassword calls in ${window.text} hit the per-user attempt limit (LimitExceededException, last at ${limited[0]!.time.toISOString()}), ${then}.`,
        evidence: { ...evidence, 'LookupEvents.Events[LimitExceededException].length': limited.length },
        remediation: remediation(
          'Wait about an hour and stop the app retrying (every retry counts); no API resets the counter. Or an administrator sets a password (set NEW_PASSWORD first; give it over a secure channel):',
          [setPasswordCommand(ctx, username)],
          [docs.quotas, docs.recovery],
        ),
      },
    };
  }
  return {
    outcome: {
      status: 'warn',
      code: 'app-hides-error',
      message: `The latest ForgotPassword call for this user, at ${latest.time.toISOString()}, failed with ${latest.errorCode}${latest.errorMessage ? ` ("${latest.errorMessage}")` : ''}: Cognito sent no code. If the user saw "code sent", the app hides this error.`,
      evidence,
      remediation: remediation(
        'Fix what the error names (the checks above show the settings it depends on), and make the app show ForgotPassword errors. The calls in the window:',
        [lookup],
        [docs.cognitoCloudTrail, docs.managingErrors],
      ),
    },
  };
}

function callEvidence(call: ForgotPasswordCall): Evidence {
  return {
    'LookupEvents.Events[latest].EventTime': call.time.toISOString(),
    'LookupEvents.Events[latest].CloudTrailEvent.errorCode': call.errorCode ?? null,
    ...(call.errorMessage ? { 'LookupEvents.Events[latest].CloudTrailEvent.errorMessage': call.errorMessage } : {}),
    ...(call.sourceIPAddress
      ? { 'LookupEvents.Events[latest].CloudTrailEvent.sourceIPAddress': call.sourceIPAddress }
      : {}),
  };
}

/** Threat protection's own record of this user's ForgotPassword attempts and its risk decision. */
async function threatProtection(
  ctx: Context,
  pool: UserPoolType,
  username: string,
  window: Window,
): Promise<SourceResult> {
  const mode = pool.UserPoolAddOns?.AdvancedSecurityMode;
  if (mode !== 'ENFORCED' && mode !== 'AUDIT') return {};
  let events;
  try {
    events = await ctx.cognito.authEvents(username);
  } catch (err) {
    // The add-on is set but not active (e.g. not on the Plus feature plan): there is no record to read.
    if (err instanceof AwsCallError && err.awsCode === 'UserPoolAddOnNotEnabledException') return {};
    throw err;
  }
  const attempts = events.filter(
    (e) => e.EventType === 'ForgotPassword' && (e.CreationDate?.getTime() ?? 0) >= window.start.getTime(),
  );
  const modeEvidence = { 'DescribeUserPool.UserPool.UserPoolAddOns.AdvancedSecurityMode': mode };
  const blocked = attempts.filter((e) => e.EventRisk?.RiskDecision === 'Block');
  const latest = blocked[0];
  if (!latest) {
    return attempts.length
      ? {
          note: `Threat protection (${mode}) blocked none of this user's ${attempts.length} ForgotPassword attempt${attempts.length === 1 ? '' : 's'} in ${window.text}.`,
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
        ? `Threat protection (ENFORCED) blocked ${blocked.length} of this user's ${attempts.length} ForgotPassword attempt${attempts.length === 1 ? '' : 's'} in ${window.text}, the latest at ${at}${from ? ` from ${from}` : ''} (risk level ${latest.EventRisk?.RiskLevel ?? 'unknown'}): a blocked request gets no code.`
        : `Threat protection (AUDIT) rated ${blocked.length} of this user's ForgotPassword attempts in ${window.text} as Block, the latest at ${at}; in AUDIT mode it only records the decision, so nothing was blocked.`,
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

/** The exact CLI search that lists every matching event of the window. */
function logCommand(ctx: Context, region: string, group: string, pattern: string, window: Window): string {
  return aws(
    ctx,
    [
      'logs',
      'filter-log-events',
      '--log-group-name',
      group,
      '--start-time',
      String(window.start.getTime()),
      '--filter-pattern',
      pattern,
    ],
    region,
  );
}

function iso(ms: number | undefined): string {
  return ms === undefined ? 'an unknown time' : new Date(ms).toISOString();
}

function windowEvidence(window: Window): string {
  return `${window.start.toISOString()} to ${window.end.toISOString()}`;
}

/** `24 h`, `7 d`, `30 min`: how a person says the --since window (hours up to two days). */
export function duration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
    [1000, 's'],
  ];
  const [size, unit] = units.find(([u, name]) => ms % u === 0 && (name !== 'd' || ms >= 2 * u)) ?? [1, 'ms'];
  return `${ms / size} ${unit}`;
}
