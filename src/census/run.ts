// `cognito-doctor pool`: the pool-level checks once, then every user through ListUsers pages, each
// classified by whether ForgotPassword could reach it and dropped, keeping only counts and a few examples.

import { AwsCallError } from '../aws/errors.js';
import { Recorder, Replayer, type RecordedTarget, type Recording } from '../aws/recording.js';
import { poolChecklist } from '../checks/index.js';
import { Context } from '../context/index.js';
import { CognitoFacts } from '../context/cognito.js';
import { callerFor, stopSignal, type Io } from '../diagnose.js';
import { resendMedium } from '../domain/invitation-channel.js';
import { classifyUser, INVITED, poolRules } from '../domain/reach.js';
import { checkReplayOf, recordingFor } from '../evidence.js';
import { attributesOf } from '../domain/user-resolution.js';
import type { OutputFormat } from '../options.js';
import { Redactor } from '../redact.js';
import { runChecks } from '../runner.js';
import { createProgress } from '../ui/progress.js';
import { classInfo } from './classes.js';
import { buildCensusReport, type CensusReport, type ListingStatus } from './report.js';
import { Tally } from './tally.js';

export interface CensusOptions {
  userPoolId: string;
  region: string;
  profile?: string;
  endpointUrl?: string;
  output: OutputFormat;
  redact: boolean;
  verbose: boolean;
  /** The time limit of the pool-level checks; each ListUsers page has the per-request limit it implies. */
  timeoutMs: number;
  requestTimeoutMs?: number;
  /** Classify only the first `limit` users (a sample). */
  limit?: number;
  /** --rate: at most this many AWS requests a second; the per-category quotas (ListUsers: UserList) apply beneath it. */
  rate?: number;
  /** --record: keep every answer (each ListUsers page too) for a recording. */
  record?: string;
}

/** The most ListUsers pages a census reads: 1.2 million users, some hours at the API's request rate. */
export const MAX_CENSUS_PAGES = 20_000;

/** The delivery-log window the pool-level checks read (trigger failures CloudTrail recorded). */
const SINCE_MS = 86_400_000;

