import type { FailureKind } from '../aws/errors.js';
import type { CauseCode } from '../causes.js';
import type { Check } from './types.js';

/** The finding code for a read that failed, by how it failed. */
export const ERROR_CODES: Record<FailureKind, CauseCode> = {
  'not-found': 'aws-error',
  'access-denied': 'access-denied',
  throttled: 'throttled',
  credentials: 'aws-credentials',
  network: 'network-error',
  'aws-error': 'aws-error',
  // The run's --timeout ended the read, through the share each attempt may take.
  timeout: 'deadline-exceeded',
};

const KINDS = Object.keys(ERROR_CODES) as FailureKind[];

/** The code of a check that could not run because a read failed: the check's own, or the generic one. */
export function errorCodeFor(check: Check, kind: FailureKind): CauseCode {
  return check.errorCodes?.[kind] ?? ERROR_CODES[kind];
}

/**
 * Every code a check can end with when it cannot run: a failed read, or the run's time limit or a
 * signal while it still reads (if it reads AWS), or its own failure.
 */
export function possibleErrorCodes(check: Check): CauseCode[] {
  const stopped: CauseCode[] = ['deadline-exceeded', 'interrupted'];
  const reads = check.reads.length ? [...KINDS.map((kind) => errorCodeFor(check, kind)), ...stopped] : [];
  return [...new Set<CauseCode>([...reads, 'internal-error'])];
}
