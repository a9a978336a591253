import type { CauseCode } from './causes.js';
import type { Check, Finding, Status } from './checks/types.js';
import type { Target, UserResolution } from './context/index.js';
import { maskDestination, type ChannelPrediction } from './domain/channel.js';
import { consoleLinks, type LinkTarget } from './domain/console-links.js';
import { FLOW_FACTS, type Flow } from './domain/flow.js';
import { exitCodeFor } from './exit-codes.js';
import { sentAny, type FixRecord } from './fixes/types.js';

export const SCHEMA_VERSION = 1;

export type VerdictStatus = 'deliverable' | 'blocked' | 'at-risk' | 'inconclusive';
export type VerdictChannel = 'EMAIL' | 'SMS' | 'NONE' | 'UNKNOWN';

export interface Verdict {
  status: VerdictStatus;
  channel: VerdictChannel;
  destination: string | null;
  summary: string;
  /** The codes that decide the status, most important first (see verdictCauses); empty when deliverable. */
  causes: CauseCode[];
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: 'cognito-doctor'; version: string };
  /** The flow diagnosed, named as its command. */
  command: Flow;
  generatedAt: string;
  target: {
    userPoolId: string;
    region: string;
    input: string;
    /** Set when the input was rewritten before any request (a phone number to E.164), saying how. */
    inputNormalised?: string;
    username: string | null;
    clientId: string | null;
  };
  verdict: Verdict;
  findings: Finding[];
  counts: Record<Status, number>;
  /** With --dry-run or --fix: each step planned or taken. */
  fixes?: FixRecord[];
  /** With --dry-run (true) or --fix (false): whether the fixes were only planned. */
  dryRun?: boolean;
  /**
   * With --fix: whether the findings are those of the checks run again after the steps. False when
   * they predate them: nothing was sent, or a signal stopped the run after a write, before the re-check.
   */
  rechecked?: boolean;
  /** The signal that stopped the run before every check finished: the report is what it saw so far. */
  interrupted?: NodeJS.Signals;
  exitCode: number;
  durationMs: number;
  /** With --users-file: the line of the file this report answers. */
  line?: number;
}

export interface ReportInput {
  version: string;
  target: Target;
  checks: readonly Check[];
  findings: Finding[];
  resolution: UserResolution | undefined;
  prediction: ChannelPrediction | undefined;
  strict: boolean;
  durationMs: number;
  fixes?: FixRecord[];
  dryRun?: boolean;
  rechecked?: boolean;
  /** Checks --only/--skip kept from running (src/runner.ts leftOut). */
  leftOut?: readonly string[];
  inputNormalised?: string;
  interrupted?: NodeJS.Signals;
  /** Console links on the findings that name a resource; false with --no-links. */
  links?: boolean;
}

const STATUSES: Status[] = ['pass', 'info', 'warn', 'fail', 'skip', 'error'];

const scopeOf = (checks: readonly Check[], id: string) => checks.find((c) => c.id === id)?.scope;

