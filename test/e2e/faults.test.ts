// Fault injection over the wire: every operation a diagnosis calls, under every transport and
// pagination fault the test endpoint can inject, with a short --timeout. The diagnosis runs in this
// process (many at once, one endpoint each) so hundreds of runs stay cheap on two cores; the built CLI
// as a process (exit, signals, EPIPE) is covered by signals.test.ts.

import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checks } from '../../src/checks/index.js';
import type { Finding } from '../../src/checks/types.js';
import { exitCodeFor } from '../../src/exit-codes.js';
import { diagnose } from '../../src/diagnose.js';
import { normaliseUserInput } from '../../src/domain/user-input.js';
import { resolveDiagnoseOptions, type RawDiagnoseOptions } from '../../src/options.js';
import { createStyle } from '../../src/render/style.js';
import type { Report } from '../../src/report.js';
import { PAGED } from '../fake/faults.js';
import { startFakeAws, type LoggedRequest } from '../fake/server.js';
import type { Fault, FaultKind } from '../fake/world.js';
import { testEnv } from '../helpers/cli.js';
import { loadScenarios, type Scenario } from '../helpers/scenarios.js';
import { limiter } from '../helpers/limit.js';
import { schemaErrors } from '../helpers/schema.js';

/**
 * Each attempt of a request may take ATTEMPT_MS: a stalled read is given up after three, well within
 * TIMEOUT, which only a response that never ends (`trickle`) reaches. A short TIMEOUT would make
 * healthy reads miss it on a busy machine, and findings vanish for a reason that is not the fault.
 */
const ATTEMPT_MS = 8_000;
const TIMEOUT = '60s';
/** For `trickle`: the time limit is what ends the run. */
const SHORT_TIMEOUT = '6s';
/** The harness's own guard: a sweep runs dozens of diagnoses, each bounded by its time limit. */
const SWEEP = 180_000;

/** Scenario worlds that, between them, make every request a diagnosis can make. */
const WORLDS = [
  'email-configuration-set-missing',
  'custom-email-sender-ignores-ses',
  'eum-sandbox',
  'sms-role-no-publish',
  'us-number-registered',
  'email-healthy-sms-broken',
  'imported-without-verified-flag',
  'logs-threat-protection-block',
  'pue-hides-user-disabled',
  'protect-configuration-blocks-country',
];

interface Run {
  report?: Report;
  output: string;
  stderr: string;
  requests: LoggedRequest[];
  threw?: unknown;
}

const scenarios = new Map(loadScenarios().map((s) => [s.name, s]));

/** A scenario's CLI arguments as options: the user, then flag/value pairs. */
function rawOptions(args: readonly string[]): { input: string; raw: RawDiagnoseOptions } {
  const names: Record<string, keyof RawDiagnoseOptions> = {
    '--user-pool-id': 'userPoolId',
    '--client-id': 'clientId',
    '--since': 'since',
    '--region': 'region',
  };
  const raw: Record<string, string> = {};
  for (let i = 1; i < args.length; i += 2) {
    const name = names[args[i]!];
    if (!name) throw new Error(`faults.test: no mapping for ${args[i]}`);
    raw[name] = args[i + 1]!;
  }
  return { input: args[0]!, raw };
}

async function diagnoseUnder(scenario: Scenario, faults: Fault[], timeout: string): Promise<Run> {
  const fake = await startFakeAws({ ...structuredClone(scenario.world), faults });
  let stderr = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      stderr += String(chunk);
      done();
    },
  });
  try {
    const { input, raw } = rawOptions(scenario.args);
    const options = {
      ...resolveDiagnoseOptions(
        input,
        { ...raw, endpointUrl: fake.url, json: true, timeout },
        checks.map((c) => c.id),
        normaliseUserInput,
      ),
      requestTimeoutMs: ATTEMPT_MS,
    };
    const { output } = await diagnose(options, { stderr: sink, env: {}, style: createStyle(false), version: 'test' });
    return { output, report: JSON.parse(output) as Report, stderr, requests: fake.requests };
  } catch (threw) {
    return { output: '', stderr, requests: fake.requests, threw };
  } finally {
    await fake.close();
  }
}

/** At most 32 runs at once: most of a run is waiting, but the SDK work is not free on two cores. */
const limit = limiter(32);

