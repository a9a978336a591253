// CloudTrail event history (awsJson1_1; the SDK sends `X-Amz-Target: CloudTrail_20131101.<Op>`, AWS's
// own model names it `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`: both route here).
// World: `cloudtrail.<region>.events[]`, each a Cognito API call; the fake writes the CloudTrailEvent
// JSON the way Cognito records unauthenticated calls: the caller's sub in `additionalEventData.sub`.

import { AwsFault } from '../protocols.js';
import { regional, type FakeRequest, type ServiceDef } from '../service.js';
import { attributesOf } from './cognito.js';
import { subFor, worldDate } from '../world.js';

export interface CloudTrailEventWorld {
  eventName: string;
  /** ISO date or relative (`now-2h`). */
  eventTime: string;
  /** The user the call was for: the fake records its sub (or give `sub` directly). */
  userPoolId?: string;
  username?: string;
  sub?: string;
  errorCode?: string;
  errorMessage?: string;
  sourceIPAddress?: string;
  clientId?: string;
  /** More request parameters as CloudTrail records them (AdminCreateUser: messageAction, desiredDeliveryMediums). */
  requestParameters?: Record<string, unknown>;
}

export interface CloudTrailWorld {
  events?: CloudTrailEventWorld[];
}

const MAX_RESULTS = 50;
const LOOKUP_KEYS = ['EventName', 'EventId', 'EventSource', 'ReadOnly'] as const;

function subOf(e: CloudTrailEventWorld, req: FakeRequest): string | undefined {
  if (e.sub) return e.sub;
  if (!e.userPoolId || !e.username) return undefined;
  const user = req.world.pools?.[e.userPoolId]?.users?.[e.username];
  return user ? attributesOf(e.userPoolId, e.username, user).sub : subFor(e.userPoolId, e.username);
}

function toEvent(e: CloudTrailEventWorld, index: number, req: FakeRequest) {
  const eventTime = worldDate(e.eventTime, req.now)!;
  const eventId = subFor('cloudtrail', `${req.region}/${index}`);
  const sub = subOf(e, req);
  const detail = {
    eventVersion: '1.08',
    userIdentity: { accountId: req.account },
    eventTime: eventTime.replace(/\.\d+Z$/, 'Z'),
    eventSource: 'cognito-idp.amazonaws.com',
    eventName: e.eventName,
    awsRegion: req.region,
    sourceIPAddress: e.sourceIPAddress ?? '192.0.2.1',
    userAgent: 'aws-sdk-js/3',
    // Cognito hides user data in CloudTrail, with this literal marker.
    requestParameters: {
      username: 'HIDDEN_DUE_TO_SECURITY_REASONS',
      ...(e.clientId ? { clientId: e.clientId } : {}),
      ...e.requestParameters,
    },
    responseElements: null,
    ...(sub ? { additionalEventData: { sub } } : {}),
    ...(e.errorCode ? { errorCode: e.errorCode, errorMessage: e.errorMessage ?? '' } : {}),
    requestID: subFor('request', `${req.region}/${index}`),
    eventID: eventId,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: req.account,
    eventCategory: 'Management',
  };
  return {
    EventId: eventId,
    EventName: e.eventName,
    ReadOnly: 'false',
    EventTime: eventTime,
    EventSource: 'cognito-idp.amazonaws.com',
    Resources: [],
    CloudTrailEvent: JSON.stringify(detail),
  };
}

interface LookupInput {
  LookupAttributes?: { AttributeKey: string; AttributeValue: string }[];
  StartTime?: number;
  EndTime?: number;
  MaxResults?: number;
  NextToken?: string;
}

function lookupEvents(input: LookupInput, req: FakeRequest) {
  const attributes = input.LookupAttributes ?? [];
  if (attributes.length > 1) {
    throw new AwsFault('InvalidLookupAttributesException', 'You can specify only one lookup attribute.');
  }
  const attribute = attributes[0];
  if (attribute && !(LOOKUP_KEYS as readonly string[]).includes(attribute.AttributeKey)) {
    throw new AwsFault('InvalidLookupAttributesException', `The fake does not look up by ${attribute.AttributeKey}.`);
  }
  const max = input.MaxResults ?? MAX_RESULTS;
  if (max < 1 || max > MAX_RESULTS) throw new AwsFault('InvalidMaxResultsException', 'MaxResults must be 1 to 50.');
  // Timestamps arrive as epoch seconds.
  const start = input.StartTime === undefined ? -Infinity : input.StartTime * 1000;
  const end = input.EndTime === undefined ? Infinity : input.EndTime * 1000;
  if (start > end) throw new AwsFault('InvalidTimeRangeException', 'The start time is after the end time.');
  const events = (regional<CloudTrailWorld>(req.world, 'cloudtrail', req.region).events ?? [])
    .map((e, i) => toEvent(e, i, req))
    .filter((e) => {
      const t = Date.parse(e.EventTime);
      if (t < start || t > end) return false;
      if (!attribute) return true;
      const value = { EventName: e.EventName, EventId: e.EventId, EventSource: e.EventSource, ReadOnly: e.ReadOnly };
      return value[attribute.AttributeKey as (typeof LOOKUP_KEYS)[number]] === attribute.AttributeValue;
    })
    // Newest first, as the event history lists them.
    .sort((a, b) => Date.parse(b.EventTime) - Date.parse(a.EventTime));
  const from = Number(input.NextToken ?? 0);
  return {
    Events: events.slice(from, from + max),
    ...(from + max < events.length ? { NextToken: String(from + max) } : {}),
  };
}

export const cloudtrail: ServiceDef = {
  name: 'cloudtrail',
  protocol: 'json1.1',
  targets: ['CloudTrail_20131101'],
  operations: { LookupEvents: lookupEvents },
};
