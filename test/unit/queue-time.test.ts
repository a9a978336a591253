import { describe, expect, it } from 'vitest';
import { RequestLimiter } from '../../src/aws/limiter.js';
import { QueueExcludedDeadline, queueListener, SharedWait } from '../../src/aws/queue-time.js';
import { rateLimitOf } from '../../src/aws/rate-limits.js';
import { fakeClock } from '../helpers/clock.js';

/** A user of a batch: a time limit, and when (on the fake clock) it ran out. */
function user(clock: ReturnType<typeof fakeClock>['clock'], ms: number) {
  const state: { expiredAt?: number } = {};
  const deadline = new QueueExcludedDeadline(ms, () => (state.expiredAt = clock.now()), clock);
  return { deadline, state };
}

describe('QueueExcludedDeadline', () => {
  it('runs out after its time when nothing waits', async () => {
    const { clock, advance } = fakeClock();
    const { state } = user(clock, 8_000);
    await advance(7_999);
    expect(state.expiredAt).toBeUndefined();
    await advance(20_000);
    expect(state.expiredAt).toBe(8_000);
  });

  it('stands still while any of its waits is open, overlapping ones counted once', async () => {
    const { clock, advance } = fakeClock();
    const { deadline, state } = user(clock, 8_000);
    await advance(1_000);
    deadline.queued();
    await advance(2_000);
    deadline.queued();
    await advance(5_000);
    deadline.granted();
    await advance(30_000 - 1);
    expect(state.expiredAt).toBeUndefined();
    deadline.granted();
    // 1 s before the waits, 7 s after the last one ended at 29.999 s.
    await advance(40_000);
    expect(state.expiredAt).toBe(30_000 - 1 + 7_000);
  });

  it('never runs out once disposed', async () => {
    const { clock, advance, pending } = fakeClock();
    const { deadline, state } = user(clock, 1_000);
    deadline.queued();
    deadline.granted();
    deadline.dispose();
    await advance(5_000);
    expect(state.expiredAt).toBeUndefined();
    expect(pending()).toBe(0);
  });
});

describe('SharedWait', () => {
  it('each asker hears the waits from when it joined until the request settles', async () => {
    const wait = new SharedWait();
    const log: string[] = [];
    const asker = (name: string) => ({
      queued: () => log.push(`${name} queued`),
      granted: () => log.push(`${name} granted`),
    });
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const b = asker('b');
    wait.join(asker('a'), settled);
    wait.queued();
    // Joined mid-wait, and twice (two checks awaiting the same read): it hears each wait once.
    wait.join(b, settled);
    wait.join(b, settled);
    wait.granted();
    wait.queued();
    wait.granted();
    settle();
    await settled;
    await Promise.resolve();
    wait.join(undefined, settled);
    wait.queued();
    expect(log).toEqual([
      'a queued',
      'b queued',
      'a granted',
      'b granted',
      'a queued',
      'b queued',
      'a granted',
      'b granted',
    ]);
  });
});

describe('a batch under --rate 2 --timeout 8s: a user queued behind the others keeps its whole limit', () => {
  it('the eleventh user waits 25 s for its turn and is not out of time; its 8 s run from when its requests go', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ clock, rate: 2, limitOf: rateLimitOf });
    const users = Array.from({ length: 11 }, () => user(clock, 8_000));
    // Each user asks for 5 reads at once; the ceiling lets 2 go every 1.05 s.
    const granted = users.map(({ deadline }) =>
      queueListener.run(deadline, () =>
        Promise.all(Array.from({ length: 5 }, () => limiter.acquire('cognito-idp:AdminGetUser', 'eu-west-1'))).then(
          () => clock.now(),
        ),
      ),
    );
    await advance(60_000);
    const times = await Promise.all(granted);
    // The last user's reads went 28 s in: far past 8 s after the batch began.
    expect(times.at(-1)).toBeGreaterThan(25_000);
    // No user ran out of time while waiting; each ran out 8 s after its last read went.
    for (const [i, { state }] of users.entries()) expect(state.expiredAt, `user ${i + 1}`).toBe(times[i]! + 8_000);
  });
});
