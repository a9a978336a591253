import type { LogConfigurationType } from '@aws-sdk/client-cognito-identity-provider';
import type { Context } from '../../context/index.js';
import { readErrorText } from '../../domain/error-texts.js';
import { anyTermPattern, mentionsAny, notificationDetails, parseLogGroupArn } from '../../domain/logs.js';
import { aws } from '../../remedy/commands.js';
import { docs } from '../../remedy/links.js';
import { remediation } from '../remedy.js';
import type { Evidence } from '../types.js';
import { iso, logCommand, quote, SHOWN, type SourceResult, type Window } from './source.js';

const COGNITO_LOG_LIMIT = 20;

/** Cognito's user-notification error log: what happened when Cognito tried to send this user a message. */
export async function notificationLog(
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
  // AWS documents no wording for these lines: only a known AWS text inside one is read; the rest is shown.
  const details = notificationDetails(latest.message ?? '');
  const reading = readErrorText(details, { recipient: a.email ?? '' });
  if (reading?.cause) evidence.catalogueCause = reading.cause;
  return {
    outcome: {
      status: 'warn',
      code: 'delivery-error-logged',
      message: `Cognito logged ${count} delivery error${mine.length === 1 ? '' : 's'} for this user in ${window.text}; the latest, at ${iso(latest.timestamp)}: "${quote(details)}"${reading ? ` (${reading.meaning.replace(/\.$/, '')})` : ''}`,
      evidence,
      remediation: remediation(
        'Cognito tried to send the message and the delivery failed with the error above: fix what it names (the e-mail and SMS checks show the settings it depends on). Every logged error for this user in the window:',
        [logCommand(ctx, group.region, group.name, filterPattern, window)],
        [docs.cognitoLogs],
      ),
    },
  };
}

export async function notificationLogOff(ctx: Context, configs: LogConfigurationType[]): Promise<SourceResult> {
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
export function shorthand(c: LogConfigurationType): string {
  const destination = c.CloudWatchLogsConfiguration?.LogGroupArn
    ? `CloudWatchLogsConfiguration={LogGroupArn=${c.CloudWatchLogsConfiguration.LogGroupArn}}`
    : c.S3Configuration?.BucketArn
      ? `S3Configuration={BucketArn=${c.S3Configuration.BucketArn}}`
      : c.FirehoseConfiguration?.StreamArn
        ? `FirehoseConfiguration={StreamArn=${c.FirehoseConfiguration.StreamArn}}`
        : '';
  return [`EventSource=${c.EventSource}`, `LogLevel=${c.LogLevel}`, destination].filter(Boolean).join(',');
}
