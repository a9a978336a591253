import type { Finding } from './checks/types.js';

/** The only place that turns a result into a process exit code (docs/report.md lists them). */
export const ExitCode = {
  OK: 0,
  PROBLEMS: 1,
  USAGE: 2,
  INCONCLUSIVE: 3,
  AWS_SETUP: 4,
  INTERRUPTED: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Codes that mean nothing could be checked in this account: credentials, or the pool itself. */
const SETUP_CODES = new Set(['pool-not-found', 'aws-credentials']);

export function exitCodeFor(findings: readonly Finding[], verdict: string, strict: boolean): ExitCode {
  // Only the pool check speaks for the whole account: a credentials error on another check (an opt-in
  // Region the account has not enabled, say) is that check's error, judged like any other.
  const setup = findings.some(
    (f) => f.check === 'pool' && f.status === 'error' && (SETUP_CODES.has(f.code ?? '') || f.code === 'access-denied'),
  );
  if (setup) return ExitCode.AWS_SETUP;
  if (findings.some((f) => f.status === 'fail' || (strict && f.status === 'warn'))) return ExitCode.PROBLEMS;
  if (verdict === 'inconclusive') return ExitCode.INCONCLUSIVE;
  return ExitCode.OK;
}

/** What `secret-hash` came to: a hash, no hash for this client, or the pool or client unreadable. */
export type SecretHashOutcome = 'hash' | 'no-secret' | 'setup';

export function secretHashExitCode(outcome: SecretHashOutcome): ExitCode {
  return { hash: ExitCode.OK, 'no-secret': ExitCode.PROBLEMS, setup: ExitCode.AWS_SETUP }[outcome];
}
