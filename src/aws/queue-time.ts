// Time a request spends waiting its turn at the rate limiter (--rate, and each category's quota), told
// to whoever asked for it. A batch user's time limit does not run while its requests wait behind the
// other users': with --rate 2 a user's own reads take the same time whether it is first or tenth.

import { AsyncLocalStorage } from 'node:async_hooks';
import { systemClock, type Clock } from './clock.js';

/** Told when a request of its owner starts and ends waiting for its turn; waits may overlap. */
export interface QueueListener {
  queued(): void;
  granted(): void;
}

/** The listener of the requests sent from inside `queueListener.run(listener, …)`. */
export const queueListener = new AsyncLocalStorage<QueueListener>();

/**
 * The waits of one request shared by several askers (a read of the pool or the account that every
 * user of a batch awaits): each asker hears them until the request settles, from whenever it joined.
 */
export class SharedWait implements QueueListener {
  private open = 0;
  private readonly askers = new Set<QueueListener>();

  queued(): void {
    if (this.open++ === 0) for (const a of this.askers) a.queued();
  }

  granted(): void {
    if (--this.open === 0) for (const a of this.askers) a.granted();
  }

  /** `asker` awaits the request until `settled`: it hears a wait already open, and each one after. */
  join(asker: QueueListener | undefined, settled: Promise<unknown>): void {
    if (!asker || this.askers.has(asker)) return;
    this.askers.add(asker);
    if (this.open > 0) asker.queued();
    const leave = () => {
      this.askers.delete(asker);
    };
    settled.then(leave, leave);
  }
}

/**
 * A time limit that stands still while any of its owner's requests waits at the limiter, and runs
 * otherwise (requests out at AWS, the checks' own work). `expire` runs once, when the time is used up.
 */
export class QueueExcludedDeadline implements QueueListener {
  private left: number;
  private since = 0;
  private timer: unknown;
  private waiting = 0;
  private over = false;

  constructor(
    ms: number,
    private readonly expire: () => void,
    private readonly clock: Clock = systemClock,
  ) {
    this.left = ms;
    this.run();
  }

  queued(): void {
    if (this.waiting++ > 0 || this.timer === undefined) return;
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.left -= this.clock.now() - this.since;
  }

  granted(): void {
    if (--this.waiting === 0) this.run();
  }

  dispose(): void {
    this.over = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private run(): void {
    if (this.over) return;
    this.since = this.clock.now();
    this.timer = this.clock.setTimeout(
      () => {
        this.over = true;
        this.timer = undefined;
        this.expire();
      },
      Math.max(0, this.left),
    );
  }
}
