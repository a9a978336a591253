import { describe, expect, it } from 'vitest';
import { raiseSpendLimit } from '../../src/checks/sms/account.js';
import type { Context } from '../../src/context/index.js';

const ctx = { target: { region: 'eu-west-1' } } as unknown as Context;

describe('raiseSpendLimit', () => {
  it('suggests a higher limit, never above the approved quota', () => {
    expect(raiseSpendLimit(ctx, 'eu-west-1', 1, 100).commands).toEqual([
      'aws sns set-sms-attributes --attributes MonthlySpendLimit=10 --region eu-west-1',
    ]);
    expect(raiseSpendLimit(ctx, 'eu-west-1', 50, 60).commands).toEqual([
      'aws sns set-sms-attributes --attributes MonthlySpendLimit=60 --region eu-west-1',
    ]);
  });

  it('with no headroom under the quota, asks for a quota increase and gives no command', () => {
    const r = raiseSpendLimit(ctx, 'eu-west-1', 100, 100);
    expect(r.commands).toEqual([]);
    expect(r.text).toMatch(/quota increase/);
  });

  it('without a known quota, says to stay within it', () => {
    expect(raiseSpendLimit(ctx, 'eu-west-1', 20, undefined).text).toMatch(/within the approved service quota/);
  });
});
