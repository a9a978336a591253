import { AwsCallError, remedyFor } from '../aws/errors.js';
import { ERROR_CODES } from './error-codes.js';
import type { Evidence, Outcome } from './types.js';

/** A source the check could not read: its own `error` outcome, so what the other sources proved stays. */
export function unread(err: AwsCallError, wouldShow: string): Outcome {
  return {
    status: 'error',
    code: ERROR_CODES[err.kind],
    message: `Unknown ${wouldShow}: ${err.action} in ${err.region} failed with ${err.awsCode}: ${err.message}`,
    evidence: readEvidence(err),
    remediation: { text: remedyFor(err), commands: [], docs: [] },
    unread: { action: err.action, region: err.region, errorCode: err.awsCode, wouldShow },
  };
}

/** Read one source of several; a failed AWS read becomes that source's `error` outcome. */
export async function orUnread<T>(read: Promise<T>, wouldShow: string): Promise<T | Outcome> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof AwsCallError) return unread(err, wouldShow);
    throw err;
  }
}

/** The evidence of a failed read: the action, where, and what AWS answered. */
export function readEvidence(err: AwsCallError): Evidence {
  return {
    'iam:action': err.action,
    region: err.region,
    'error.code': err.awsCode,
    ...(err.requestId ? { 'error.requestId': err.requestId } : {}),
  };
}
