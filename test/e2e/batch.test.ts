// --users-file end to end: the real SDK against the fake endpoint on the demo world (healthy, broken
// and unknown users of one pool). Each test signs with its own access key, so its requests and its
// faults are its own on the shared endpoint.

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchSummary, LineError } from '../../src/batch-summary.js';
import type { Report } from '../../src/report.js';
import { startFakeAws, type FakeAws } from '../fake/server.js';
import { loadWorld, WORLDS_DIR } from '../fake/world.js';
import { CLI, runCli, spawnCli, testEnv, type CliResult } from '../helpers/cli.js';
import { batchSummaryErrors, schemaErrors } from '../helpers/schema.js';

const POOL = 'eu-west-1_AbC123';
const STACK = /\n\s+at .+:\d+:\d+\)?$/m;

/** The users file of an incident: healthy, broken, unknown, a bad line, a comment, blank lines. */
const USERS = [
  '# tickets of the 3 March incident',
  'jane@example.com',
  '',
  'carlos',
  'dana',
  'nobody.here',
  '+44 7400 12',
  '   # a comment after spaces',
  'erik',
].join('\n');

let fake: FakeAws;

beforeAll(async () => {
  const world = loadWorld(join(WORLDS_DIR, 'demo.json'));
  world.faults = [
    // One user's AdminGetUser denied (a permission boundary on a user path, say); the others go on.
    {
      operation: 'cognito-idp:AdminGetUser',
      kind: 'access-denied',
      accessKey: 'AKIDDENIED',
      input: { Username: 'dana' },
    },
    // Throttled on every attempt the SDK makes, for one user only.
    {
      operation: 'cognito-idp:AdminGetUser',
      kind: 'throttle',
      accessKey: 'AKIDTHROTTLE',
      input: { Username: 'carlos' },
    },
    // The account's SES state throttled on every attempt of the first user's read, then answered.
    { operation: 'ses:GetAccount', kind: 'throttle', times: 3, accessKey: 'AKIDBLIP' },
    // The user after the first hangs: the batch is surely mid-way when the signal comes.
    { operation: 'cognito-idp:AdminGetUser', kind: 'stall', accessKey: 'AKIDSIGINT', input: { Username: 'carlos' } },
  ];
  fake = await startFakeAws(world);
});

afterAll(() => fake.close());

const requestsOf = (key: string) => fake.requests.filter((r) => r.accessKey === key);

function usersFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cognito-doctor-batch-')), 'users.txt');
  writeFileSync(path, text);
  return path;
}

const batch = (key: string, args: readonly string[], text = USERS) =>
  runCli(
    ['forgot-password', '--users-file', usersFile(text), '-p', POOL, ...args],
    testEnv(fake.url, { AWS_ACCESS_KEY_ID: key }),
  );

type Line = Report | LineError | BatchSummary;

function ndjson(r: CliResult): { records: (Report | LineError)[]; summary: BatchSummary } {
  expect(r.stdout.endsWith('\n')).toBe(true);
  const lines = r.stdout.trimEnd().split('\n');
  const parsed = lines.map((l) => JSON.parse(l) as Line);
  const summary = parsed.at(-1) as BatchSummary;
  expect(summary.record).toBe('batch-summary');
  expect(batchSummaryErrors(summary)).toEqual([]);
  const records = parsed.slice(0, -1) as (Report | LineError)[];
  for (const record of records) {
    expect('record' in record).toBe(false);
    expect(schemaErrors(record)).toEqual([]);
  }
  return { records, summary };
}

const isReport = (r: Report | LineError): r is Report => 'verdict' in r;

