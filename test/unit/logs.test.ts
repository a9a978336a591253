import { describe, expect, it } from 'vitest';
import { duration } from '../../src/checks/logs/source.js';
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
  quoteTerm,
  snsFailureLogGroup,
  type ForgotPasswordCall,
} from '../../src/domain/logs.js';
import { filterPatternMatcher } from '../fake/services/logs.js';

const SUB = 'f79eef7e-2831-490b-8ffd-808479123138';

describe('log group names', () => {
  it('reads the Region and name from a log group ARN, with or without the :* suffix', () => {
    const name = '/aws/vendedlogs/cognito/shop-prod/notifications';
    expect(parseLogGroupArn(`arn:aws:logs:eu-west-1:123456789012:log-group:${name}:*`)).toEqual({
      region: 'eu-west-1',
      name,
    });
    expect(parseLogGroupArn(`arn:aws:logs:us-east-1:123456789012:log-group:${name}`)).toEqual({
      region: 'us-east-1',
      name,
    });
    expect(parseLogGroupArn('arn:aws:s3:::bucket')).toBeUndefined();
  });

  it('names the SNS failure log group of direct SMS publishes', () => {
    expect(snsFailureLogGroup('eu-west-1', '123456789012')).toBe(
      'sns/eu-west-1/123456789012/DirectPublishToPhoneNumber/Failure',
    );
  });
});

