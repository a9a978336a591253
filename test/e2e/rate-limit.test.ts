// The request limiter through the real SDK against the fake endpoint's request-rate quotas: a quota
// below the limiter's default is met mid-run, slowed for and survived; a quota too low to meet leaves
// the read throttled, and the report says so (never healthy); --rate caps the run and is validated.

import { describe, expect, it } from 'vitest';
import { startFakeAws, type LoggedRequest } from '../fake/server.js';
import type { Quota } from '../fake/quotas.js';
import { runCli, testEnv, type CliResult } from '../helpers/cli.js';
import { loadScenarios } from '../helpers/scenarios.js';
import { schemaErrors } from '../helpers/schema.js';

interface JsonFinding {
  check: string;
  status: string;
  code?: string;
  evidence: Record<string, unknown>;
}

interface JsonReport {
  exitCode: number;
  verdict: { status: string };
  findings: JsonFinding[];
}

const scenarios = new Map(loadScenarios().map((s) => [s.name, s]));

/** A scenario world, with `quotas` and `extra` arguments, through the CLI: the report and what the fake saw. */
async function diagnose(name: string, quotas: Quota[], extra: string[] = []) {
  const scenario = scenarios.get(name)!;
  const fake = await startFakeAws({ ...structuredClone(scenario.world), quotas });
  try {
    const result = await runCli(
      [scenario.command ?? 'forgot-password', ...scenario.args, '--json', ...extra],
      testEnv(fake.url),
    );
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(schemaErrors(report)).toEqual([]);
    expect(report.exitCode).toBe(result.code);
    return { result, report, requests: fake.requests, expected: scenario.expect };
  } finally {
    await fake.close();
  }
}

const keys = (report: JsonReport) => report.findings.map((f) => `${f.check}:${f.code ?? ''}:${f.status}`).sort();

/** No distinct request got more attempts than the SDK's three: throttling is retried, never without bound. */
function attemptsBounded(requests: readonly LoggedRequest[]): void {
  const attempts = new Map<string, number>();
  for (const r of requests) {
    const id = `${r.action} ${JSON.stringify(r.input)}`;
    attempts.set(id, (attempts.get(id) ?? 0) + 1);
  }
  for (const [id, n] of attempts) expect(n, id).toBeLessThanOrEqual(3);
}

