import { causes } from '../../causes.js';
import type { Context } from '../../context/index.js';
import {
  classifyProviderResponse,
  jsonEqualsPattern,
  parseSmsDelivery,
  snsFailureLogGroup,
} from '../../domain/logs.js';
import { docs } from '../../remedy/links.js';
import { remediation } from '../remedy.js';
import type { Evidence } from '../types.js';
import { iso, logCommand, quote, type SourceResult, type Window } from './source.js';

const SMS_LOG_LIMIT = 5;

/** SNS SMS delivery logs of failures: the carrier's own answer for this number. */
export async function smsFailureLog(ctx: Context, phone: string | undefined, window: Window): Promise<SourceResult> {
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
      message: `SNS could not deliver an SMS to ${phone} at ${iso(latest.event.timestamp)}: the carrier answered "${response ? quote(response) : 'no response'}"${verdict.cause ? ` (${causes[verdict.cause].toLowerCase()})` : ''}${others}.${bySms ? '' : ` The code goes by ${prediction?.channel === 'EMAIL' ? 'e-mail' : 'no channel yet'}, so this does not stop it now.`}`,
      evidence,
      remediation: remediation(
        `${verdict.advice} Every failed SMS to this number in the window:`,
        [logCommand(ctx, region, group, filterPattern, window)],
        [docs.snsSmsLogs],
      ),
    },
  };
}