export async function census(
  options: CensusOptions,
  /** With `replay`, every read (the ListUsers pages too) is answered from the recording. */
  io: Omit<Io, 'operator' | 'shared'>,
): Promise<{ report: CensusReport; recording?: Recording }> {
  const started = performance.now();
  // A redacted recording replays redacted, as a diagnosis's does.
  const redact = options.redact || io.replay?.redacted === true;
  const target = censusTarget(options);
  if (io.replay) checkReplayOf(io.replay, target, redact);
  const now = io.replay ? new Date(io.replay.now) : new Date();
  const say = (text: string) => io.stderr.write(text);
  const source = {
    ...(options.record ? { recorder: new Recorder() } : {}),
    ...(io.replay ? { replayer: new Replayer(io.replay) } : {}),
  };
  const aws = callerFor(options, io.style, say, source);
  const ctx = new Context(
    {
      userPoolId: options.userPoolId,
      region: options.region,
      input: '',
      sinceMs: SINCE_MS,
      now,
      census: true,
      ...(options.profile ? { profile: options.profile } : {}),
    },
    aws,
  );
  const progress = createProgress(io, !options.verbose);
  const stop = stopSignal(options.timeoutMs, io.interrupt, aws);
  // The listing has a caller of its own: the pool checks' time limit does not cut it short.
  const lister = callerFor(options, io.style, say, source);
  const interrupted = () => (io.interrupt?.aborted ? (io.interrupt.reason as NodeJS.Signals) : undefined);
  const onInterrupt = () => {
    lister.stop(new Error('interrupted'));
  };
  io.interrupt?.addEventListener('abort', onInterrupt, { once: true });
  const tally = new Tally();
  let listing: ListingStatus = 'not-read';
  let pages = 0;
  let error: CensusReport['users']['error'];
  let listingMs = 0;
  let estimatedUsers: number | undefined;
  try {
    const findings = await runChecks(poolChecklist, ctx, {}, progress.hooks, stop.signal);
    stop.dispose();
    const pool = await ctx.pool().catch(() => undefined);
    estimatedUsers = pool?.EstimatedNumberOfUsers;
    if (pool && !interrupted()) {
      const rules = poolRules(pool);
      const listStarted = performance.now();
      const done = () => options.limit !== undefined && tally.total >= options.limit;
      listing = 'complete';
      try {
        for await (const page of new CognitoFacts(lister, options.userPoolId, options.region).userPages(
          MAX_CENSUS_PAGES,
        )) {
          pages += 1;
          let left = 0;
          for (const [i, user] of page.items.entries()) {
            if (done()) {
              left = page.items.length - i;
              break;
            }
            const id = classifyUser(user, rules, now);
            const resend = INVITED.has(id) ? (resendMedium(attributesOf(user.Attributes)) ?? 'NONE') : undefined;
            tally.add(id, user.Username, resend);
          }
          const seconds = (performance.now() - listStarted) / 1000;
          progress.status(`Classified ${tally.total} users (${Math.round(tally.total / seconds)}/s)…`);
          if (interrupted()) listing = 'interrupted';
          else if ((page.more || left > 0) && done()) listing = 'sampled';
          else if (page.more && pages >= MAX_CENSUS_PAGES) listing = 'page-cap';
          if (listing !== 'complete') break;
        }
      } catch (err) {
        if (interrupted()) listing = 'interrupted';
        else if (err instanceof AwsCallError) {
          listing = 'failed';
          error = { action: err.action, region: err.region, code: err.awsCode, message: err.message };
        } else throw err;
      }
      listingMs = performance.now() - listStarted;
    } else if (interrupted()) listing = 'interrupted';
    let report = buildCensusReport({
      version: io.version,
      userPoolId: options.userPoolId,
      region: options.region,
      estimatedUsers,
      checks: poolChecklist,
      findings,
      tally,
      info: (id) => classInfo(ctx, id, pool, tally.resends.get(id)),
      listing,
      pages,
      limit: options.limit,
      listingMs,
      ...(error ? { error } : {}),
      interrupted: interrupted(),
      now,
      durationMs: Math.round(performance.now() - started),
    });
    if (redact) report = redacted(report, tally);
    const recording =
      source.recorder &&
      (await recordingFor(source.recorder, {
        version: io.version,
        now,
        commandLine: io.commandLine ?? [],
        target,
        redact,
        report,
      }));
    return { report, ...(recording ? { recording } : {}) };
  } finally {
    stop.dispose();
    progress.stop();
    io.interrupt?.removeEventListener('abort', onInterrupt);
    aws.stop();
    lister.stop();
  }
}

/** What a census recording is of: a replay must ask for the same pool, window and --limit. */
function censusTarget(options: CensusOptions): RecordedTarget {
  return {
    command: 'pool',
    userPoolId: options.userPoolId,
    region: options.region,
    input: '',
    sinceMs: SINCE_MS,
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
  };
}

/** The report with the example usernames (and any address or number) masked; the pool's ids kept. */
function redacted(report: CensusReport, tally: Tally): CensusReport {
  const redactor = new Redactor([...tally.examples.values()].flat());
  const masked = redactor.value(report);
  // The vocabulary (class ids, check ids, codes, the listing state) is not personal: a user named
  // "email" must not turn the class `email` into `e***`.
  return {
    ...masked,
    tool: report.tool,
    target: report.target,
    generatedAt: report.generatedAt,
    pool: {
      ...masked.pool,
      findings: masked.pool.findings.map((f, i) => {
        const { check, code } = report.pool.findings[i]!;
        return { ...f, check, ...(code ? { code } : {}) };
      }),
    },
    users: { ...masked.users, listing: report.users.listing },
    classes: masked.classes.map((c, i) => ({ ...c, id: report.classes[i]!.id })),
  };
}