describe.concurrent('request-rate quotas', () => {
  it.each([
    // CloudTrail once documented LookupEvents at one request a second: an account held to that.
    ['admin-created-confirmed-time-match', [{ actions: ['cloudtrail:LookupEvents'], rps: 1 }]],
    // Three identity reads at once against a quota of two.
    ['email-ses-sandbox', [{ actions: ['ses:GetEmailIdentity'], rps: 2 }]],
    // A Cognito category (every operation of UserPoolRead shares it), met by the reads after the pool's.
    [
      'healthy-email',
      [{ actions: ['cognito-idp:DescribeUserPool', 'cognito-idp:GetLogDeliveryConfiguration'], rps: 1 }],
    ],
  ] as const)(
    '%s: a quota below the default is met mid-run; the limiter slows down and the report is unchanged',
    async (name, quotas) => {
      const { report, requests, expected } = await diagnose(name, [...quotas]);
      const baseline = await diagnose(name, []);
      // The quota really bit: AWS answered "Rate exceeded" at least once…
      expect(requests.filter((r) => r.throttled).length).toBeGreaterThan(0);
      // …and nobody can tell from the report.
      expect(report.findings.filter((f) => f.status === 'error')).toEqual([]);
      expect(keys(report)).toEqual(keys(baseline.report));
      expect({ status: report.verdict.status, exit: report.exitCode }).toEqual({
        status: expected.status,
        exit: expected.exitCode,
      });
      attemptsBounded(requests);
    },
    60_000,
  );

  it.each([
    // The user's own read (the UserRead category): the user check cannot run.
    [
      'duplicate-accounts-no-alias',
      'user',
      ['cognito-idp:AdminGetUser', 'cognito-idp:GetUser'],
      'TooManyRequestsException',
    ],
    // The sending identity's reads: the e-mail channel cannot be judged (the world is otherwise blocked).
    ['email-ses-sandbox', 'email', ['ses:GetEmailIdentity'], 'TooManyRequestsException'],
    // Advice, but the delivery log it could not read may hold the cause: a healthy pool is not reported deliverable.
    ['healthy-email', 'logs', ['logs:FilterLogEvents'], 'ThrottlingException'],
  ] as const)(
    '%s: a quota too low to meet leaves the %s check throttled: error throttled, never healthy, exit 3',
    async (name, check, actions, awsCode) => {
      // One request every 20 seconds: the first is served, the rest of the run is over the quota.
      const { report, requests } = await diagnose(name, [{ actions: [...actions], rps: 0.05 }]);
      const error = report.findings.find((f) => f.check === check && f.status === 'error');
      expect(error).toMatchObject({ code: 'throttled', evidence: { 'error.code': awsCode } });
      expect(actions).toContain(error!.evidence['iam:action']);
      expect(report.verdict.status).toBe('inconclusive');
      expect(report.exitCode).toBe(3);
      attemptsBounded(requests);
      // Each throttled read was tried again (queued behind the slowed category), not given up at once.
      expect(requests.filter((r) => r.throttled && r.attempt > 1).length).toBeGreaterThan(0);
    },
    60_000,
  );

  it('--verbose says each time throttling slowed a category, and its new rate; masked under --redact', async () => {
    const { result, requests } = await diagnose(
      'email-ses-sandbox',
      [{ actions: ['ses:GetEmailIdentity'], rps: 2 }],
      ['--verbose', '--redact'],
    );
    expect(requests.filter((r) => r.throttled).length).toBeGreaterThan(0);
    const lines = result.stderr.split('\n').filter((l) => l.includes('slowed to'));
    expect(lines.length).toBeGreaterThan(0);
    // Halved from the default quota (5/s) once a window, down to a quarter of it.
    expect(lines[0]).toBe('aws throttled: ses:GetEmailIdentity in eu-west-1 slowed to 2.5/s (quota 5/s)');
    const input = scenarios.get('email-ses-sandbox')!.args[0]!;
    expect(result.stderr).not.toContain(input);
    // Without --verbose, nothing is said.
    const quiet = await diagnose('email-ses-sandbox', [{ actions: ['ses:GetEmailIdentity'], rps: 2 }]);
    expect(quiet.result.stderr).not.toContain('slowed to');
  }, 60_000);

  it('--rate caps the whole run: the same report, its requests spread over time', async () => {
    const { report, requests } = await diagnose('healthy-email', [], ['--rate', '4']);
    const baseline = await diagnose('healthy-email', []);
    expect(keys(report)).toEqual(keys(baseline.report));
    // At 4 a second the first 4 go at once and each next 4 a window (a second and a margin) later: the
    // last of N requests goes floor((N - 1) / 4) windows after the first. A second of slack absorbs
    // a first request slowed by a busy machine; without --rate the whole run takes well under that.
    const times = requests.map((r) => r.receivedAt).sort((a, b) => a - b);
    expect(times.length).toBeGreaterThan(16);
    const windows = Math.floor((times.length - 1) / 4);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(windows * 1000 - 1000);
  }, 60_000);
});

describe('--rate usage errors', () => {
  const POOL = 'eu-west-1_AbC123';
  const usage = (r: CliResult) => {
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cognito-doctor: --rate /);
    expect(r.stdout).toBe('');
  };

  it.each(['0', '-3', 'fast', '1e3', '5000'])('--rate %s: a usage error, before any request', async (rate) => {
    const fake = await startFakeAws({ extends: 'base' });
    try {
      usage(await runCli(['forgot-password', 'jane', '-p', POOL, '--rate', rate], testEnv(fake.url)));
      expect(fake.requests).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('--rate with no value: a usage error', async () => {
    const r = await runCli(['forgot-password', 'jane', '-p', POOL, '--rate'], testEnv('http://127.0.0.1:9'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--rate/);
  });

  it('--json: the usage error is a JSON document', async () => {
    const r = await runCli(
      ['forgot-password', 'jane', '-p', POOL, '--json', '--rate', 'fast'],
      testEnv('http://127.0.0.1:9'),
    );
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { kind: 'usage', message: expect.stringMatching(/--rate/) } });
  });

  it('every diagnose command takes --rate', async () => {
    for (const command of ['forgot-password', 'sign-up', 'verify-attribute', 'invitation']) {
      const r = await runCli([command, '--help'], testEnv('http://127.0.0.1:9'));
      expect(r.stdout, command).toMatch(/--rate <rps>/);
    }
  });
});
