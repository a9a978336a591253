// Whether CloudTrail proves that a user was created by an administrator (AdminCreateUser), long after
// it left FORCE_CHANGE_PASSWORD. Cognito records the user's sub, not its username, in an event, and
// the event time is when the request was made: a match is the same sub, or, when an event carries no
// sub, a time within a minute of the user's creation (clocks and slow requests; the event time has
// whole seconds).

/** How far an event without a sub may be from `UserCreateDate` and still be the user's creation. */
export const CREATION_MATCH_MS = 60_000;

/** Errors after which the user exists all the same: the invitation failed, not the creation. */
const CREATED_DESPITE = new Set(['CodeDeliveryFailureException']);

export interface CreationEvent {
  time: Date;
  eventId?: string;
  matchedBy: 'sub' | 'time';
  errorCode?: string;
  /** The request's `messageAction` (SUPPRESS, RESEND), when CloudTrail recorded one. */
  messageAction?: string;
  /** The request's `desiredDeliveryMediums`; absent when the request named none (then SMS). */
  desiredDeliveryMediums?: string[];
}

/** The AdminCreateUser event (`LookupEvents.Events`) that created the user, if one is among them. */
export function creationEvent(
  events: readonly { EventTime?: Date; EventId?: string; CloudTrailEvent?: string }[],
  sub: string | undefined,
  createdAt: Date,
): CreationEvent | undefined {
  let byTime: CreationEvent | undefined;
  for (const event of events) {
    const detail = objectOf(parse(event.CloudTrailEvent));
    if (!detail || detail.eventName !== 'AdminCreateUser') continue;
    const errorCode = typeof detail.errorCode === 'string' && detail.errorCode ? detail.errorCode : undefined;
    if (errorCode && !CREATED_DESPITE.has(errorCode)) continue;
    const time = event.EventTime ?? new Date(String(detail.eventTime));
    const eventSub = objectOf(detail.additionalEventData)?.sub;
    const base = {
      time,
      ...(event.EventId ? { eventId: event.EventId } : {}),
      ...(errorCode ? { errorCode } : {}),
      ...requestOf(objectOf(detail.requestParameters)),
    };
    if (typeof eventSub === 'string' && eventSub) {
      if (sub && eventSub === sub) return { ...base, matchedBy: 'sub' };
      continue; // another user's creation
    }
    if (!byTime && Math.abs(time.getTime() - createdAt.getTime()) <= CREATION_MATCH_MS) {
      byTime = { ...base, matchedBy: 'time' };
    }
  }
  return byTime;
}

function parse(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}

function objectOf(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** What an AdminCreateUser request asked for, from CloudTrail's `requestParameters`. */
function requestOf(parameters: Record<string, unknown> | undefined) {
  const action = parameters?.messageAction;
  const mediums = parameters?.desiredDeliveryMediums;
  return {
    ...(typeof action === 'string' && action ? { messageAction: action } : {}),
    ...(Array.isArray(mediums) ? { desiredDeliveryMediums: mediums.filter((m) => typeof m === 'string') } : {}),
  };
}