/** Every IAM action a check reads, with those of the checks it depends on. */
const readsOf = (() => {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const closure = (id: string): Set<string> => {
    const check = byId.get(id)!;
    return new Set([...check.reads, ...(check.dependsOn ?? []).flatMap((d) => [...closure(d)])]);
  };
  return new Map(checks.map((c) => [c.id, closure(c.id)]));
})();

/**
 * Reads whose failure a check tolerates by design: the ListUsers search only adds context to a user
 * AdminGetUser found, and the import history only explains an unverified contact.
 */
const TOLERATED = new Set(['cognito-idp:ListUsers', 'cognito-idp:ListUserImportJobs']);

/** The failed read shows in the report: an error finding names it, with this code (and AWS code). */
const shows =
  (code: string, awsCode?: string) =>
  (report: Report, op: string): string[] => {
    if (TOLERATED.has(op)) return [];
    const named = report.findings.some(
      (f) =>
        f.status === 'error' &&
        f.code === code &&
        f.evidence['iam:action'] === op &&
        (!awsCode || f.evidence['error.code'] === awsCode),
    );
    return named ? [] : [`no ${code}${awsCode ? ` (${awsCode})` : ''} finding names ${op}`];
  };

/** Only what is still waiting when the time limit comes ends as deadline-exceeded. */
const deadline =
  (expected: boolean) =>
  (report: Report): string[] => {
    const hit = report.findings.some((f) => f.code === 'deadline-exceeded');
    return hit === expected ? [] : [expected ? 'nothing ended at the time limit' : 'a check ran into the time limit'];
  };

const both =
  (...all: ((report: Report, op: string) => string[])[]) =>
  (report: Report, op: string) =>
    all.flatMap((a) => a(report, op));

const noInternalError = (report: Report) =>
  report.findings.filter((f) => f.code === 'internal-error').map((f) => `internal error: ${f.message}`);

const proven = (f: Finding) => f.code !== undefined && ['info', 'warn', 'fail'].includes(f.status);
const key = (f: Finding) => `${f.check}:${f.code}:${f.status}`;
const STACK = /\n\s+at .+:\d+:\d+\)?$/m;

/**
 * How much of the baseline a faulted run must keep: `exact`, every finding (the fault was hidden);
 * `survive`, every proven finding of a check that does not read the faulted operation; `report`, only
 * the promises about the report itself (the time limit ends the run, so what finished is luck).
 */
type Keeps = 'exact' | 'survive' | 'report';