describe('--users-file', () => {
  it('ndjson: one schema-valid record per user line, in file order, then the summary; exit 2 for the bad line', async () => {
    const r = await batch('AKIDMIXED', ['--output', 'ndjson']);
    const { records, summary } = ndjson(r);
    expect(records.map((x) => x.line)).toEqual([2, 4, 5, 6, 7, 9]);
    const reports = records.filter(isReport);
    expect(reports.map((x) => x.target.input)).toEqual(['jane@example.com', 'carlos', 'dana', 'nobody.here', 'erik']);
    expect(reports.map((x) => x.verdict.status)).toEqual(['deliverable', 'blocked', 'blocked', 'blocked', 'blocked']);
    const code = (input: string, c: string) =>
      reports.find((x) => x.target.input === input)!.findings.some((f) => f.code === c && f.status === 'fail');
    expect(code('carlos', 'no-verified-contact')).toBe(true);
    expect(code('dana', 'user-disabled')).toBe(true);
    expect(code('nobody.here', 'user-not-found')).toBe(true);
    expect(code('erik', 'ses-account-suppression-list')).toBe(true);
    // The bad line: its own error document, naming the line.
    const bad = records.find((x) => x.line === 7) as LineError;
    expect(bad.error.kind).toBe('input');
    expect(bad.error.message).toMatch(/^Line 7: .*phone number/);
    expect(bad.exitCode).toBe(2);
    expect(summary).toMatchObject({
      users: 6,
      diagnosed: 5,
      notDiagnosed: 1,
      badLines: 1,
      interrupted: 0,
      verdicts: { deliverable: 1, blocked: 4, 'at-risk': 0, inconclusive: 0 },
      causes: {
        'no-verified-contact': 1,
        'ses-account-suppression-list': 1,
        'user-disabled': 1,
        'user-not-found': 1,
      },
      exitCode: 2,
    });
    // The main cause is the report's own first cause.
    expect(reports.map((x) => x.verdict.causes[0] ?? null)).toEqual([
      null,
      'no-verified-contact',
      'user-disabled',
      'user-not-found',
      'ses-account-suppression-list',
    ]);
    expect(summary.requests).toBe(requestsOf('AKIDMIXED').filter((q) => q.attempt === 1).length);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
  });

  it('reads what the pool and the account answer once for the batch: no request is sent twice', async () => {
    await batch('AKIDONCE', ['--output', 'ndjson']);
    const sent = requestsOf('AKIDONCE').filter((q) => q.attempt === 1);
    const keys = sent.map((q) => `${q.action} ${q.region} ${JSON.stringify(q.input)}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    const count = (action: string) => sent.filter((q) => q.action === action).length;
    for (const action of ['cognito-idp:DescribeUserPool', 'ses:GetAccount', 'sns:GetSMSAttributes']) {
      expect(count(action), action).toBe(1);
    }
    // Per-user reads: each user's own.
    expect(count('cognito-idp:AdminGetUser')).toBeGreaterThanOrEqual(5);
  });

  it('pretty: a table of user, verdict, channel and main cause, and the counts', async () => {
    const r = await batch('AKIDPRETTY', []);
    expect(r.code).toBe(2);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('cognito-doctor forgot-password --users-file: 6 users');
    expect(lines[1]).toBe(`pool ${POOL} (eu-west-1)`);
    expect(lines[3]).toMatch(/^line {2}user +verdict +channel +main cause$/);
    expect(lines[4]).toMatch(/^ {3}2 {2}jane@example\.com +deliverable +EMAIL +—$/);
    expect(lines[5]).toMatch(/^ {3}4 {2}carlos +blocked +NONE +no-verified-contact$/);
    expect(lines[6]).toMatch(/^ {3}5 {2}dana +blocked +EMAIL +user-disabled$/);
    expect(lines[7]).toMatch(/^ {3}6 {2}nobody\.here +blocked +UNKNOWN +user-not-found$/);
    expect(lines[8]).toMatch(/^ {3}7 {2}\+44 7400 12 +not a user +— +The user looks like a phone number/);
    expect(lines[9]).toMatch(/^ {3}9 {2}erik +blocked +EMAIL +ses-account-suppression-list$/);
    expect(lines.slice(11, 16)).toEqual([
      'Main causes',
      '1  no-verified-contact',
      '1  ses-account-suppression-list',
      '1  user-disabled',
      '1  user-not-found',
    ]);
    // Columns line up: every row's verdict starts where the header's does.
    const column = lines[3]!.indexOf('verdict');
    for (const row of lines.slice(4, 10)) expect(row.slice(column - 2, column)).toBe('  ');
    expect(r.stdout).toMatch(
      /^5 of 6 diagnosed \(1 deliverable, 4 blocked\) · 1 not diagnosed · \d+ AWS requests · exit code 2 · \d+ ms$/m,
    );
    expect(r.stderr).toBe('');
  });

  it('markdown: the same table for a ticket', async () => {
    const r = await batch('AKIDMARKDOWN', ['-o', 'markdown']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`## cognito-doctor: forgot-password for 6 users of \`${POOL}\` (eu-west-1)`);
    expect(lines).toContain('| line | user | verdict | channel | main cause |');
    expect(lines).toContain('| 2 | `jane@example.com` | deliverable | EMAIL | — |');
    expect(lines).toContain('| 5 | `dana` | blocked | EMAIL | `user-disabled` |');
    expect(lines).toContain('| `user-disabled` | 1 |');
    expect(lines.find((l) => l.startsWith('| 7 |'))).toMatch(
      /^\| 7 \| `\+44 7400 12` \| not a user \| — \| The user looks/,
    );
    expect(r.stdout).toMatch(/^_5 of 6 diagnosed .* exit code 2 .*; cognito-doctor \d+\.\d+\.\d+, .*\._$/m);
  });

  it('one user’s AdminGetUser denied: that user is inconclusive, the others diagnosed; exit 3 (the worst)', async () => {
    const r = await batch('AKIDDENIED', ['--output', 'ndjson'], 'jane@example.com\ndana\nerik\n');
    const { records, summary } = ndjson(r);
    const [jane, dana, erik] = records as Report[];
    expect(jane!.verdict.status).toBe('deliverable');
    expect(dana!.verdict.status).toBe('inconclusive');
    expect(dana!.findings.find((f) => f.check === 'user')).toMatchObject({ status: 'error', code: 'access-denied' });
    expect(erik!.verdict.status).toBe('blocked');
    expect(summary.exitCode).toBe(3);
    expect(r.code).toBe(3);
  });

  it('throttled on every attempt for one user: never reported healthy, the others unaffected', async () => {
    const r = await batch('AKIDTHROTTLE', ['--output', 'ndjson'], 'jane@example.com\ncarlos\ndana\n');
    const { records } = ndjson(r);
    const [jane, carlos, dana] = records as Report[];
    expect(carlos!.findings.some((f) => f.code === 'throttled')).toBe(true);
    expect(carlos!.verdict.status).toBe('inconclusive');
    expect(jane!.verdict.status).toBe('deliverable');
    expect(dana!.verdict.status).toBe('blocked');
    // Every report that met a throttled read is not healthy.
    for (const report of records as Report[]) {
      if (report.findings.some((f) => f.code === 'throttled')) {
        expect(['deliverable', 'at-risk']).not.toContain(report.verdict.status);
      }
    }
    expect(r.code).toBe(3);
  });

  it('a shared read throttled for one user is asked again for the next, not handed on', async () => {
    const r = await batch(
      'AKIDBLIP',
      ['--output', 'ndjson', '--concurrency', '1'],
      'jane@example.com\njane@example.com\n',
    );
    const [first, second] = ndjson(r).records as Report[];
    expect(first!.findings.find((f) => f.check === 'email')).toMatchObject({ status: 'error', code: 'throttled' });
    expect(first!.verdict.status).toBe('inconclusive');
    expect(second!.findings.filter((f) => f.status === 'error')).toEqual([]);
    expect(second!.verdict.status).toBe('deliverable');
    expect(requestsOf('AKIDBLIP').filter((q) => q.action === 'ses:GetAccount')).toHaveLength(4);
  });

  it('throttled mid-batch by a request-rate quota: the limiter slows down, and no throttled user is reported healthy', async () => {
    // AdminGetUser held far below the limiter's default for its category: the first users' burst meets it.
    const world = {
      ...loadWorld(join(WORLDS_DIR, 'demo.json')),
      quotas: [{ actions: ['cognito-idp:AdminGetUser'], rps: 2 }],
    };
    const quota = await startFakeAws(world);
    try {
      const users = ['jane@example.com', 'carlos', 'dana', 'erik', 'george', 'new.hire'];
      const r = await runCli(
        ['forgot-password', '--users-file', usersFile(users.join('\n')), '-p', POOL, '-o', 'ndjson'],
        testEnv(quota.url),
      );
      const { records, summary } = ndjson(r);
      expect(quota.requests.some((q) => q.throttled)).toBe(true);
      const reports = records as Report[];
      expect(reports.map((x) => x.target.input)).toEqual(users);
      const truth: Record<string, string> = {
        'jane@example.com': 'deliverable',
        carlos: 'no-verified-contact',
        dana: 'user-disabled',
        erik: 'ses-account-suppression-list',
        george: 'federated-user',
        'new.hire': 'user-force-change-password',
      };
      for (const report of reports) {
        const throttled = report.findings.some((f) => f.code === 'throttled');
        if (throttled) expect(report.verdict.status, report.target.input).toBe('inconclusive');
        else expect(report.verdict.causes[0] ?? 'deliverable', report.target.input).toBe(truth[report.target.input]);
      }
      expect(summary.diagnosed).toBe(users.length);
    } finally {
      await quota.close();
    }
  });

  it('--redact masks every record and every row, the bad line’s too', async () => {
    const users = 'jane@example.com\ncarlos\nzorro\u0007x\n';
    const r = await batch('AKIDREDACT', ['--output', 'ndjson', '--redact'], users);
    const { records } = ndjson(r);
    expect(records).toHaveLength(3);
    const table = await batch('AKIDREDACT', ['--redact'], users);
    for (const out of [r.stdout, table.stdout]) {
      expect(out).not.toContain('jane@example.com');
      expect(out).not.toMatch(/carlos|zorro/i);
    }
    expect(table.stdout).toMatch(/^ {3}3 {2}z\*\*\* +not a user/m);
  });

  it('a line with an invisible character is its own error record, shown with the character written out', async () => {
    const users = 'ja\u200bne\njane@example.com\nab\u202ecba\n';
    const r = await batch('AKIDINVISIBLE', ['--output', 'ndjson'], users);
    const { records, summary } = ndjson(r);
    const errors = records.filter((x): x is LineError => !isReport(x));
    expect(errors.map((e) => [e.line, e.error.kind, e.exitCode])).toEqual([
      [1, 'input', 2],
      [3, 'input', 2],
    ]);
    expect(errors[0]!.error.message).toMatch(/^Line 1: .*formatting character \(U\+200B\) at character 3 of 5/);
    expect(errors[1]!.error.message).toMatch(/^Line 3: .*formatting character \(U\+202E\) at character 3 of 6/);
    expect(summary).toMatchObject({ users: 3, diagnosed: 1, badLines: 2, exitCode: 2 });
    // No request names either line's user.
    const named = requestsOf('AKIDINVISIBLE').map((q) => JSON.stringify(q.input));
    expect(named.filter((i) => /\\u200b|\\u202e|\u200b|\u202e/i.test(i))).toEqual([]);
    // The table shows what the JSON holds: the character written out, never hidden or obeyed.
    const table = await batch('AKIDINVISIBLE', [], users);
    expect(table.stdout).toMatch(/^ {3}1 {2}ja<U\+200B>ne +not a user +— +The user to diagnose contains/m);
    expect(table.stdout).toMatch(/^ {3}3 {2}ab<U\+202E>cba +not a user/m);
    expect(table.stdout).not.toMatch(/[\u200b\u202e]/);
  });

  it('the other flows: verify-attribute takes the attribute as its one argument', async () => {
    const r = await runCli(
      ['verify-attribute', '--users-file', usersFile('vera\n'), 'email', '-p', POOL, '-o', 'ndjson'],
      testEnv(fake.url, { AWS_ACCESS_KEY_ID: 'AKIDVERIFY' }),
    );
    const { records, summary } = ndjson(r);
    expect((records[0] as Report).command).toBe('verify-attribute');
    expect(summary.command).toBe('verify-attribute');
    expect(summary.verdicts['at-risk']).toBe(1);
  });

  it.each([
    [['jane'], /one user or --users-file, not both/],
    [['--fix', '--yes'], /a batch \(--users-file\) never writes/],
    [['--json'], /--output ndjson/],
    [['--concurrency', '0'], /--concurrency "0"/],
  ])('usage: %j is refused before any request (exit 2)', async (extra, message) => {
    const key = `AKIDUSAGE${extra.join('').replace(/\W/g, '')}`;
    const r = await runCli(
      ['forgot-password', ...extra, '--users-file', usersFile('jane\n'), '-p', POOL],
      testEnv(fake.url, { AWS_ACCESS_KEY_ID: key }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(requestsOf(key)).toEqual([]);
  });

  it('usage: --output ndjson without --users-file, an unreadable file, a file of comments only', async () => {
    const env = testEnv(fake.url, { AWS_ACCESS_KEY_ID: 'AKIDUSAGEFILE' });
    const single = await runCli(['forgot-password', 'jane', '-p', POOL, '-o', 'ndjson'], env);
    expect(single.code).toBe(2);
    expect(single.stderr).toMatch(/add --users-file/);
    const missing = await runCli(['forgot-password', '--users-file', '/nonexistent/users.txt', '-p', POOL], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot be read \(ENOENT\)/);
    const empty = await runCli(['forgot-password', '--users-file', usersFile('# none\n\n'), '-p', POOL], env);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/names no user/);
    const none = await runCli(['forgot-password', '-p', POOL], env);
    expect(none.stderr).toMatch(/missing required argument 'user' \(or --users-file <path>\)/);
    const directory = await runCli(['forgot-password', '--users-file', tmpdir(), '-p', POOL], env);
    expect([directory.code, directory.stderr]).toEqual([
      2,
      `cognito-doctor: --users-file ${tmpdir()} is a directory: give a file of users, one a line.\n`,
    ]);
    const json = await runCli(['forgot-password', '--users-file', usersFile('jane\n'), '-p', POOL, '-o', 'json'], env);
    expect(json.stderr).toMatch(/^cognito-doctor: --output json prints one report/);
    const file = usersFile('jane\n');
    const noAttribute = await runCli(['verify-attribute', '--users-file', file, '-p', POOL], env);
    expect([noAttribute.code, noAttribute.stderr]).toEqual([
      2,
      "cognito-doctor: missing required argument 'attribute' (email or phone_number)\n",
    ]);
    expect(requestsOf('AKIDUSAGEFILE')).toEqual([]);
  });
});

describe('--users-file, the built CLI as a process', () => {
  it('reads the users from stdin with -; more users in flight than Node warns about, and stderr stays empty', async () => {
    // Twelve users at once listen to the one interrupt signal: no MaxListenersExceededWarning.
    const users = Array.from({ length: 6 }, () => ['jane@example.com', 'dana']).flat();
    const r = await spawnCli(
      ['forgot-password', '--users-file', '-', '-p', POOL, '-o', 'ndjson'],
      testEnv(fake.url, { AWS_ACCESS_KEY_ID: 'AKIDSTDIN' }),
      `${users.join('\n')}\n`,
    );
    const { records, summary } = ndjson(r);
    expect(records.map((x) => (x as Report).target.input)).toEqual(users);
    expect(summary).toMatchObject({ users: 12, diagnosed: 12, exitCode: 1 });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });

  it('SIGINT mid-batch: the lines written stay valid, the summary counts who was not diagnosed, exit 130', async () => {
    const env = testEnv(fake.url, { AWS_ACCESS_KEY_ID: 'AKIDSIGINT' });
    const args = ['forgot-password', '--users-file', usersFile('jane@example.com\ncarlos\ndana\nerik\n')];
    const child = spawn(
      process.execPath,
      [CLI, ...args, '-p', POOL, '-o', 'ndjson', '--concurrency', '1', '--timeout', '10m'],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const done = new Promise<number | null>((resolve) => child.on('close', resolve));
    // carlos's AdminGetUser never answers: once it has arrived the batch is waiting on him.
    const carlos = () =>
      requestsOf('AKIDSIGINT').some(
        (q) => q.action === 'cognito-idp:AdminGetUser' && JSON.stringify(q.input).includes('carlos'),
      );
    while (!carlos()) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await done;
    expect(code).toBe(130);
    const { records, summary } = ndjson({ code, stdout, stderr });
    const reports = records as Report[];
    expect(reports[0]!.target.input).toBe('jane@example.com');
    expect(reports[0]!.interrupted).toBeUndefined();
    expect(reports[1]).toMatchObject({ interrupted: 'SIGINT', exitCode: 130 });
    expect(reports).toHaveLength(2);
    expect(summary).toMatchObject({
      users: 4,
      diagnosed: 1,
      notDiagnosed: 3,
      interrupted: 1,
      stoppedBy: 'SIGINT',
      exitCode: 130,
    });
    expect(stderr).toContain('cognito-doctor: SIGINT: stopping');
    expect(stderr).not.toMatch(STACK);
  });
});
