import { describe, expect, it } from 'vitest';
import { quotaGate } from '../fake/quotas.js';

/** The gate on a clock the test moves: `at(ms)` then `over(…)`. */
function gate(quotas: Parameters<typeof quotaGate>[0]) {
  let now = 0;
  const g = quotaGate(quotas, () => now);
  return (ms: number, action: string, region = 'eu-west-1') => {
    now = ms;
    return g.over(action, region);
  };
}

describe('the fake endpoint’s request-rate quotas', () => {
  it('serves the quota’s share of any second and answers the rest "over"', () => {
    const over = gate([{ actions: ['cloudtrail:LookupEvents'], rps: 2 }]);
    expect([0, 10, 20, 999].map((t) => over(t, 'cloudtrail:LookupEvents'))).toEqual([false, false, true, true]);
    // A refused request does not count: a second after the first, one more is served.
    expect(over(1000, 'cloudtrail:LookupEvents')).toBe(false);
    expect(over(1005, 'cloudtrail:LookupEvents')).toBe(true);
    expect(over(1010, 'cloudtrail:LookupEvents')).toBe(false);
  });

  it('every action of a category counts against the one quota; other actions and Regions are free', () => {
    const over = gate([{ actions: ['cognito-idp:AdminGetUser', 'cognito-idp:GetUser'], rps: 1 }]);
    expect(over(0, 'cognito-idp:AdminGetUser')).toBe(false);
    expect(over(1, 'cognito-idp:GetUser')).toBe(true);
    expect(over(2, 'cognito-idp:AdminGetUser', 'us-east-1')).toBe(false);
    expect(over(3, 'cognito-idp:ListUsers')).toBe(false);
  });

  it('below one a second, one request per 1/rps seconds', () => {
    const over = gate([{ actions: ['ses:GetEmailIdentity'], rps: 0.05 }]);
    expect([0, 1_000, 19_999, 20_000].map((t) => over(t, 'ses:GetEmailIdentity'))).toEqual([false, true, true, false]);
  });

  it('a quota for one Region leaves the others alone', () => {
    const over = gate([{ actions: ['sns:GetSMSAttributes'], rps: 1, region: 'us-east-1' }]);
    expect([0, 1, 2].map((t) => over(t, 'sns:GetSMSAttributes'))).toEqual([false, false, false]);
    expect([0, 1].map((t) => over(t, 'sns:GetSMSAttributes', 'us-east-1'))).toEqual([false, true]);
  });
});
