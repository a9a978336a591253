// A request limiter per quota category and Region: a request waits its turn until its category (and
// the run's --rate ceiling, when given) has room, then goes. "Room" means fewer than n requests in the
// last n/rate seconds, so no window of AWS's "requests per second" ever sees more than the quota, and
// a lane that has been idle lets its first n requests go at once (a single diagnosis never waits).
// A throttled answer pauses its category for a window and halves its rate, down to a floor; successes
// bring the rate back gradually.

import { systemClock, type Clock } from './clock.js';
import { queueListener } from './queue-time.js';
import { rateLimitOf, type RateLimit } from './rate-limits.js';
import type { IamAction } from './services.js';

/** The lowest a throttled category falls to, as a share of its quota: a wait stays bounded. */
const FLOOR_SHARE = 1 / 4;
/** What one window with a success gives back, as a share of the quota. */
const RECOVERY_SHARE = 1 / 8;
/**
 * AWS counts a request when it arrives: two sent exactly a window apart can arrive closer than that
 * (the first on a new connection, say), so the window is kept this much longer.
 */
const MARGIN = 1.05;

/** At most `size` grants in any `spanMs`: the sliding window of a rate. */
class Window {
  private readonly grants: number[] = [];
  constructor(
    public rate: number,
    /** Grants remembered: enough for the highest rate this window takes. */
    private readonly keep: number,
  ) {}

  get size(): number {
    return Math.max(1, Math.floor(this.rate));
  }

  get spanMs(): number {
    return (this.size / this.rate) * 1000 * MARGIN;
  }

  waitMs(now: number): number {
    const n = this.size;
    if (this.grants.length < n) return 0;
    return Math.max(0, this.grants[this.grants.length - n]! + this.spanMs - now);
  }

  record(now: number): void {
    this.grants.push(now);
    if (this.grants.length > this.keep) this.grants.splice(0, this.grants.length - this.keep);
  }
}

interface Waiter {
  grant(): void;
}

/** One quota in one Region: its window, who waits for it, and how it adapts. */
class Lane {
  readonly window: Window;
  readonly queue: Waiter[] = [];
  timer: unknown;
  /** When the rate last changed: one change per window, so a burst of answers counts once. */
  changedAt = -Infinity;
  /** After a throttle nothing goes for a window of the new rate: AWS's own window must clear first. */
  pausedUntil = -Infinity;
  constructor(
    readonly category: string,
    readonly quota: number,
  ) {
    this.window = new Window(quota, Math.max(1, Math.floor(quota)));
  }
}

export interface LimiterOptions {
  /** --rate: a ceiling on the whole run's requests per second, above the categories' quotas. */
  rate?: number;
  clock?: Clock;
  /** The quota table (tests give their own). */
  limitOf?: (action: IamAction) => RateLimit;
  /** Told each time throttling slows a category (--verbose says so). */
  onSlowdown?: (slowdown: Slowdown) => void;
}

/** A category slowed after AWS throttled it: its new rate, below its quota. */
export interface Slowdown {
  category: string;
  region: string;
  rate: number;
  quota: number;
}

export class RequestLimiter {
  private readonly lanes = new Map<string, Lane>();
  private readonly ceiling: Window | undefined;
  private readonly clock: Clock;
  private readonly limitOf: (action: IamAction) => RateLimit;
  private readonly onSlowdown: ((slowdown: Slowdown) => void) | undefined;

  constructor(options: LimiterOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.onSlowdown = options.onSlowdown;
    this.limitOf = options.limitOf ?? rateLimitOf;
    this.ceiling = options.rate ? new Window(options.rate, Math.max(1, Math.floor(options.rate))) : undefined;
  }

  /**
   * Resolves when `action` in `region` may be sent; rejects with the signal's reason as soon as it is
   * aborted (a stopped run never waits).
   */
  acquire(action: IamAction, region: string, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    const lane = this.lane(action, region);
    // Whoever asked is told how long the request waited its turn (a batch user's clock stops meanwhile).
    const listener = queueListener.getStore();
    return new Promise<void>((resolve, reject) => {
      const turn = { granted: false, queued: false };
      const done = () => {
        turn.granted = true;
        if (turn.queued) listener?.granted();
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', abort);
          done();
          resolve();
        },
      };
      const abort = () => {
        const at = lane.queue.indexOf(waiter);
        if (at >= 0) lane.queue.splice(at, 1);
        if (!lane.queue.length) this.idle(lane);
        done();
        reject(signal!.reason as Error);
      };
      signal?.addEventListener('abort', abort, { once: true });
      lane.queue.push(waiter);
      this.pump(lane);
      if (!turn.granted) {
        turn.queued = true;
        listener?.queued();
      }
    });
  }

  /** AWS throttled a request of this category: halve its rate (once a window), down to the floor, and pause. */
  throttled(action: IamAction, region: string): void {
    const lane = this.lane(action, region);
    const now = this.clock.now();
    if (now - lane.changedAt < lane.window.spanMs) return;
    lane.window.rate = Math.max(lane.quota * FLOOR_SHARE, lane.window.rate / 2);
    lane.changedAt = now;
    lane.pausedUntil = now + lane.window.spanMs;
    this.onSlowdown?.({ category: lane.category, region, rate: lane.window.rate, quota: lane.quota });
  }

  /** A request of this category got its answer: a slowed category recovers a step a window. */
  succeeded(action: IamAction, region: string): void {
    const lane = this.lane(action, region);
    const now = this.clock.now();
    if (lane.window.rate >= lane.quota || now - lane.changedAt < lane.window.spanMs) return;
    lane.window.rate = Math.min(lane.quota, lane.window.rate + lane.quota * RECOVERY_SHARE);
    lane.changedAt = now;
  }

  /** The category's rate now, in requests per second (below its quota after throttling). */
  rateOf(action: IamAction, region: string): number {
    return this.lane(action, region).window.rate;
  }

  private lane(action: IamAction, region: string): Lane {
    const { category, rps } = this.limitOf(action);
    const key = `${category} ${region}`;
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = new Lane(category, rps);
      this.lanes.set(key, lane);
    }
    return lane;
  }

  /** Let waiters go while there is room; otherwise wake when the first of them may go. */
  private pump(lane: Lane): void {
    if (lane.timer !== undefined) return;
    while (lane.queue.length) {
      const now = this.clock.now();
      const wait = Math.max(lane.window.waitMs(now), lane.pausedUntil - now, this.ceiling?.waitMs(now) ?? 0);
      if (wait > 0) {
        lane.timer = this.clock.setTimeout(() => {
          lane.timer = undefined;
          this.pump(lane);
        }, wait);
        return;
      }
      lane.window.record(now);
      this.ceiling?.record(now);
      lane.queue.shift()!.grant();
    }
  }

  private idle(lane: Lane): void {
    if (lane.timer === undefined) return;
    this.clock.clearTimeout(lane.timer);
    lane.timer = undefined;
  }
}
