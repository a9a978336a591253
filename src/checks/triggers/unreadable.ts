import type { AwsCallError } from '../../aws/errors.js';
import { ERROR_CODES } from '../error-codes.js';
import type { Channel, Outcome } from '../types.js';

/** A trigger off this user's path could not be read: worth knowing, never the verdict. */
export function unreadable(what: string, error: AwsCallError, channel: Channel | undefined): Outcome {
  return {
    status: 'info',
    code: ERROR_CODES[error.kind],
    message: `Could not check ${what}: ${error.action} in ${error.region} failed with ${error.awsCode}. ${channel ? `This user's code goes by ${channel}, not through it` : 'No channel is known for this user'}, so the verdict does not depend on it.`,
    evidence: { 'iam:action': error.action, region: error.region, 'error.code': error.awsCode },
  };
}
