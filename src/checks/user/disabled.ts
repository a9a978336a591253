import type { Context } from '../../context/index.js';
import { enableUserRequest, write } from '../../remedy/commands.js';
import { docs } from '../../remedy/links.js';
import { remediation } from '../remedy.js';
import type { Evidence, Outcome } from '../types.js';

/** A disabled user gets no message in any flow; `consequence` says what that means for this one. */
export function userDisabled(ctx: Context, username: string, evidence: Evidence, consequence: string): Outcome {
  return {
    status: 'fail',
    code: 'user-disabled',
    message: `User ${username} is disabled: ${consequence}`,
    evidence: { ...evidence, 'AdminGetUser.Enabled': false },
    remediation: remediation(
      'Find out why the user was disabled; enable it only if that no longer applies:',
      [write(ctx, enableUserRequest(ctx, username))],
      [docs.signingUp],
    ),
  };
}
