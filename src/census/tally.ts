// The census's only memory of the users it has classified: a count and a few example usernames a class,
// and, for the classes whose fix resends an invitation, how many users each medium reaches.

import type { InvitationMedium } from '../domain/invitation-channel.js';
import { REACH_CLASSES, type ReachClass } from '../domain/reach.js';

/** Example usernames kept per class: enough to try one, never the pool. */
export const EXAMPLES_PER_CLASS = 5;

/** The medium a resent invitation reaches a user by, or none (no e-mail address or phone number). */
export type ResendReach = InvitationMedium | 'NONE';

export class Tally {
  readonly counts = new Map<ReachClass, number>();
  readonly examples = new Map<ReachClass, string[]>();
  /** Per class whose fix is a resent invitation: the users each medium reaches. */
  readonly resends = new Map<ReachClass, Map<ResendReach, number>>();
  total = 0;

  add(id: ReachClass, username: string | undefined, resend?: ResendReach): void {
    this.total += 1;
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    const examples = this.examples.get(id) ?? [];
    if (username !== undefined && examples.length < EXAMPLES_PER_CLASS) examples.push(username);
    this.examples.set(id, examples);
    if (resend) {
      const by = this.resends.get(id) ?? new Map<ResendReach, number>();
      by.set(resend, (by.get(resend) ?? 0) + 1);
      this.resends.set(id, by);
    }
  }

  /** The classes seen, in the census's order. */
  seen(): ReachClass[] {
    return REACH_CLASSES.filter((id) => this.counts.has(id));
  }

  count(id: ReachClass): number {
    return this.counts.get(id) ?? 0;
  }
}