export function buildReport(input: ReportInput): Report {
  const channel: VerdictChannel = input.prediction?.channel ?? 'UNKNOWN';
  const judged = judgeFindings(input.findings, input.checks, input.prediction);
  const username = input.resolution?.user?.Username ?? null;
  const findings = input.links === false ? judged : withLinks(judged, { ...input.target, username });
  const unseen = decisiveLeftOut(input.leftOut ?? [], input.checks, channel);
  const status =
    unseen.length && !findings.some((f) => f.status === 'fail')
      ? 'inconclusive'
      : verdictStatus(findings, input.checks, channel);
  const destination = maskDestination(input.prediction?.destination);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const f of findings) counts[f.status]++;
  const noun = FLOW_FACTS[input.target.flow ?? 'forgot-password'].noun;
  const summary =
    status === 'inconclusive' && unseen.length
      ? `Could not tell whether the code can be delivered: ${unseen.length > 1 ? 'these checks were' : 'this check was'} not run (--only/--skip): ${unseen.join(', ')}.`
      : summarise(status, channel, destination, findings, noun);
  const verdict: Verdict = {
    status,
    channel,
    destination,
    summary: input.interrupted ? `${interruption(input)} ${summary}` : summary,
    causes: verdictCauses(status, findings, input.checks, channel),
  };
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'cognito-doctor', version: input.version },
    command: input.target.flow ?? 'forgot-password',
    generatedAt: input.target.now.toISOString(),
    target: {
      userPoolId: input.target.userPoolId,
      region: input.target.region,
      input: input.target.input,
      ...(input.inputNormalised ? { inputNormalised: input.inputNormalised } : {}),
      username,
      clientId: input.target.clientId ?? null,
    },
    verdict,
    findings,
    counts,
    ...(input.fixes ? { fixes: input.fixes } : {}),
    ...(input.dryRun !== undefined ? { dryRun: input.dryRun } : {}),
    ...(input.rechecked !== undefined ? { rechecked: input.rechecked } : {}),
    ...(input.interrupted ? { interrupted: input.interrupted } : {}),
    exitCode: exitCodeFor(findings, status, input.strict, input.interrupted),
    durationMs: input.durationMs,
  };
}

/** What a signal cut short: the checks, or (after a --fix write) the checks run again after it. */
function interruption(input: ReportInput): string {
  return input.rechecked === false && sentAny(input.fixes ?? [])
    ? `Interrupted (${input.interrupted}) after a fix was sent, before the checks ran again: the findings predate the fixes.`
    : `Interrupted (${input.interrupted}) before every check finished.`;
}

/**
 * The findings as the report states them: a failure of the channel Cognito will not use is a
 * warning, and PreventUserExistenceErrors is a warning where it hides a failure. --fix plans on these.
 */
export function judgeFindings(
  findings: readonly Finding[],
  checks: readonly Check[],
  prediction: ChannelPrediction | undefined,
): Finding[] {
  const channel: VerdictChannel = prediction?.channel ?? 'UNKNOWN';
  return escalateMasking(
    findings.map((f) => capOtherChannel(f, checks, channel)),
    checks,
  );
}

/** Findings a ticket acts on (not pass or skip) carry the console pages of the resources they name. */
function withLinks(findings: Finding[], target: LinkTarget): Finding[] {
  return findings.map((f) => {
    if (f.status === 'pass' || f.status === 'skip') return f;
    const links = consoleLinks(f, target);
    return links.length ? { ...f, links } : f;
  });
}

/** A check of the channel Cognito will not use can only warn: it never blocks the verdict. */
function capOtherChannel(finding: Finding, checks: readonly Check[], channel: VerdictChannel): Finding {
  const scope = scopeOf(checks, finding.check);
  if (finding.status !== 'fail' || (scope !== 'EMAIL' && scope !== 'SMS') || scope === channel) return finding;
  const why =
    channel === 'EMAIL' || channel === 'SMS'
      ? `this user's code goes by ${channel}`
      : 'no channel qualifies for this user yet';
  return { ...finding, status: 'warn', message: `${finding.message} (Not blocking: ${why}.)` };
}

/**
 * PreventUserExistenceErrors is `info` by itself and `warn` when it hides a failing finding.
 * It hides what ForgotPassword would return as an error: the core failures (user, state, contact,
 * recovery). Delivery failures come after a real "code sent", with or without it.
 */
export function escalateMasking(findings: Finding[], checks: readonly Check[]): Finding[] {
  const core = new Set(checks.filter((c) => c.scope === 'core').map((c) => c.id));
  const hidden = findings.filter((f) => f.status === 'fail' && core.has(f.check));
  if (!hidden.length) return findings;
  const what = [...new Set(hidden.map((f) => f.title))].join('; ');
  return findings.map((f) =>
    f.code === 'prevent-user-existence-errors-masking' && f.status === 'info'
      ? {
          ...f,
          status: 'warn',
          message: `${f.message} Here it hides a failure (${what}): the app showed "code sent" while Cognito sent nothing.`,
        }
      : f,
  );
}

/**
 * Checks left out by the selection that the verdict depends on: every core check (pool, user, state,
 * contact, recovery, triggers) and the chosen channel's, or both channels while none is known.
 */
