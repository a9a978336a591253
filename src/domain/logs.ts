// What the logs say about one user: pure helpers over the records of Cognito's user-notification log,
// SNS SMS delivery logs and CloudTrail, so the logs check stays small and these rules are unit-tested.
//
// Record formats relied on (sources in the comments):
// - Cognito user-notification log (Cognito Developer Guide, "Exporting logs from Amazon Cognito user
//   pools"): `{eventTimestamp, eventSource: "USER_NOTIFICATION", logLevel: "ERROR", message: {details},
//   logSourceId: {userPoolId}}`. The documented schema has no user field: the user can only be found in
//   the free text of `message.details`, so we search for the user's identifiers as terms.
// - SNS SMS delivery log (SNS Developer Guide, "sms_stats_cloudwatch"): `{notification: {messageId,
//   timestamp}, delivery: {destination, providerResponse, smsType, mcc, mnc, …}, status: "FAILURE"}`, in
//   the group `sns/<region>/<account>/DirectPublishToPhoneNumber/Failure`.
// - CloudTrail records Cognito's unauthenticated calls with the user's sub in
//   `additionalEventData.sub` and the exception name in `errorCode` (Cognito Developer Guide,
//   "Analyzing Amazon Cognito CloudTrail events with CloudWatch Logs Insights").

import type { CauseCode } from '../causes.js';
import { readErrorText, type TextReading } from './error-texts.js';

/** `arn:aws:logs:<region>:<account>:log-group:<name>[:*]` → the Region and the log group name. */
export function parseLogGroupArn(arn: string): { region: string; name: string } | undefined {
  const m = /^arn:[\w-]+:logs:([\w-]+):\d*:log-group:(.+?)(?::\*)?$/.exec(arn);
  return m ? { region: m[1]!, name: m[2]! } : undefined;
}

/** Where SNS writes failed SMS deliveries of direct publishes to phone numbers (as Cognito sends). */
export function snsFailureLogGroup(region: string, account: string): string {
  return `sns/${region}/${account}/DirectPublishToPhoneNumber/Failure`;
}

/** A filter-pattern term in double quotes, so `@`, `+`, `-` and `.` are taken literally. */
export function quoteTerm(term: string): string {
  return `"${term.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** A filter pattern that matches events containing any of the terms (`?"a" ?"b"`). */
export function anyTermPattern(terms: readonly string[]): string {
  const unique = [...new Set(terms.filter((t) => t.length > 0))];
  return unique.length === 1 ? quoteTerm(unique[0]!) : unique.map((t) => `?${quoteTerm(t)}`).join(' ');
}

/** A JSON filter pattern that matches one field's exact value: `{ $.delivery.destination = "+4477…" }`. */
export function jsonEqualsPattern(path: string, value: string): string {
  return `{ $.${path} = ${quoteTerm(value)} }`;
}

/**
 * Whether the text names one of the identifiers as a whole token. CloudWatch matches terms anywhere, so
 * the term `jane` also finds `janet`; this second look keeps only this user's records.
 */
export function mentionsAny(text: string, identifiers: readonly string[]): boolean {
  return identifiers.some((id) => {
    if (!id) return false;
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^A-Za-z0-9_])${escaped}($|[^A-Za-z0-9_])`).test(text);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const record = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** `message.details` of a Cognito user-notification record, or the raw line when it is not that shape. */
export function notificationDetails(line: string): string {
  const details = record(record(parseJson(line))?.message)?.details;
  return typeof details === 'string' ? details : line;
}

export interface SmsDelivery {
  destination?: string;
  providerResponse?: string;
  status?: string;
}

/** The fields of an SNS SMS delivery-status record that say what happened. */
export function parseSmsDelivery(line: string): SmsDelivery {
  const r = record(parseJson(line));
  const delivery = record(r?.delivery);
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    ...(text(delivery?.destination) ? { destination: text(delivery?.destination) } : {}),
    ...(text(delivery?.providerResponse) ? { providerResponse: text(delivery?.providerResponse) } : {}),
    ...(text(r?.status) ? { status: text(r?.status) } : {}),
  };
}

export interface CarrierVerdict {
  /** The catalogue cause the carrier's answer points to, when it is one of the texts SNS writes. */
  cause?: CauseCode;
  advice: string;
}

