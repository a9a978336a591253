import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/aws/clock.js';
import { RequestLimiter } from '../../src/aws/limiter.js';
import { rateLimitOf, type RateLimit } from '../../src/aws/rate-limits.js';
import type { IamAction } from '../../src/aws/services.js';
import { fakeClock } from '../helpers/clock.js';

/** The test's own quota table: two actions share a 2-per-second category, one goes alone at 10. */
const TABLE: Record<string, RateLimit> = {
  'cloudtrail:LookupEvents': { category: 'trail', rps: 2 },
  'cognito-idp:AdminGetUser': { category: 'read', rps: 2 },
  'cognito-idp:ListUsers': { category: 'read', rps: 2 },
  'sns:GetSMSAttributes': { category: 'sns', rps: 10 },
};
const limitOf = (action: IamAction) => TABLE[action]!;

/** Start `n` acquires of `action` and record when (on the fake clock) each was let go. */
function start(limiter: RequestLimiter, clock: Clock, action: IamAction, n: number, region = 'eu-west-1') {
  const granted: number[] = [];
  const all = Array.from({ length: n }, () =>
    limiter.acquire(action, region).then(() => {
      granted.push(clock.now());
    }),
  );
  return { granted, all };
}

describe('RequestLimiter', () => {
  it('lets a quota’s worth go at once, then the next ones a window (and a margin) later: never more than the quota in any second', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ clock, limitOf });
    const { granted, all } = start(limiter, clock, 'cloudtrail:LookupEvents', 6);
    await advance(10_000);
    await Promise.all(all);
    expect(granted).toEqual([0, 0, 1050, 1050, 2100, 2100]);
  });

  it('a diagnosis’s few requests never wait: every category starts with room', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ clock, limitOf });
    const a = start(limiter, clock, 'cloudtrail:LookupEvents', 2);
    const b = start(limiter, clock, 'sns:GetSMSAttributes', 10);
    await advance(0);
    expect([...a.granted, ...b.granted].every((t) => t === 0)).toBe(true);
    expect(a.granted.length + b.granted.length).toBe(12);
  });

  it('at the default quotas, the requests of one diagnosis all go at once', async () => {
    // The benchmark's forgot-password diagnosis, plus the most any scenario world sends of one action.
    const diagnosis: IamAction[] = [
      ...['DescribeUserPool', 'AdminGetUser', 'AdminGetUser', 'ListUsers', 'DescribeUserPoolClient'],
      ...['GetLogDeliveryConfiguration', 'ListUserImportJobs', 'AdminListUserAuthEvents'],
    ].map((op) => `cognito-idp:${op}` as IamAction);
    diagnosis.push(
      ...([
        'cloudtrail:LookupEvents',
        'cloudtrail:LookupEvents',
        'logs:FilterLogEvents',
        'logs:FilterLogEvents',
      ] as const),
      ...(['ses:GetEmailIdentity', 'ses:GetEmailIdentity', 'ses:GetEmailIdentity', 'ses:GetAccount'] as const),
      ...([
        'ses:GetSuppressedDestination',
        'iam:GetRole',
        'iam:ListRolePolicies',
        'iam:ListAttachedRolePolicies',
      ] as const),
      ...(['iam:GetRolePolicy', 'sns:GetSMSSandboxAccountStatus', 'sns:GetSMSAttributes'] as const),
      ...(['sns:CheckIfPhoneNumberIsOptedOut', 'cloudwatch:GetMetricData', 'cloudwatch:GetMetricData'] as const),
      ...(['sms-voice:DescribeSpendLimits', 'sms-voice:DescribeProtectConfigurations', 'lambda:GetFunction'] as const),
    );
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ clock, limitOf: rateLimitOf });
    const granted: number[] = [];
    for (const action of diagnosis) void limiter.acquire(action, 'eu-west-1').then(() => granted.push(clock.now()));
    await advance(0);
    expect(granted).toEqual(diagnosis.map(() => 0));
  });

  it('actions of one category share its quota; other Regions and categories have their own', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ clock, limitOf });
    const get = start(limiter, clock, 'cognito-idp:AdminGetUser', 2);
    const list = start(limiter, clock, 'cognito-idp:ListUsers', 2);
    const elsewhere = start(limiter, clock, 'cognito-idp:ListUsers', 2, 'us-east-1');
    await advance(5_000);
    expect(get.granted).toEqual([0, 0]);
    expect(list.granted).toEqual([1050, 1050]);
    expect(elsewhere.granted).toEqual([0, 0]);
  });

  it('--rate caps the whole run beneath the categories’ quotas', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ clock, limitOf, rate: 4 });
    const sns = start(limiter, clock, 'sns:GetSMSAttributes', 6);
    const trail = start(limiter, clock, 'cloudtrail:LookupEvents', 2);
    await advance(10_000);
    const all = [...sns.granted, ...trail.granted].sort((x, y) => x - y);
    expect(all).toHaveLength(8);
    // No second holds more than 4 of the run's requests.
    for (const t of all) expect(all.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(4);
    expect(all.at(-1)).toBe(1050);
  });

  it('a fractional --rate spaces requests out: 0.5 a second is one every 2 seconds', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ clock, limitOf, rate: 0.5 });
    const { granted } = start(limiter, clock, 'sns:GetSMSAttributes', 3);
    await advance(10_000);
    expect(granted).toEqual([0, 2100, 4200]);
  });

  it('throttling halves the category once a window, down to a quarter; successes give it back a step a window', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ clock, limitOf });
    const trail = 'cloudtrail:LookupEvents';
    limiter.throttled(trail, 'eu-west-1');
    limiter.throttled(trail, 'eu-west-1'); // the same window: one cut
    expect(limiter.rateOf(trail, 'eu-west-1')).toBe(1);
    await advance(1_050);
    limiter.throttled(trail, 'eu-west-1');
    await advance(3_000);
    limiter.throttled(trail, 'eu-west-1');
    expect(limiter.rateOf(trail, 'eu-west-1')).toBe(0.5); // the floor
    // The other categories and Regions are untouched.
    expect(limiter.rateOf('cognito-idp:AdminGetUser', 'eu-west-1')).toBe(2);
    expect(limiter.rateOf(trail, 'us-east-1')).toBe(2);
    limiter.succeeded(trail, 'eu-west-1'); // within the window of the last cut: no step yet
    expect(limiter.rateOf(trail, 'eu-west-1')).toBe(0.5);
    let at = 3_000;
    for (const expected of [0.75, 1, 1.25, 1.5, 1.75, 2, 2]) {
      at += 4_000;
      await advance(at);
      limiter.succeeded(trail, 'eu-west-1');
      expect(limiter.rateOf(trail, 'eu-west-1')).toBe(expected);
    }
  });

  it('after a throttle the category pauses a window of its new rate, then spaces its requests further apart', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ clock, limitOf });
    limiter.throttled('cloudtrail:LookupEvents', 'eu-west-1');
    const { granted } = start(limiter, clock, 'cloudtrail:LookupEvents', 3);
    await advance(10_000);
    expect(granted).toEqual([1050, 2100, 3150]);
  });

  it('a stopped run never waits: waiting requests reject with the stop reason, later ones at once', async () => {
    const { clock, advance, pending } = fakeClock();
    const limiter = new RequestLimiter({ clock, limitOf });
    const stop = new AbortController();
    const outcomes = Array.from({ length: 4 }, () =>
      limiter.acquire('cloudtrail:LookupEvents', 'eu-west-1', stop.signal).then(
        () => 'sent',
        (e: unknown) => (e as Error).message,
      ),
    );
    await advance(0);
    stop.abort(new Error('the time limit'));
    expect(await Promise.all(outcomes)).toEqual(['sent', 'sent', 'the time limit', 'the time limit']);
    expect(pending()).toBe(0); // no timer left behind
    await expect(limiter.acquire('cloudtrail:LookupEvents', 'eu-west-1', stop.signal)).rejects.toThrow(
      'the time limit',
    );
  });
});
