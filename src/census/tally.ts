// The census's only memory of the users it has classified: a count and a few example usernames a class.

import { REACH_CLASSES, type ReachClass } from '../domain/reach.js';

/** Example usernames kept per class: enough to try one, never the pool. */
export const EXAMPLES_PER_CLASS = 5;

export class Tally {
  readonly counts = new Map<ReachClass, number>();
  readonly examples = new Map<ReachClass, string[]>();
  total = 0;

  add(id: ReachClass, username: string | undefined): void {
    this.total += 1;
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    const examples = this.examples.get(id) ?? [];
    if (username !== undefined && examples.length < EXAMPLES_PER_CLASS) examples.push(username);
    this.examples.set(id, examples);
  }

  /** The classes seen, in the census's order. */
  seen(): ReachClass[] {
    return REACH_CLASSES.filter((id) => this.counts.has(id));
  }

  count(id: ReachClass): number {
    return this.counts.get(id) ?? 0;
  }
}