/** What to do about a carrier's answer, by the cause it proves. */
const CARRIER_ADVICE: Partial<Record<CauseCode, string>> = {
  'sms-carrier-filtering':
    'The carrier or the handset filtered the message. Send from a registered origination identity, put your brand name in the SMS message template, and avoid link shorteners.',
  'sms-opted-out':
    "The number had opted out (the user replied STOP) when SNS sent the message; only with the user's consent opt it back in (see the sms check).",
  'invalid-phone-number':
    'The carrier rejected the number: correct the stored phone_number (E.164, right country code, a mobile line), then verify it again.',
  'device-or-network-unreachable':
    'The phone or its network could not be reached (switched off, roaming, out of coverage): retry later, or recover by e-mail.',
  'sms-spend-limit-reached':
    "The account's SMS spend limit stopped the message: raise it (and the approved quota) or wait for the next month.",
  'sms-sandbox':
    'The account may not send SMS to this number yet (sandbox, or held for review): verify the number in the sandbox or ask AWS Support for production access.',
  'custom-message-bad-content':
    'The carrier refused the message body: check the SMS message template (or what the CustomMessage trigger returns).',
};

/** Read the carrier's answer through the table of real texts; an unknown answer is shown as it is. */
export function classifyProviderResponse(providerResponse: string | undefined): CarrierVerdict {
  const cause = readErrorText(providerResponse)?.cause;
  const advice = cause && CARRIER_ADVICE[cause];
  return cause && advice
    ? { cause, advice }
    : { advice: 'Read the carrier response above; delivery logs can take up to 72 hours to arrive.' };
}

export interface ForgotPasswordCall {
  time: Date;
  errorCode?: string;
  errorMessage?: string;
  sourceIPAddress?: string;
  eventId?: string;
}

/** CloudTrail events (`LookupEvents.Events`) reduced to this user's calls, newest first. */
export function callsBy(
  events: readonly { EventTime?: Date; EventId?: string; CloudTrailEvent?: string }[],
  sub: string,
): ForgotPasswordCall[] {
  const calls: ForgotPasswordCall[] = [];
  for (const event of events) {
    const detail = record(parseJson(event.CloudTrailEvent ?? ''));
    if (!detail || record(detail.additionalEventData)?.sub !== sub) continue;
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    const time = event.EventTime ?? new Date(String(detail.eventTime));
    calls.push({
      time,
      ...(text(detail.errorCode) ? { errorCode: text(detail.errorCode) } : {}),
      ...(text(detail.errorMessage) ? { errorMessage: text(detail.errorMessage) } : {}),
      ...(text(detail.sourceIPAddress) ? { sourceIPAddress: text(detail.sourceIPAddress) } : {}),
      ...(event.EventId ? { eventId: event.EventId } : {}),
    });
  }
  return calls.sort((a, b) => b.time.getTime() - a.time.getTime());
}

export type CallsJudgement =
  | { kind: 'none' }
  /** The per-user attempt limit in the window; `current` when the latest call still hit it. */
  | { kind: 'attempt-limit'; current: boolean; limited: ForgotPasswordCall[]; latest: ForgotPasswordCall }
  /** The latest call failed; `reading` is what its text proves, when AWS is known to write it. */
  | { kind: 'error'; latest: ForgotPasswordCall; reading?: TextReading }
  | { kind: 'ok'; latest: ForgotPasswordCall };

/** What a call's error text proves (the exception name alone never decides between causes). */
export function readCall(call: ForgotPasswordCall): TextReading | undefined {
  return call.errorCode ? readErrorText(call.errorMessage, { errorCode: call.errorCode }) : undefined;
}

const attemptLimited = (c: ForgotPasswordCall) => readCall(c)?.cause === 'forgot-password-attempt-limit';

/** What this user's ForgotPassword calls say, newest first. */
export function judgeCalls(calls: readonly ForgotPasswordCall[]): CallsJudgement {
  const latest = calls[0];
  if (!latest) return { kind: 'none' };
  const limited = calls.filter(attemptLimited);
  if (limited.length && (attemptLimited(latest) || !latest.errorCode)) {
    return { kind: 'attempt-limit', current: attemptLimited(latest), limited, latest };
  }
  if (!latest.errorCode) return { kind: 'ok', latest };
  const reading = readCall(latest);
  return { kind: 'error', latest, ...(reading ? { reading } : {}) };
}
