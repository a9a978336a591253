import { describe, expect, it } from 'vitest';
import type { Finding, Status } from '../../src/checks/types.js';
import type { CauseCode } from '../../src/causes.js';
import { batchExitCode, exitCodeFor, ExitCode, lineExitCode, runExitCode } from '../../src/exit-codes.js';

const f = (check: string, status: Status, code?: CauseCode): Finding => ({
  check,
  status,
  ...(code ? { code } : {}),
  title: check,
  message: '',
  evidence: {},
});

describe('exitCodeFor', () => {
  it.each([
    ['all pass', [f('pool', 'pass')], 'deliverable', false, ExitCode.OK],
    ['info does not count', [f('mailbox', 'info', 'email-spam-junk')], 'deliverable', true, ExitCode.OK],
    ['a warning alone', [f('email', 'warn', 'ses-quota-exceeded')], 'at-risk', false, ExitCode.OK],
    ['a warning with --strict', [f('email', 'warn', 'ses-quota-exceeded')], 'at-risk', true, ExitCode.PROBLEMS],
    ['a failure', [f('user-status', 'fail', 'user-disabled')], 'blocked', false, ExitCode.PROBLEMS],
    [
      'a failure beats inconclusive',
      [f('user-status', 'fail', 'user-disabled'), f('email', 'error', 'access-denied')],
      'blocked',
      false,
      ExitCode.PROBLEMS,
    ],
    ['inconclusive', [f('email', 'error', 'access-denied')], 'inconclusive', false, ExitCode.INCONCLUSIVE],
    ['an error that does not decide the verdict', [f('sms', 'error', 'throttled')], 'deliverable', false, ExitCode.OK],
    ['pool not found', [f('pool', 'error', 'pool-not-found')], 'inconclusive', false, ExitCode.AWS_SETUP],
    ['no credentials', [f('pool', 'error', 'aws-credentials')], 'inconclusive', false, ExitCode.AWS_SETUP],
    [
      // e.g. an opt-in Region the account has not enabled: that check's error, not the account's setup
      'a credentials error on the other channel only',
      [f('pool', 'pass'), f('sms', 'error', 'aws-credentials')],
      'deliverable',
      false,
      ExitCode.OK,
    ],
    ['the pool not readable', [f('pool', 'error', 'access-denied')], 'inconclusive', false, ExitCode.AWS_SETUP],
    [
      'setup beats failures',
      [f('pool', 'error', 'pool-not-found'), f('client', 'fail', 'wrong-pool-client-or-region')],
      'blocked',
      true,
      ExitCode.AWS_SETUP,
    ],
  ] as const)('%s', (_name, findings, verdict, strict, want) => {
    expect(exitCodeFor(findings, verdict, strict)).toBe(want);
  });

  it.each([
    ['SIGHUP', 129],
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('a run stopped by %s exits %i whatever it found', (signal, want) => {
    expect(exitCodeFor([f('user-status', 'fail', 'user-disabled')], 'blocked', false, signal)).toBe(want);
  });
});

describe('batchExitCode', () => {
  it('is the worst of the users’: setup, then a bad line, inconclusive, problems, fine', () => {
    expect(batchExitCode([])).toBe(0);
    expect(batchExitCode([0, 1, 0])).toBe(1);
    expect(batchExitCode([1, 3, 0])).toBe(3);
    expect(batchExitCode([3, 2, 1])).toBe(2);
    expect(batchExitCode([2, 4, 3])).toBe(4);
    expect(batchExitCode([0, 4], 'SIGINT')).toBe(130);
    expect(batchExitCode([0], 'SIGTERM')).toBe(143);
  });
});

describe('runExitCode', () => {
  it("is the report's code, or 74 when the --record file could not be written, whatever the report found", () => {
    for (const code of [0, 1, 3, 4, 130]) {
      expect(runExitCode(code, true)).toBe(code);
      expect(runExitCode(code, false)).toBe(ExitCode.OUTPUT_FAILED);
    }
  });
});

describe('lineExitCode', () => {
  it('a batch line that names no user is a usage error; one the tool failed on is an internal failure', () => {
    expect(lineExitCode('input')).toBe(2);
    expect(lineExitCode('internal')).toBe(70);
  });
});
