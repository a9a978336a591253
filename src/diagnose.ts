import { setMaxListeners } from 'node:events';
import { AwsCaller, CONNECT_TIMEOUT_MS, REQUEST_TIMEOUT_MS, type CallRecord } from './aws/caller.js';
import type { Slowdown } from './aws/limiter.js';
import { QueueExcludedDeadline } from './aws/queue-time.js';
import { Recorder, Replayer, type Recording } from './aws/recording.js';
import { checkReplayTarget, recordingOf } from './evidence.js';
import { plain } from './domain/text.js';
import { checklists } from './checks/index.js';
import type { Check, Finding } from './checks/types.js';
import { Context, type AfterFix, type UserResolution } from './context/index.js';
import type { ChannelPrediction } from './domain/channel.js';
import { applyFixes, explainRemaining } from './fixes/apply.js';
import { failingChannels, fixRecord, planFixes, plannedRecord } from './fixes/plan.js';
import { sentAny, type FixRecord, type Operator } from './fixes/types.js';
import type { DiagnoseOptions } from './options.js';
import { Redactor } from './redact.js';
import { renderReport } from './render/index.js';
import type { Style } from './render/style.js';
import { buildReport, judgeFindings, type Report } from './report.js';
import { leftOut, RunStopped, runChecks, selectedIds } from './runner.js';
import { createProgress } from './ui/progress.js';

export interface Io {
  /** Diagnostics for people: progress, --verbose call lines, the steps of --fix. Never the report. */
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  style: Style;
  version: string;
  /** Confirms the steps of --fix (a prompt, or --yes); required with options.fix. */
  operator?: Operator;
  /** Aborted, with the signal's name as its reason, when SIGINT/SIGTERM/SIGHUP asks the run to stop. */
  interrupt?: AbortSignal;
  /**
   * A batch: every user is examined on this one caller (each distinct request goes once for the whole
   * batch) and at this one moment (so time windows, and the requests made of them, are the same). The
   * batch stops the caller; a user's deadline only ends that user's checks. No spinner.
   */
  shared?: { aws: AwsCaller; now: Date };
  /** --replay: the recording that answers every read. */
  replay?: Recording;
  /** The command line, for a --record file. */
  commandLine?: readonly string[];
}

export interface Diagnosis {
  report: Report;
  /** The one rendered report for stdout. */
  output: string;
  calls: CallRecord[];
  /** With --record: the first pass's answers (a --fix run's reads before any change). */
  recording?: Recording;
}

/** How a pass gets its answers: from AWS (and kept, with --record), or from a recording. */
interface Source {
  recorder?: Recorder;
  replayer?: Replayer;
  now: Date;
}

/** One pass of the checklist on its own caller and context, so nothing is served from another pass. */
interface Pass {
  aws: AwsCaller;
  ctx: Context;
  findings: Finding[];
  resolution: UserResolution | undefined;
  prediction: ChannelPrediction | undefined;
}

/**
 * A diagnose command (forgot-password, sign-up, …) from options to rendered report; no process.* in here. With
 * --dry-run the report carries the plan; with --fix the steps are confirmed and applied, the
 * whole checklist runs again on fresh data, and the report is of the state after.
 */
export async function diagnose(
  options: DiagnoseOptions,
  io: Io,
  checklist: readonly Check[] = checklists[options.flow ?? 'forgot-password'],
): Promise<Diagnosis> {
  const { fixable, ...diagnosis } = await diagnoseReport(options, io, checklist);
  return { ...diagnosis, output: renderReport(diagnosis.report, { ...options, fixable }, io.style) };
}

