// The bench's SDK floor (scripts/sdk-floor.ts): the same requests as one diagnosis, their inputs as its
// --record file holds them, in the dependent rounds the fake endpoint saw them arrive in.
import type { Recording } from '../src/aws/recording.js';
import type { LoggedRequest } from '../test/fake/server.js';
import type { FloorRequest } from './sdk-floor.js';

/** A logged request is the recorded one: same action and Region, and every text field both carry is equal. */
function sameRequest(recorded: FloorRequest, logged: LoggedRequest): boolean {
  if (logged.action !== recorded.action || logged.region !== recorded.region) return false;
  const a = recorded.input as Record<string, unknown>;
  const b = (logged.input ?? {}) as Record<string, unknown>;
  return Object.keys(a).every((k) => typeof a[k] !== 'string' || b[k] === undefined || b[k] === a[k]);
}

/** The recorded requests grouped by the depth (1, 2, 3 …) of the logged request each one is. */
export function floorRounds(recording: Recording, depths: ReadonlyMap<LoggedRequest, number>): FloorRequest[][] {
  const unmatched = [...depths.keys()].filter((r) => r.attempt === 1);
  const rounds = Array.from({ length: Math.max(0, ...depths.values()) }, (): FloorRequest[] => []);
  for (const { action, region, input } of recording.answers) {
    const request = { action, region, input };
    const match = unmatched.find((r) => sameRequest(request, r));
    if (!match) throw new Error(`the endpoint saw no ${action} in ${region} with the recorded input`);
    unmatched.splice(unmatched.indexOf(match), 1);
    rounds[depths.get(match)! - 1]!.push(request);
  }
  return rounds;
}
