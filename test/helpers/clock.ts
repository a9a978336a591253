// Time in tests: what differs between two runs of the same world (when a run started, how long things
// took, the fake's request ids, numbered across every endpoint in the test's process), and a clock that
// moves only when a test moves it.

import type { Clock } from '../../src/aws/clock.js';

export function clockless(text: string): string {
  return text
    .replace(/00000000-0000-4000-8000-\d{12}/g, '<request-id>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/"durationMs": \d+/g, '"durationMs": <ms>')
    .replace(/\b\d+ ms\b/g, '<ms> ms');
}

/** A clock that moves only when told; its timers fire in time order as it moves. */
export function fakeClock() {
  let now = 0;
  let next = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: Clock = {
    now: () => now,
    setTimeout: (run, ms) => {
      next += 1;
      timers.set(next, { at: now + ms, run });
      return next;
    },
    clearTimeout: (handle) => {
      timers.delete(handle as number);
    },
  };
  /** Move to `to` ms, firing every timer due on the way (and letting granted requests run). */
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const advance = async (to: number) => {
    await settle();
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= to).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].run();
      await settle();
    }
    now = to;
    await settle();
  };
  return { clock, advance, pending: () => timers.size };
}
