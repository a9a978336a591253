// A user with nothing verified that is no longer FORCE_CHANGE_PASSWORD: CloudTrail's AdminCreateUser
// event at its creation time proves that an administrator created it (without the verified flag).

import { AwsCallError } from '../../aws/errors.js';
import type { Context } from '../../context/index.js';
import type { CreationEvent } from '../../domain/admin-creation.js';
import type { Evidence } from '../types.js';

export interface CreationProof {
  /** The event that created the user; undefined when CloudTrail does not show (or cannot show) one. */
  event?: CreationEvent;
  evidence: Evidence;
  /** Why CloudTrail could not answer, for the message of a less specific finding. */
  unknown?: string;
}

export async function adminCreationProof(ctx: Context): Promise<CreationProof> {
  try {
    const creation = await ctx.adminCreation();
    if (creation?.kind === 'found') {
      const e = creation.event;
      return {
        event: e,
        evidence: {
          'LookupEvents.Events[AdminCreateUser].EventTime': e.time.toISOString(),
          ...(e.eventId ? { 'LookupEvents.Events[AdminCreateUser].EventId': e.eventId } : {}),
          ...(e.errorCode ? { 'LookupEvents.Events[AdminCreateUser].CloudTrailEvent.errorCode': e.errorCode } : {}),
          'LookupEvents.Events[AdminCreateUser].matchedBy':
            e.matchedBy === 'sub' ? 'additionalEventData.sub' : 'eventTime',
        },
      };
    }
    if (creation?.kind === 'beyond-history') {
      return {
        evidence: { 'LookupEvents.AdminCreateUser': '(creation older than the 90-day event history)' },
        unknown: 'the user is older than the 90 days of CloudTrail event history, so how it was created is unknown',
      };
    }
    return { evidence: creation ? { 'LookupEvents.Events[AdminCreateUser].length': creation.scanned } : {} };
  } catch (err) {
    if (!(err instanceof AwsCallError)) throw err;
    return {
      evidence: { 'LookupEvents.error': err.awsCode },
      unknown: `CloudTrail could not be read (${err.action} failed with ${err.awsCode}) to tell whether an administrator created the user`,
    };
  }
}