/** What the issue promises of every run, whatever the fault: the broken promises, as lines. */
function broken(run: Run, baseline: Report, op: string, keeps: Keeps): string[] {
  if (run.threw)
    return [`threw ${run.threw instanceof Error ? (run.threw.stack ?? run.threw.message) : JSON.stringify(run.threw)}`];
  const report = run.report!;
  const problems: string[] = [];
  const schema = schemaErrors(report);
  if (schema.length) problems.push(`invalid report: ${schema.join('; ')}`);
  const expectedExit = exitCodeFor(report.findings, report.verdict.status, false);
  if (report.exitCode !== expectedExit) problems.push(`exit ${report.exitCode}, the rules say ${expectedExit}`);
  if (STACK.test(run.output) || STACK.test(run.stderr)) problems.push('a stack trace in the output');
  const seen = new Map<string, number>();
  for (const r of run.requests) {
    const id = `${r.action} ${r.region} ${JSON.stringify(r.input)} attempt ${r.attempt}`;
    seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  for (const [id, n] of seen) if (n > 1) problems.push(`sent ${n} times: ${id}`);
  if (keeps === 'report') return problems;
  const now = new Set(report.findings.map((f) => `${f.check}:${f.code}`));
  const lost = baseline.findings.filter(
    (f) => proven(f) && (keeps === 'exact' || !readsOf.get(f.check)!.has(op)) && !now.has(`${f.check}:${f.code}`),
  );
  if (lost.length) problems.push(`proven findings lost: ${lost.map(key).join(', ')}`);
  if (keeps === 'exact') {
    const want = baseline.findings.map(key).sort();
    const got = report.findings.map(key).sort();
    if (JSON.stringify(want) !== JSON.stringify(got)) problems.push(`findings differ: ${got.join(', ')}`);
  }
  return problems;
}

const baselines = new Map<string, Run>();
/** Each operation, with the first world (in WORLDS order) whose diagnosis makes it. */
const operations = new Map<string, string>();
let runs = 0;
let failed = 0;
const kindsRun = new Set<string>();

beforeAll(async () => {
  Object.assign(process.env, testEnv());
  // The first runs load the SDK's code, which holds up this process's timers: no time limit to speak of.
  for (const name of WORLDS) baselines.set(name, await diagnoseUnder(scenarios.get(name)!, [], TIMEOUT));
  for (const name of WORLDS) {
    for (const r of baselines.get(name)!.requests) if (!operations.has(r.action)) operations.set(r.action, name);
  }
}, 120_000);

afterAll(() => {
  // The figures for the record: how many runs, of how many fault kinds, over how many operations.
  const held = failed ? `${failed} broke a promise` : 'all held';
  console.log(`fault injection: ${runs} runs, ${kindsRun.size} fault kinds, ${operations.size} operations, ${held}`);
});

/** Run `kind` on every operation (or those `only` keeps) and collect what broke. */
async function sweep(
  kind: FaultKind,
  fault: Partial<Fault>,
  keeps: Keeps,
  only = (_op: string) => true,
  also: (report: Report, op: string) => string[] = () => [],
) {
  const targets = [...operations].filter(([op]) => only(op));
  const problems = await Promise.all(
    targets.map(([op, world]) =>
      limit(async () => {
        const timeout = kind === 'trickle' ? SHORT_TIMEOUT : TIMEOUT;
        const run = await diagnoseUnder(scenarios.get(world)!, [{ operation: op, kind, ...fault }], timeout);
        runs += 1;
        kindsRun.add(kind);
        const baseline = baselines.get(world)!.report!;
        const problems = broken(run, baseline, op, keeps);
        if (run.report) problems.push(...also(run.report, op));
        if (problems.length) failed += 1;
        if (problems.length && process.env.FAULTS_DEBUG) {
          console.log(
            kind,
            op,
            JSON.stringify(
              run.report?.findings
                .filter((f) => f.status !== 'pass')
                .map((f) => [f.check, f.status, f.code, f.message.slice(0, 200)]),
            ),
          );
        }
        return problems.map((p) => `${op} (${world}): ${p}`);
      }),
    ),
  );
  return { targets, problems: problems.flat() };
}

describe.concurrent('fault injection', () => {
  it('the baselines are clean and make every request the checks can make', () => {
    for (const [name, run] of baselines) {
      expect(run.threw, name).toBeUndefined();
      expect(
        run.report!.findings.filter((f) => f.status === 'error'),
        name,
      ).toEqual([]);
    }
    // Every paged read the endpoint knows how to page is made by some baseline.
    for (const op of Object.keys(PAGED)) expect(operations.has(op), op).toBe(true);
    expect(operations.size).toBeGreaterThanOrEqual(30);
  });

  it.each([
    ['stall', 'survive', both(shows('network-error'), deadline(false))],
    ['trickle', 'report', deadline(true)],
    ['close', 'survive', both(shows('network-error'), deadline(false))],
    ['garbage', 'survive', both(shows('aws-error'), noInternalError)],
  ] as const)(
    '%s on every operation: one valid report within the time limit',
    async (kind, keeps, also) => {
      const { targets, problems } = await sweep(kind, {}, keeps, () => true, also);
      expect(targets.length).toBe(operations.size);
      expect(problems).toEqual([]);
    },
    SWEEP,
  );

  it.each([
    ['stall', { times: 1 }],
    ['close', { times: 1 }],
  ] as const)(
    '%s once on every operation: the retry hides it and the report is unchanged',
    async (kind, fault) => {
      const { problems } = await sweep(kind, fault, 'exact');
      expect(problems).toEqual([]);
    },
    SWEEP,
  );

  it(
    'empty pages with a token on every paged read are followed: the report is unchanged',
    async () => {
      const { targets, problems } = await sweep('empty-pages', { pages: 3 }, 'exact', (op) => op in PAGED);
      expect(targets.length).toBe(Object.keys(PAGED).length);
      expect(problems).toEqual([]);
    },
    SWEEP,
  );

  it(
    'a repeated page token on every paged read stops the loop',
    async () => {
      const { targets, problems } = await sweep(
        'repeat-token',
        {},
        'survive',
        (op) => op in PAGED,
        shows('aws-error', 'RepeatedPageToken'),
      );
      expect(targets.length).toBe(Object.keys(PAGED).length);
      expect(problems).toEqual([]);
    },
    SWEEP,
  );
});
