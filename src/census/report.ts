// The census report: what `pool --output json` prints (schema/census.schema.json), built from the pool
// checks' findings and the tally, as a pure function.

import type { Check, Finding, Status } from '../checks/types.js';
import { REACHABLE, type ReachClass } from '../domain/reach.js';
import { censusExitCode } from '../exit-codes.js';
import type { ClassInfo } from './classes.js';
import type { Tally } from './tally.js';

export const CENSUS_SCHEMA_VERSION = 1;

/**
 * How far the listing got: every user, the first --limit users, stopped by a signal, stopped by an
 * error, stopped at the page cap, or not started (the pool could not be read).
 */
export type ListingStatus = 'complete' | 'sampled' | 'interrupted' | 'failed' | 'page-cap' | 'not-read';

export interface CensusClass {
  id: ReachClass;
  /** true: a code is sent; false: it is not; null: it depends on what ListUsers does not show. */
  reachable: boolean | null;
  title: string;
  count: number;
  /** Up to five usernames of the class, in listing order (masked with --redact). */
  examples: string[];
  known: string;
  fix: ClassInfo['fix'];
}

export interface CensusReport {
  schemaVersion: typeof CENSUS_SCHEMA_VERSION;
  tool: { name: 'cognito-doctor'; version: string };
  command: 'pool';
  generatedAt: string;
  target: { userPoolId: string; region: string; estimatedUsers: number | null };
  summary: string;
  /** The pool-level checks, run once for every user. */
  pool: { findings: Finding[]; counts: Record<Status, number> };
  users: {
    listing: ListingStatus;
    classified: number;
    reachable: number;
    unreachable: number;
    uncertain: number;
    pages: number;
    limit: number | null;
    usersPerSecond: number;
    /** Why the listing stopped, when it failed. */
    error?: { action: string; region: string; code: string; message: string };
  };
  classes: CensusClass[];
  interrupted?: NodeJS.Signals;
  exitCode: number;
  durationMs: number;
}

export interface CensusInput {
  version: string;
  userPoolId: string;
  region: string;
  estimatedUsers: number | undefined;
  checks: readonly Check[];
  findings: Finding[];
  tally: Tally;
  info: (id: ReachClass) => ClassInfo;
  listing: ListingStatus;
  pages: number;
  limit: number | undefined;
  listingMs: number;
  error?: CensusReport['users']['error'];
  interrupted?: NodeJS.Signals | undefined;
  /** When the census ran (a replay: when it was recorded). */
  now: Date;
  durationMs: number;
}

const STATUSES: Status[] = ['pass', 'info', 'warn', 'fail', 'skip', 'error'];

const reachability = (id: ReachClass): boolean | null =>
  REACHABLE.has(id) ? true : id === 'mfa-may-disqualify' ? null : false;

export function buildCensusReport(input: CensusInput): CensusReport {
  const { tally } = input;
  const classes = tally.seen().map((id): CensusClass => ({
    id,
    reachable: reachability(id),
    ...input.info(id),
    count: tally.count(id),
    examples: tally.examples.get(id) ?? [],
  }));
  const sum = (r: boolean | null) => classes.filter((c) => c.reachable === r).reduce((n, c) => n + c.count, 0);
  const [reachable, unreachable, uncertain] = [sum(true), sum(false), sum(null)];
  // A channel's findings matter when some user's code goes that way; core findings always do.
  const scope = new Map(input.checks.map((c) => [c.id, c.scope]));
  const relied = (f: Finding) => {
    const s = scope.get(f.check);
    return s === 'core' || (s === 'EMAIL' && tally.count('email') > 0) || (s === 'SMS' && tally.count('sms') > 0);
  };
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const f of input.findings) counts[f.status]++;
  const exitCode = censusExitCode({
    findings: input.findings,
    listingFailed: input.listing === 'failed' || input.listing === 'page-cap',
    problems: unreachable + input.findings.filter((f) => f.status === 'fail' && relied(f)).length,
    unknowns: input.findings.filter((f) => f.status === 'error' && relied(f)).length,
    uncertain,
    interrupted: input.interrupted,
  });
  const seconds = input.listingMs / 1000;
  return {
    schemaVersion: CENSUS_SCHEMA_VERSION,
    tool: { name: 'cognito-doctor', version: input.version },
    command: 'pool',
    generatedAt: input.now.toISOString(),
    target: { userPoolId: input.userPoolId, region: input.region, estimatedUsers: input.estimatedUsers ?? null },
    summary: summary(input, tally.total, unreachable, uncertain),
    pool: { findings: input.findings, counts },
    users: {
      listing: input.listing,
      classified: tally.total,
      reachable,
      unreachable,
      uncertain,
      pages: input.pages,
      limit: input.limit ?? null,
      usersPerSecond: seconds > 0 ? Math.round(tally.total / seconds) : 0,
      ...(input.error ? { error: input.error } : {}),
    },
    classes,
    ...(input.interrupted ? { interrupted: input.interrupted } : {}),
    exitCode,
    durationMs: input.durationMs,
  };
}

const LISTING: Record<ListingStatus, string> = {
  complete: '',
  sampled: ' (a sample: the first users only, --limit)',
  interrupted: ' (interrupted: a partial census)',
  failed: ' (the listing failed part-way: a partial census)',
  'page-cap': ' (stopped at the page cap: a partial census)',
  'not-read': '',
};

function summary(input: CensusInput, total: number, unreachable: number, uncertain: number): string {
  if (input.listing === 'not-read') return 'The pool could not be read: no user was classified.';
  const users = (n: number) => `${n} user${n === 1 ? '' : 's'}`;
  const parts = [`${users(unreachable)} of ${total} cannot receive a ForgotPassword code`];
  if (uncertain) parts.push(`${users(uncertain)} can only if no MFA factor rules out their only contact`);
  return `${parts.join('; ')}${LISTING[input.listing]}.`;
}