function decisiveLeftOut(ids: readonly string[], checks: readonly Check[], channel: VerdictChannel): string[] {
  return ids.filter((id) => {
    const scope = scopeOf(checks, id);
    return scope === 'core' || scope === channel || ((scope === 'EMAIL' || scope === 'SMS') && channel === 'UNKNOWN');
  });
}

/** Reads that failed for the moment (not for want of access): the same run a minute later may read them. */
const TRANSIENT: ReadonlySet<string> = new Set(['throttled', 'network-error', 'deadline-exceeded', 'interrupted']);

/**
 * An error leaves the verdict open on a check that speaks for it: a core check or the channel's. An
 * advice check that failed for the moment does too: the read it lost (a delivery log, say) may hold the
 * cause, and a run again reads it, so a throttled, timed-out or interrupted run is never deliverable.
 */
function decisiveError(f: Finding, checks: readonly Check[], channel: VerdictChannel): boolean {
  const scope = scopeOf(checks, f.check);
  if (f.status !== 'error') return false;
  return scope === 'core' || scope === channel || (scope === 'advice' && TRANSIENT.has(f.code ?? ''));
}

function verdictStatus(findings: Finding[], checks: readonly Check[], channel: VerdictChannel): VerdictStatus {
  if (findings.some((f) => f.status === 'fail')) return 'blocked';
  if (findings.some((f) => decisiveError(f, checks, channel))) return 'inconclusive';
  return findings.some((f) => f.status === 'warn') ? 'at-risk' : 'deliverable';
}

/**
 * The codes of the findings that decided the status (`fail` for blocked, the decisive `error`s for
 * inconclusive, `warn` for at-risk), each once, most important first: the request's checks, then the
 * chosen channel's, then the other channel's, each group in checklist order. Cognito refuses a request,
 * or its trigger fails, before it hands a message to SES or SNS, so a cause of the request blocks first.
 */
function verdictCauses(
  status: VerdictStatus,
  findings: readonly Finding[],
  checks: readonly Check[],
  channel: VerdictChannel,
): CauseCode[] {
  const decides = (f: Finding) =>
    status === 'blocked'
      ? f.status === 'fail'
      : status === 'at-risk'
        ? f.status === 'warn'
        : status === 'inconclusive' && decisiveError(f, checks, channel);
  const rank = (f: Finding) => {
    const scope = scopeOf(checks, f.check);
    return scope !== 'EMAIL' && scope !== 'SMS' ? 0 : scope === channel ? 1 : 2;
  };
  // Array.prototype.sort is stable: within a group the findings keep their checklist order.
  const ranked = findings.filter(decides).sort((a, b) => rank(a) - rank(b));
  return [...new Set(ranked.flatMap((f) => (f.code ? [f.code] : [])))];
}

/** A federated user has no Cognito password: no fix makes a reset code go anywhere. */
function noPassword(findings: Finding[]): boolean {
  return findings.some((f) => f.status === 'fail' && f.code === 'federated-user');
}

function summarise(
  status: VerdictStatus,
  channel: VerdictChannel,
  destination: string | null,
  findings: Finding[],
  noun: string,
): string {
  const where =
    channel === 'EMAIL' || channel === 'SMS'
      ? `by ${channel === 'EMAIL' ? 'e-mail' : 'SMS'}${destination ? ` to ${destination}` : ''}`
      : '';
  const titles = (s: Status) => [...new Set(findings.filter((f) => f.status === s).map((f) => f.title))].join('; ');
  switch (status) {
    case 'blocked':
      return `No ${noun} can be delivered: ${titles('fail')}.${where && !noPassword(findings) ? ` Once fixed, the code goes ${where}.` : ''}`;
    case 'inconclusive':
      return `Could not tell whether the code can be delivered: ${titles('error')}.`;
    case 'at-risk':
      return `The code should go ${where || 'out'}, but: ${titles('warn')}.`;
    default:
      return `Cognito should deliver the code ${where}; no problem found.`;
  }
}
