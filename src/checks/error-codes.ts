import type { FailureKind } from '../aws/errors.js';
import type { CauseCode } from '../causes.js';

/** The finding code for a read that failed, by how it failed. */
export const ERROR_CODES: Record<FailureKind, CauseCode> = {
  'not-found': 'aws-error',
  'access-denied': 'access-denied',
  throttled: 'throttled',
  credentials: 'aws-credentials',
  network: 'network-error',
  'aws-error': 'aws-error',
};