/** The diagnosis without its rendering: the report, and how many steps --fix could apply. */
export async function diagnoseReport(
  options: DiagnoseOptions,
  io: Io,
  checklist: readonly Check[] = checklists[options.flow ?? 'forgot-password'],
): Promise<Omit<Diagnosis, 'output'> & { fixable: number }> {
  const started = performance.now();
  const passes: Pass[] = [];
  // A redacted recording replays redacted: the report masks its pseudonyms as the live one masked the values.
  const redact = options.redact || io.replay?.redacted === true;
  // With --redact, stderr (call lines, --fix steps) is masked like the report, learning names as the run does.
  const redactor = redact ? new Redactor([options.input, options.inputGiven, options.sentAs]) : undefined;
  if (io.replay) checkReplayTarget(io.replay, options);
  const say = (text: string) => io.stderr.write(redactor ? redactor.text(text) : text);
  const source: Source = {
    ...(options.record ? { recorder: new Recorder() } : {}),
    ...(io.replay ? { replayer: new Replayer(io.replay) } : {}),
    now: io.replay ? new Date(io.replay.now) : (io.shared?.now ?? new Date()),
  };
  // A batch user's time limit bounds every read it makes: its checks, the facts read after them, its plan.
  const userStop = io.shared ? stopSignal(options.timeoutMs, io.interrupt) : undefined;
  const look = async (afterFix?: AfterFix) => {
    // Only the first pass is recorded: the state the diagnosis (and any fix) started from.
    const pass = await examine(
      options,
      io,
      checklist,
      say,
      afterFix ? { now: new Date() } : source,
      afterFix,
      userStop,
    );
    redactor?.learnResolution(pass.resolution);
    return pass;
  };
  const interrupted = () => (io.interrupt?.aborted ? (io.interrupt.reason as NodeJS.Signals) : undefined);
  try {
    const first = await look();
    passes.push(first);
    // Interrupted: the report of what was seen so far, and nothing changed. A batch shows a plan only
    // with --dry-run: otherwise its searches (other holders of an address) would be requests for nothing.
    const planned = !interrupted() && (!io.shared || options.dryRun);
    const plan = planned
      ? await planFixes(
          judgeFindings(first.findings, checklist, first.prediction),
          first.ctx,
          failingChannels(first.findings, checklist),
        )
      : [];
    let final = first;
    let fixes: FixRecord[] | undefined;
    if (options.dryRun) {
      fixes = plan.map((step) => (step.refused ? fixRecord(step, 'refused', step.refused) : plannedRecord(step)));
    } else if (options.fix) {
      if (!io.operator) throw new Error('--fix needs an operator to confirm its steps');
      if (!plan.length) say('cognito-doctor: nothing found that --fix can change.\n');
      else {
        const t = first.ctx.target;
        say(
          io.style.bold(
            `cognito-doctor can make ${plan.length} change${plan.length > 1 ? 's' : ''} to pool ${t.userPoolId} (${t.region}):\n`,
          ),
        );
        fixes = await applyFixes(
          plan,
          { aws: first.aws, operator: io.operator, ...(io.interrupt ? { interrupt: io.interrupt } : {}) },
          { out: { write: say }, style: io.style },
        );
        if (!interrupted() && sentAny(fixes)) {
          say('\nChecking again on fresh data…\n');
          const sent = fixes.filter((f) => sentAny([f])).map((f) => f.action);
          const modified = first.resolution?.user?.UserLastModifiedDate;
          const userModified = sent.some((a) => a.startsWith('cognito-idp:')) ? modified : undefined;
          final = await look({ sent, ...(userModified ? { userModified } : {}) });
          passes.push(final);
          fixes = explainRemaining(fixes, plan, final.findings);
        }
      }
      fixes ??= [];
    }
    let report = buildReport({
      version: io.version,
      target: final.ctx.target,
      checks: checklist,
      findings: final.findings,
      resolution: final.resolution,
      prediction: final.prediction,
      strict: options.strict,
      durationMs: Math.round(performance.now() - started),
      ...(fixes ? { fixes } : {}),
      ...(options.dryRun || options.fix ? { dryRun: options.dryRun } : {}),
      ...(options.fix && !options.dryRun ? { rechecked: final !== first } : {}),
      leftOut: leftOut(checklist, options),
      links: options.links,
      ...(options.inputNormalised ? { inputNormalised: options.inputNormalised } : {}),
      ...(interrupted() ? { interrupted: interrupted() } : {}),
    });
    if (redactor) report = redactor.report(report);
    const fixable = options.dryRun || options.fix ? 0 : plan.length;
    const recording =
      source.recorder &&
      (await recordingOf(source.recorder, {
        version: io.version,
        now: source.now,
        commandLine: io.commandLine ?? [],
        options,
        report,
      }));
    return { report, fixable, calls: passes.flatMap((p) => p.aws.calls), ...(recording ? { recording } : {}) };
  } finally {
    userStop?.dispose();
    // Nothing still in flight may keep the process alive once the report exists (a batch stops its own).
    if (!io.shared) for (const p of passes) p.aws.stop();
  }
}