describe('filter patterns', () => {
  it('quotes terms and escapes quotes and backslashes', () => {
    expect(quoteTerm('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it('ORs the distinct identifiers, and sends a single one as a plain quoted term', () => {
    expect(anyTermPattern(['jane@example.com', '+447700900123', '', 'jane@example.com'])).toBe(
      '?"jane@example.com" ?"+447700900123"',
    );
    expect(anyTermPattern([SUB])).toBe(`"${SUB}"`);
  });

  it('matches one JSON field exactly', () => {
    expect(jsonEqualsPattern('delivery.destination', '+447700900123')).toBe(
      '{ $.delivery.destination = "+447700900123" }',
    );
  });

  it('are read by the fake endpoint the way CloudWatch Logs reads them', () => {
    const any = filterPatternMatcher(anyTermPattern(['jane@example.com', '+447700900123']));
    expect(any('failed for jane@example.com')).toBe(true);
    expect(any('failed for +447700900123')).toBe(true);
    expect(any('failed for bob@example.com')).toBe(false);
    const json = filterPatternMatcher(jsonEqualsPattern('delivery.destination', '+447700900123'));
    expect(json(JSON.stringify({ delivery: { destination: '+447700900123' } }))).toBe(true);
    expect(json(JSON.stringify({ delivery: { destination: '+447700900999' } }))).toBe(false);
    expect(json('not json')).toBe(false);
    expect(filterPatternMatcher('ERROR -DEBUG')('ERROR at boot')).toBe(true);
    expect(filterPatternMatcher('ERROR -DEBUG')('ERROR DEBUG')).toBe(false);
    expect(filterPatternMatcher('{ $.status = "FAIL*" }')('{"status":"FAILURE"}')).toBe(true);
    expect(filterPatternMatcher('')('anything')).toBe(true);
    expect(() => filterPatternMatcher('[ip, user]')).toThrow();
    expect(() => filterPatternMatcher('{ $.a = }')).toThrow();
  });
});

describe('which log lines are about this user', () => {
  it('wants the identifier as a whole token: the term jane also finds janet in CloudWatch', () => {
    expect(mentionsAny('sent to jane@example.com', ['jane'])).toBe(true);
    expect(mentionsAny('sent to janet@example.org', ['jane'])).toBe(false);
    expect(mentionsAny('user jane failed', ['jane'])).toBe(true);
    expect(mentionsAny('to +447700900123.', ['+447700900123'])).toBe(true);
    expect(mentionsAny('to +4477009001234', ['+447700900123'])).toBe(false);
    expect(mentionsAny('anything', [''])).toBe(false);
  });

  it('shows the details of a Cognito user-notification record, or the raw line', () => {
    const line = JSON.stringify({
      eventTimestamp: '1687297330677',
      eventSource: 'USER_NOTIFICATION',
      logLevel: 'ERROR',
      message: { details: 'SES error' },
      logSourceId: { userPoolId: 'eu-west-1_AbC123' },
    });
    expect(notificationDetails(line)).toBe('SES error');
    expect(notificationDetails('plain text')).toBe('plain text');
  });

  it('reads the destination, carrier response and status of an SNS delivery record', () => {
    const line = JSON.stringify({
      notification: { messageId: 'm', timestamp: '2016-06-28 00:40:34.559' },
      delivery: { destination: '+1XXX5550100', providerResponse: 'Unknown error attempting to reach phone', mcc: 0 },
      status: 'FAILURE',
    });
    expect(parseSmsDelivery(line)).toEqual({
      destination: '+1XXX5550100',
      providerResponse: 'Unknown error attempting to reach phone',
      status: 'FAILURE',
    });
    expect(parseSmsDelivery('{')).toEqual({});
  });
});

describe('classifyProviderResponse', () => {
  // Every failure reason SNS documents for providerResponse (sms_stats_cloudwatch).
  it.each([
    ['Blocked as spam by phone carrier', 'sms-carrier-filtering'],
    ['Destination is blacklisted', 'sms-carrier-filtering'],
    ['Phone carrier has blocked this message', 'sms-carrier-filtering'],
    ['Phone has blocked SMS', 'sms-carrier-filtering'],
    ['Phone is blacklisted', 'sms-carrier-filtering'],
    ['Destination is on a blocked list', 'sms-carrier-filtering'],
    ['Invalid phone number', 'invalid-phone-number'],
    ['Phone number is opted out', 'sms-opted-out'],
    ['Phone carrier is currently unreachable/unavailable', 'device-or-network-unreachable'],
    ['Phone is currently unreachable/unavailable', 'device-or-network-unreachable'],
    ['Unknown error attempting to reach phone', 'device-or-network-unreachable'],
    ['Message body is invalid', 'custom-message-bad-content'],
    ['This delivery would exceed max price', 'sms-spend-limit-reached'],
    ['Sandboxed account unable to send to number.', 'sms-sandbox'],
    ['Message has been accepted by phone carrier', undefined],
    ['a text SNS is not known to write', undefined],
  ])('%s → %s', (response, cause) => {
    const verdict = classifyProviderResponse(response);
    expect(verdict.cause).toBe(cause);
    expect(verdict.advice.length).toBeGreaterThan(0);
  });
});

describe('ForgotPassword calls in CloudTrail', () => {
  const event = (minutesAgo: number, detail: Record<string, unknown>) => ({
    EventTime: new Date(Date.UTC(2026, 10, 21, 12) - minutesAgo * 60_000),
    EventId: `e${minutesAgo}`,
    CloudTrailEvent: JSON.stringify({ eventName: 'ForgotPassword', ...detail }),
  });

  it("keeps this user's calls by the sub in additionalEventData, newest first", () => {
    const calls = callsBy(
      [
        event(30, { additionalEventData: { sub: SUB }, errorCode: 'LimitExceededException', errorMessage: 'm' }),
        event(10, { additionalEventData: { sub: 'someone-else' } }),
        event(5, { additionalEventData: { sub: SUB }, errorCode: '', sourceIPAddress: '203.0.113.10' }),
        { EventTime: new Date(), CloudTrailEvent: 'not json' },
        event(1, {}),
      ],
      SUB,
    );
    expect(calls.map((c) => c.eventId)).toEqual(['e5', 'e30']);
    expect(calls[0]).not.toHaveProperty('errorCode');
    expect(calls[0]!.sourceIPAddress).toBe('203.0.113.10');
    expect(calls[1]).toMatchObject({ errorCode: 'LimitExceededException', errorMessage: 'm' });
  });

  const LIMIT = ['LimitExceededException', 'Attempt limit exceeded, please try after some time.'] as const;
  const DAILY = [
    'LimitExceededException',
    'Exceeded daily email limit for the operation or the account. If a higher limit is required, please configure your user pool to use your own Amazon SES configuration for sending email.',
  ] as const;
  const call = (minutesAgo: number, error?: readonly [string, string]): ForgotPasswordCall => ({
    time: new Date(Date.UTC(2026, 10, 21, 12) - minutesAgo * 60_000),
    ...(error ? { errorCode: error[0], errorMessage: error[1] } : {}),
  });

  it('judges the calls: none, succeeded, failed, attempt limit now or earlier', () => {
    expect(judgeCalls([])).toEqual({ kind: 'none' });
    expect(judgeCalls([call(5)]).kind).toBe('ok');
    expect(
      judgeCalls([
        call(5, ['CodeDeliveryFailureException', 'Invalid email provided/Unable to send the email']),
        call(50),
      ]),
    ).toMatchObject({ kind: 'error', reading: { meaning: expect.any(String) } });
    const now = judgeCalls([call(5, LIMIT), call(9, LIMIT), call(50)]);
    expect(now).toMatchObject({ kind: 'attempt-limit', current: true });
    expect(now.kind === 'attempt-limit' && now.limited.length).toBe(2);
    expect(judgeCalls([call(5), call(70, LIMIT)])).toMatchObject({
      kind: 'attempt-limit',
      current: false,
    });
  });

  it('reads the daily e-mail cap of the default sender as its own cause, not the attempt limit', () => {
    expect(judgeCalls([call(5, DAILY), call(9, DAILY)])).toMatchObject({
      kind: 'error',
      reading: { cause: 'cognito-default-email-daily-limit' },
    });
  });

  it('keeps the latest error first when an older call hit the attempt limit', () => {
    expect(judgeCalls([call(5, DAILY), call(70, LIMIT)])).toMatchObject({
      kind: 'error',
      reading: { cause: 'cognito-default-email-daily-limit' },
    });
  });
});

describe('duration', () => {
  it.each([
    [24 * 3_600_000, '24 h'],
    [36 * 3_600_000, '36 h'],
    [48 * 3_600_000, '2 d'],
    [7 * 86_400_000, '7 d'],
    [90 * 60_000, '90 min'],
    [45_000, '45 s'],
    [1500, '1500 ms'],
  ])('%i ms → %s', (ms, text) => {
    expect(duration(ms)).toBe(text);
  });
});
