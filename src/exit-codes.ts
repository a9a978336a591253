import type { Finding } from './checks/types.js';

/** The only place that turns a result into a process exit code (docs/report.md lists them). */
export const ExitCode = {
  OK: 0,
  PROBLEMS: 1,
  USAGE: 2,
  INCONCLUSIVE: 3,
  AWS_SETUP: 4,
  /** cognito-doctor itself failed (a bug): not a finding about the user. EX_SOFTWARE, as sysexits names it. */
  INTERNAL: 70,
  /** The report or the --record file could not be written (a full disk, a closed stdout). */
  OUTPUT_FAILED: 74,
  /** 128 + the signal's number, as shells report a process ended by it. */
  HANGUP: 129,
  INTERRUPTED: 130,
  TERMINATED: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Codes that mean nothing could be checked in this account: credentials, or the pool itself. */
const SETUP_CODES = new Set(['pool-not-found', 'aws-credentials']);

const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, ExitCode>> = {
  SIGHUP: ExitCode.HANGUP,
  SIGINT: ExitCode.INTERRUPTED,
  SIGTERM: ExitCode.TERMINATED,
};

/** The exit code of a run a signal ended; 130 for any other interruption (Ctrl-C at a prompt). */
export function signalExitCode(signal: NodeJS.Signals | undefined): ExitCode {
  return (signal && SIGNAL_EXIT[signal]) ?? ExitCode.INTERRUPTED;
}

/** The pool itself could not be read: nothing else in the account could be checked. */
function isSetupFailure(findings: readonly Finding[]): boolean {
  return findings.some(
    (f) => f.check === 'pool' && f.status === 'error' && (SETUP_CODES.has(f.code ?? '') || f.code === 'access-denied'),
  );
}

export function exitCodeFor(
  findings: readonly Finding[],
  verdict: string,
  strict: boolean,
  interrupted?: NodeJS.Signals,
): ExitCode {
  if (interrupted) return signalExitCode(interrupted);
  // Only the pool check speaks for the whole account: a credentials error on another check (an opt-in
  // Region the account has not enabled, say) is that check's error, judged like any other.
  if (isSetupFailure(findings)) return ExitCode.AWS_SETUP;
  if (findings.some((f) => f.status === 'fail' || (strict && f.status === 'warn'))) return ExitCode.PROBLEMS;
  if (verdict === 'inconclusive') return ExitCode.INCONCLUSIVE;
  return ExitCode.OK;
}

/**
 * A single run's (or a census's) exit code: its report's, or 74 when the --record file could not be written (the report
 * still prints), so a runbook never takes a missing evidence file for success.
 */
export function runExitCode(reportExitCode: number, recordWritten: boolean): number {
  return recordWritten ? reportExitCode : ExitCode.OUTPUT_FAILED;
}

/** A batch line that got no report: 2 when it names no user, 70 when the tool failed on it. */
export function lineExitCode(kind: 'input' | 'internal'): ExitCode {
  return kind === 'input' ? ExitCode.USAGE : ExitCode.INTERNAL;
}

/** What `secret-hash` came to: a hash, no hash for this client, or the pool or client unreadable. */
export type SecretHashOutcome = 'hash' | 'no-secret' | 'setup';

export function secretHashExitCode(outcome: SecretHashOutcome): ExitCode {
  return { hash: ExitCode.OK, 'no-secret': ExitCode.PROBLEMS, setup: ExitCode.AWS_SETUP }[outcome];
}

/**
 * A batch's users by how much their exit code leaves unknown, least first: every user fine, problems
 * found, a check that could not run, a line that named no user, the account itself not readable.
 */
const BATCH_ORDER: readonly number[] = [
  ExitCode.OK,
  ExitCode.PROBLEMS,
  ExitCode.INCONCLUSIVE,
  ExitCode.USAGE,
  ExitCode.AWS_SETUP,
  ExitCode.INTERNAL,
];

/**
 * A batch (`--users-file`) ends with the worst of its users' codes (a bad line counts as a usage
 * error), or with the signal's code when a signal stopped it before every user was diagnosed.
 */
export function batchExitCode(codes: Iterable<number>, interrupted?: NodeJS.Signals): ExitCode {
  if (interrupted) return signalExitCode(interrupted);
  let worst: number = ExitCode.OK;
  for (const code of codes) if (BATCH_ORDER.indexOf(code) > BATCH_ORDER.indexOf(worst)) worst = code;
  return worst as ExitCode;
}

/** What a pool census came to, as far as its exit code is concerned. */
export interface CensusOutcome {
  findings: readonly Finding[];
  /** The user listing stopped on an error before its end: the counts are of part of the pool. */
  listingFailed: boolean;
  /** Users that certainly cannot receive a code, plus pool-level failures on a path users rely on. */
  problems: number;
  /** Pool-level checks that could not run, on a path users rely on. */
  unknowns: number;
  /** Users whose answer depends on what ListUsers does not show (MFA). */
  uncertain: number;
  interrupted?: NodeJS.Signals | undefined;
}

/**
 * 0: every user classified can receive a code; 1: some cannot, or a pool-level check failed on a path
 * they rely on; 3: inconclusive (the listing failed part-way, a pool-level check could not run, or
 * some users' answer depends on their MFA); 4: the pool could not be read; 129/130/143: a signal
 * stopped it (the census so far).
 */
export function censusExitCode(c: CensusOutcome): ExitCode {
  if (c.interrupted) return signalExitCode(c.interrupted);
  if (isSetupFailure(c.findings)) return ExitCode.AWS_SETUP;
  if (c.listingFailed) return ExitCode.INCONCLUSIVE;
  if (c.problems) return ExitCode.PROBLEMS;
  if (c.unknowns || c.uncertain) return ExitCode.INCONCLUSIVE;
  return ExitCode.OK;
}
