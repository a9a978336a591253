// Which CloudTrail AdminCreateUser event, if any, proves that an administrator created a user.

import { describe, expect, it } from 'vitest';
import { CREATION_MATCH_MS, creationEvent } from '../../src/domain/admin-creation.js';

const created = new Date('2026-10-01T09:30:00.412Z');
const SUB = '0f9e8d7c-1234-4abc-8def-001122334455';

/** A LookupEvents entry whose CloudTrailEvent holds `detail`, as the event history returns it. */
function event(time: Date, detail: Record<string, unknown>, id = 'e1') {
  return {
    EventId: id,
    EventTime: time,
    CloudTrailEvent: JSON.stringify({
      eventName: 'AdminCreateUser',
      eventTime: time.toISOString().replace(/\.\d+Z$/, 'Z'),
      requestParameters: { username: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
      ...detail,
    }),
  };
}
const at = (offsetMs: number) => new Date(created.getTime() + offsetMs);

describe('creationEvent', () => {
  it("matches the event recorded with the user's sub, wherever it is in the window", () => {
    const found = creationEvent([event(at(40_000), { additionalEventData: { sub: SUB } })], SUB, created);
    expect(found).toEqual({ time: at(40_000), eventId: 'e1', matchedBy: 'sub' });
  });

  it("never takes another user's creation, even at the same moment", () => {
    const other = event(at(0), { additionalEventData: { sub: 'aaaaaaaa-1234-4abc-8def-001122334455' } });
    expect(creationEvent([other], SUB, created)).toBeUndefined();
  });

  it('matches an event without a sub by time, within the tolerance only', () => {
    expect(creationEvent([event(at(-412), {})], SUB, created)?.matchedBy).toBe('time');
    expect(creationEvent([event(at(CREATION_MATCH_MS), {})], SUB, created)?.matchedBy).toBe('time');
    expect(creationEvent([event(at(CREATION_MATCH_MS + 1), {})], SUB, created)).toBeUndefined();
  });

  it('prefers a sub match over an earlier time match', () => {
    const events = [event(at(0), {}, 'by-time'), event(at(5_000), { additionalEventData: { sub: SUB } }, 'by-sub')];
    expect(creationEvent(events, SUB, created)?.eventId).toBe('by-sub');
  });

  it('counts a failed invitation (the user exists all the same), not a refused creation', () => {
    const delivery = event(at(0), { errorCode: 'CodeDeliveryFailureException', additionalEventData: { sub: SUB } });
    expect(creationEvent([delivery], SUB, created)).toMatchObject({ errorCode: 'CodeDeliveryFailureException' });
    const exists = event(at(0), { errorCode: 'UsernameExistsException', errorMessage: 'User account already exists' });
    expect(creationEvent([exists], SUB, created)).toBeUndefined();
  });

  it('reads an empty errorCode as success, and skips other events and unreadable records', () => {
    expect(creationEvent([event(at(0), { errorCode: '' })], SUB, created)?.errorCode).toBeUndefined();
    expect(creationEvent([event(at(0), { eventName: 'SignUp' })], SUB, created)).toBeUndefined();
    expect(creationEvent([{ EventTime: at(0), CloudTrailEvent: 'not json' }], SUB, created)).toBeUndefined();
  });

  it('falls back to the record time when the entry has none', () => {
    const { EventTime: _, ...bare } = event(at(1_000), {});
    expect(creationEvent([bare], undefined, created)?.time.getTime()).toBe(
      new Date(
        at(1_000)
          .toISOString()
          .replace(/\.\d+Z$/, 'Z'),
      ).getTime(),
    );
  });
});
