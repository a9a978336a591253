import { describe, expect, it } from 'vitest';
import { NO_ACCESS_TOKEN, stateCauses, statusCause } from '../../src/domain/user-state.js';

const NOW = new Date('2026-11-26T00:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

describe('statusCause', () => {
  it.each([
    ['CONFIRMED', undefined],
    ['FORCE_CHANGE_PASSWORD', 'user-force-change-password'],
    ['UNCONFIRMED', 'user-unconfirmed'],
    ['EXTERNAL_PROVIDER', 'federated-user'],
    ['RESET_REQUIRED', 'user-reset-required'],
    ['COMPROMISED', 'unrecognised-user-status'],
    ['ARCHIVED', 'unrecognised-user-status'],
    ['UNKNOWN', 'unrecognised-user-status'],
  ])('%s gives %s', (status, cause) => {
    expect(statusCause(status)).toBe(cause);
  });
});

describe('NO_ACCESS_TOKEN: who cannot make a signed-in call', () => {
  const blocked = (status: string, enabled = true) =>
    stateCauses({ status, enabled, created: daysAgo(1), now: NOW }).some((c) => NO_ACCESS_TOKEN.has(c));

  it('only an enabled CONFIRMED user signs in with a Cognito password', () => {
    expect(blocked('CONFIRMED')).toBe(false);
    expect(blocked('CONFIRMED', false)).toBe(true);
    for (const s of ['FORCE_CHANGE_PASSWORD', 'UNCONFIRMED', 'RESET_REQUIRED']) expect(blocked(s), s).toBe(true);
  });

  it('a federated user and an unknown status are causes of their own, not a missing token', () => {
    expect(blocked('EXTERNAL_PROVIDER')).toBe(false);
    expect(blocked('COMPROMISED')).toBe(false);
  });
});

describe('stateCauses', () => {
  it('lists disabled first, then the status, then an expired temporary password', () => {
    const f = { status: 'FORCE_CHANGE_PASSWORD', enabled: false, created: daysAgo(9), now: NOW };
    expect(stateCauses(f)).toEqual(['user-disabled', 'user-force-change-password', 'temp-password-expired']);
    expect(stateCauses({ ...f, validityDays: 10 })).toEqual(['user-disabled', 'user-force-change-password']);
  });

  it('a CONFIRMED enabled user has none', () => {
    expect(stateCauses({ status: 'CONFIRMED', enabled: true, now: NOW })).toEqual([]);
  });
});