async function examine(
  options: DiagnoseOptions,
  io: Io,
  checklist: readonly Check[],
  say: (text: string) => unknown,
  source: Source,
  afterFix?: AfterFix,
  /** A batch user's own stop, which outlasts the pass; a pass of a single run has its own. */
  given?: ReturnType<typeof stopSignal>,
): Promise<Pass> {
  const aws = io.shared?.aws ?? callerFor(options, io.style, say, source);
  const stop = given ?? stopSignal(options.timeoutMs, io.interrupt);
  // A shared caller serves the other users of the batch: only this user's checks end.
  if (!io.shared) {
    stop.signal.addEventListener(
      'abort',
      () => {
        aws.stop(stop.signal.reason);
      },
      { once: true },
    );
  }
  const ctx = new Context(
    {
      userPoolId: options.userPoolId,
      region: options.region,
      input: options.input,
      ...(options.asSent ? { asSent: true } : {}),
      ...(options.sentAs ? { sentAs: options.sentAs } : {}),
      ...(options.clientId ? { clientId: options.clientId } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
      sinceMs: options.sinceMs,
      now: source.now,
      ...(afterFix ? { afterFix } : {}),
      ...(options.flow ? { flow: options.flow } : {}),
      ...(options.attribute ? { attribute: options.attribute } : {}),
    },
    io.shared ? aws.within(stop.signal, stop.deadline) : aws,
  );
  // The first requests go out at once, before the checks start.
  if (selectedIds(checklist, options).has('user')) ctx.prefetch();
  const progress = createProgress(io, !io.shared && !options.quiet && !options.verbose);
  try {
    const findings = await runChecks(checklist, ctx, options, progress.hooks, stop.signal);
    // Read facts the checks established; never start a request the runner skipped. A run stopped
    // early may have cancelled the reads these wait for: then they are unknown.
    const userChecked = findings.some((f) => f.check === 'user' && f.status !== 'skip' && f.status !== 'error');
    const unknown = () => undefined;
    const resolution = userChecked ? await ctx.user().catch(unknown) : undefined;
    const prediction = resolution?.user ? await ctx.channel().catch(unknown) : undefined;
    return { aws, ctx, findings, resolution, prediction };
  } catch (err) {
    if (!io.shared) aws.stop();
    throw err;
  } finally {
    if (!given) stop.dispose();
    progress.stop();
  }
}

/** The caller a run's options ask for; with --verbose, each request is a line on stderr. */
export function callerFor(
  options: Pick<DiagnoseOptions, 'endpointUrl' | 'profile' | 'timeoutMs' | 'requestTimeoutMs' | 'verbose' | 'rate'>,
  style: Style,
  say: (text: string) => unknown,
  source: Omit<Source, 'now'> = {},
  shared = false,
): AwsCaller {
  return new AwsCaller(
    {
      // Shared by many users (a batch): one user's momentary failure is not handed to the next.
      ...(shared ? { forgetTransientFailures: true, queueTime: true } : {}),
      ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
      ...attemptTimeouts(options.timeoutMs, options.requestTimeoutMs),
      ...(options.rate ? { rate: options.rate } : {}),
      ...(source.recorder ? { recorder: source.recorder } : {}),
      ...(source.replayer ? { replayer: source.replayer } : {}),
      ...(options.verbose ? { onSlowdown: (s: Slowdown) => say(slowdownLine(s, style)) } : {}),
    },
    options.verbose ? (c) => say(callLine(c, style)) : undefined,
  );
}

/**
 * Aborts, with a RunStopped reason, when the pass reaches its time limit or the run is interrupted,
 * and stops the requests of `aws` (when given) in flight. Each pass of the checklist has the whole limit: time spent at
 * a --fix prompt is not counted.
 */
export function stopSignal(timeoutMs: number, interrupt: AbortSignal | undefined, aws?: AwsCaller) {
  const stop = new AbortController();
  if (aws) {
    stop.signal.addEventListener(
      'abort',
      () => {
        aws.stop(stop.signal.reason);
      },
      { once: true },
    );
  }
  // A batch listens to the one interrupt signal once per user in flight.
  if (interrupt) setMaxListeners(0, interrupt);
  const limit = formatMs(timeoutMs);
  // A plain timer unless the batch tells it when its user's requests wait at the limiter.
  const deadline = new QueueExcludedDeadline(timeoutMs, () => {
    stop.abort(new RunStopped('deadline-exceeded', `the time limit of ${limit} (--timeout) was reached.`));
  });
  const onInterrupt = () => {
    const signal = interrupt!.reason as NodeJS.Signals;
    stop.abort(new RunStopped('interrupted', `${signal} interrupted the run.`, signal));
  };
  if (interrupt?.aborted) onInterrupt();
  else interrupt?.addEventListener('abort', onInterrupt, { once: true });
  return {
    signal: stop.signal,
    deadline,
    dispose() {
      deadline.dispose();
      interrupt?.removeEventListener('abort', onInterrupt);
    },
  };
}

/**
 * How long one attempt of a request may take: a sixth of the time limit (at most the defaults), so a
 * stalled read, tried three times with back-off, becomes its source's network error well in time.
 */
export function attemptTimeouts(
  timeoutMs: number,
  given?: number,
): { connectTimeoutMs: number; requestTimeoutMs: number; capsFromTimeout?: true } {
  const requestTimeoutMs = given ?? Math.min(REQUEST_TIMEOUT_MS, Math.max(100, Math.floor(timeoutMs / 6)));
  return {
    connectTimeoutMs: Math.min(CONNECT_TIMEOUT_MS, requestTimeoutMs),
    requestTimeoutMs,
    ...(given === undefined ? { capsFromTimeout: true as const } : {}),
  };
}

function formatMs(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`;
}

function slowdownLine(s: Slowdown, style: Style): string {
  const rps = (n: number) => `${Math.round(n * 100) / 100}/s`;
  return `${style.dim('aws')} ${style.yellow('throttled')}: ${s.category} in ${s.region} slowed to ${rps(s.rate)} (quota ${rps(s.quota)})\n`;
}

function callLine(c: CallRecord, style: Style): string {
  // The outcome is an error name a faulty endpoint chose: shown plain.
  const outcome = c.outcome === 'ok' ? style.green('ok') : style.yellow(plain(c.outcome));
  const retries = c.attempts > 1 ? ` (${c.attempts} attempts)` : '';
  return `${style.dim(c.write ? 'aws write' : 'aws')} ${c.action} ${c.region} ${c.ms} ms ${outcome}${retries}\n`;
}
