import { AwsCallError, remedyFor } from './aws/errors.js';
import { causes } from './causes.js';
import { errorCodeFor } from './checks/error-codes.js';
import type { Check, Finding, Outcome } from './checks/types.js';
import { readEvidence } from './checks/unread.js';
import type { Context } from './context/index.js';

export interface RunHooks {
  onStart?(check: Check): void;
  onFinish?(check: Check, findings: Finding[]): void;
}

export interface Selection {
  only?: readonly string[];
  skip?: readonly string[];
}

/** Why a run ended before every check finished: its deadline passed, or a signal asked it to stop. */
export class RunStopped extends Error {
  override readonly name = 'RunStopped';
  constructor(
    readonly code: 'deadline-exceeded' | 'interrupted',
    message: string,
    /** The signal that interrupted the run (`SIGINT` …), when one did. */
    readonly signal?: NodeJS.Signals,
  ) {
    super(message);
  }
}

/**
 * Run the checklist: every check starts at once and waits only for the checks it depends on, so
 * independent AWS reads overlap; findings come back in checklist order. The runner alone produces
 * `error` (a check threw) and cascaded `skip` (a dependency could not establish its facts). When
 * `stop` aborts (with a RunStopped reason), every check not finished by then ends as `error` at once.
 */
export async function runChecks(
  checks: readonly Check[],
  ctx: Context,
  selection: Selection = {},
  hooks: RunHooks = {},
  stop?: AbortSignal,
): Promise<Finding[]> {
  const selected = selectedIds(checks, selection);
  const results = new Map<string, Promise<Finding[]>>();
  const stopped = whenStopped(stop);
  for (const check of checks) {
    results.set(check.id, runOne(check, ctx, selected, selection, results, hooks, stopped));
  }
  return (await Promise.all(checks.map((c) => results.get(c.id)!))).flat();
}

async function runOne(
  check: Check,
  ctx: Context,
  selected: Set<string>,
  selection: Selection,
  results: Map<string, Promise<Finding[]>>,
  hooks: RunHooks,
  stopped: Promise<never>,
): Promise<Finding[]> {
  if (!selected.has(check.id)) {
    const why = selection.skip?.includes(check.id) ? 'excluded by --skip' : 'not selected by --only';
    return [skipped(check, `Skipped: ${why}.`)];
  }
  for (const dependency of check.dependsOn ?? []) {
    const findings = await results.get(dependency)!;
    // A failed source of a check that went on (`unread`) leaves its facts standing.
    const blocking =
      findings.find((f) => f.status === 'error' && !f.unread) ??
      (findings.every((f) => f.status === 'skip') ? findings[0] : undefined);
    if (blocking) return [skipped(check, `Skipped: check "${dependency}" could not run (${blocking.status}).`)];
  }
  hooks.onStart?.(check);
  let findings: Finding[];
  try {
    const outcome = await Promise.race([check.run(ctx), stopped]);
    findings = (Array.isArray(outcome) ? outcome : [outcome]).map((o) => toFinding(check, o));
  } catch (err) {
    findings = [errorFinding(check, err, ctx.target.profile)];
  }
  hooks.onFinish?.(check, findings);
  return findings;
}

/** Rejects with the stop reason when `stop` aborts; never settles otherwise. */
function whenStopped(stop: AbortSignal | undefined): Promise<never> {
  const stopped = new Promise<never>((_, reject) => {
    if (stop?.aborted) reject(stop.reason as Error);
    else
      stop?.addEventListener(
        'abort',
        () => {
          reject(stop.reason as Error);
        },
        { once: true },
      );
  });
  stopped.catch(() => undefined); // observed by each check that is still running
  return stopped;
}

function toFinding(check: Check, outcome: Outcome): Finding {
  return {
    check: check.id,
    status: outcome.status,
    ...(outcome.code ? { code: outcome.code } : {}),
    title: outcome.unread
      ? `Unknown ${outcome.unread.wouldShow} (${outcome.code ? causes[outcome.code] : outcome.unread.errorCode})`
      : outcome.code
        ? causes[outcome.code]
        : check.title,
    message: outcome.message,
    evidence: outcome.evidence ?? {},
    ...(outcome.remediation ? { remediation: outcome.remediation } : {}),
    ...(outcome.unread ? { unread: outcome.unread } : {}),
  };
}

/** What a check that could not run leaves unknown: never its healthy title, which reads like a pass. */
function unknownOf(check: Check): string {
  if (check.unknown) return check.unknown;
  const lower = /^[A-Z][a-z]/.test(check.title) ? check.title[0]!.toLowerCase() + check.title.slice(1) : check.title;
  return `whether ${lower.replace(/\.$/, '')}`;
}

function skipped(check: Check, message: string): Finding {
  return { check: check.id, status: 'skip', title: check.title, message, evidence: {} };
}

function errorFinding(check: Check, err: unknown, profile?: string): Finding {
  if (err instanceof RunStopped) {
    return {
      check: check.id,
      status: 'error',
      code: err.code,
      title: causes[err.code],
      message: `${check.title}: could not be checked, not finished when ${err.message}`,
      evidence: {},
    };
  }
  if (!(err instanceof AwsCallError)) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      check: check.id,
      status: 'error',
      code: 'internal-error',
      title: causes['internal-error'],
      message: `cognito-doctor failed on this check: ${message}`,
      evidence: {},
    };
  }
  const code = errorCodeFor(check, err.kind);
  return {
    check: check.id,
    status: 'error',
    code,
    title: `Unknown ${unknownOf(check)} (${causes[code]})`,
    message: `Not checked: unknown ${unknownOf(check)}. ${err.action} in ${err.region} failed with ${err.awsCode}: ${err.message}`,
    evidence: readEvidence(err),
    remediation: { text: remedyFor(err, profile), commands: [], docs: [] },
  };
}

/** The checks to run: `--only` pulls in what they depend on; `--skip` drops checks (their dependents skip too). */
export function selectedIds(checks: readonly Check[], selection: Selection): Set<string> {
  const byId = new Map(checks.map((c) => [c.id, c]));
  let ids = new Set(checks.map((c) => c.id));
  if (selection.only?.length) {
    ids = new Set();
    const add = (id: string) => {
      if (ids.has(id)) return;
      ids.add(id);
      for (const d of byId.get(id)?.dependsOn ?? []) add(d);
    };
    selection.only.forEach(add);
  }
  for (const id of selection.skip ?? []) ids.delete(id);
  return ids;
}

/**
 * The checks a selection keeps from running: those not selected, and those that wait for one that is
 * not (they would only cascade to `skip`). In checklist order.
 */
export function leftOut(checks: readonly Check[], selection: Selection): string[] {
  const selected = selectedIds(checks, selection);
  const byId = new Map(checks.map((c) => [c.id, c]));
  const out = (id: string): boolean => !selected.has(id) || (byId.get(id)?.dependsOn ?? []).some((d) => out(d));
  return checks.filter((c) => out(c.id)).map((c) => c.id);
}
