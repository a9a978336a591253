// The built CLI as a process, where only a process can show it: signals, a reader that goes away, a
// full disk, and nothing in flight keeping it alive once the report is out. Several runs share one
// fake endpoint; each signs with its own access key, so its requests can be told apart.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report.js';
import { startFakeAws, type FakeAws, type LoggedRequest } from '../fake/server.js';
import { CLI, testEnv, type CliResult } from '../helpers/cli.js';
import { isReadOnly, loadScenarios } from '../helpers/scenarios.js';
import { schemaErrors } from '../helpers/schema.js';

const STACK = /\n\s+at .+:\d+:\d+\)?$/m;
const ARGS = ['forgot-password', 'jane', '--user-pool-id', 'eu-west-1_AbC123', '--json'];

let fake: FakeAws;

beforeAll(async () => {
  // user-disabled: a proven failure (exit 1) that a broken pipe must not turn into another exit code.
  const world = structuredClone(loadScenarios().find((s) => s.name === 'user-disabled')!.world);
  world.faults = [
    // A response that never ends, for the signal tests: the run is surely still reading.
    ...['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => ({
      operation: 'logs:FilterLogEvents',
      kind: 'trickle' as const,
      accessKey: `AKIDSIGNAL${signal}`,
    })),
    // The pool read fails while the user read hangs: the report must not wait for the hanging read.
    { operation: 'cognito-idp:DescribeUserPool', kind: 'access-denied', accessKey: 'AKIDHANG' },
    { operation: 'cognito-idp:AdminGetUser', kind: 'stall', accessKey: 'AKIDHANG' },
    { operation: 'cognito-idp:AdminGetUser', kind: 'trickle', accessKey: 'AKIDDEADLINE' },
    // Slow enough that a spinner would start drawing.
    { operation: '*', kind: 'latency', ms: 300, accessKey: 'AKIDBACKGROUND' },
  ];
  fake = await startFakeAws(world);
});

afterAll(() => fake.close());

const requestsOf = (key: string) => fake.requests.filter((r) => r.accessKey === key);

interface Started {
  child: ReturnType<typeof spawn>;
  done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

/** The built CLI against the shared endpoint, signing with `key`; stdout as `stdout` says. */
function start(key: string, args: readonly string[], stdout: 'pipe' | number = 'pipe'): Started {
  const env = testEnv(fake.url, { AWS_ACCESS_KEY_ID: key });
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', stdout, 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ code, signal, stdout: out, stderr: err });
    });
  });
  return { child, done };
}

/** Resolves once the endpoint has seen `action` from `key` (polled; the run is then mid-read). */
async function seen(key: string, action: string): Promise<void> {
  while (!requestsOf(key).some((r) => r.action === action)) await new Promise((r) => setTimeout(r, 20));
}

function sentTwice(requests: LoggedRequest[]): string[] {
  const ids = requests.map((r) => `${r.action} ${JSON.stringify(r.input)} attempt ${r.attempt}`);
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

describe('the CLI as a process', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s mid-run prints a valid report marked interrupted and exits %i', async (signal, exitCode) => {
    // Each signal its own key: the wait below sees this run's read, not an earlier one's.
    const key = `AKIDSIGNAL${signal}`;
    const run = start(key, [...ARGS, '--timeout', '10m']);
    await seen(key, 'logs:FilterLogEvents');
    run.child.kill(signal);
    const { code, stdout, stderr } = await run.done;
    expect(code).toBe(exitCode);
    const report = JSON.parse(stdout) as Report;
    expect(schemaErrors(report)).toEqual([]);
    expect(report.interrupted).toBe(signal);
    expect(report.exitCode).toBe(exitCode);
    // What was proven before the signal stays; what was still reading says it was interrupted.
    expect(report.findings.find((f) => f.code === 'user-disabled')?.status).toBe('fail');
    expect(report.findings.find((f) => f.check === 'logs')?.code).toBe('interrupted');
    expect(stderr).toContain(`cognito-doctor: ${signal}: stopping`);
    expect(stderr).not.toMatch(STACK);
  });

  it('a failed pool read while another read hangs: the report is printed and the process exits, nothing sent twice', async () => {
    const { code, stdout, stderr } = await start('AKIDHANG', [...ARGS, '--timeout', '10m']).done;
    expect(code).toBe(4);
    expect(schemaErrors(JSON.parse(stdout))).toEqual([]);
    expect(stderr).toBe('');
    // The hanging read was cancelled, not re-sent: one attempt, once.
    expect(requestsOf('AKIDHANG').filter((r) => r.action === 'cognito-idp:AdminGetUser')).toHaveLength(1);
    expect(sentTwice(requestsOf('AKIDHANG'))).toEqual([]);
  });

  it('--timeout ends a run whose read never finishes: the report so far, exit 3', async () => {
    const { code, stdout } = await start('AKIDDEADLINE', [...ARGS, '--timeout', '2s']).done;
    const report = JSON.parse(stdout) as Report;
    expect(schemaErrors(report)).toEqual([]);
    expect(report.findings.find((f) => f.check === 'user')).toMatchObject({
      status: 'error',
      code: 'deadline-exceeded',
    });
    expect(code).toBe(3);
  });

  it('a reader that goes away (EPIPE) ends the run quietly with the report’s exit code', async () => {
    const run = start('AKIDPIPE', ARGS);
    run.child.stdout!.destroy();
    const { code, stderr } = await run.done;
    expect(code).toBe(1);
    expect(stderr).toBe('');
  });

  it.skipIf(!existsSync('/dev/full'))(
    'a report that cannot be written (a full disk) is one line on stderr and exit 74',
    async () => {
      const { code, stderr } = await start('AKIDFULL', ARGS, openSync('/dev/full', 'w')).done;
      expect(code).toBe(74);
      expect(stderr).toBe('cognito-doctor: could not write the report: ENOSPC\n');
    },
  );

  // An interactive shell in a real pseudo-terminal (util-linux `script`), with `stty tostop`: a
  // background job that writes to the terminal is stopped (`wait` then reports 150, not its exit code).
  it.runIf(spawnSync('script', ['--version']).status === 0)(
    'a run in the background of an interactive shell completes (no spinner on a terminal it does not own)',
    async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'cognito-doctor-bg-')), 'out.json');
      const line = [process.execPath, CLI, ...ARGS.filter((a) => a !== '--json')].join(' ');
      const shell = `stty cols 120 rows 40 tostop; ${line} > ${out} & wait $!; echo "background exit=$?"`;
      const env = { ...testEnv(fake.url, { AWS_ACCESS_KEY_ID: 'AKIDBACKGROUND' }), TERM: 'xterm' };
      const child = spawn('script', ['-qec', `bash --norc -ic '${shell}'`, '/dev/null'], { env });
      let screen = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (screen += d));
      await new Promise((resolve) => child.on('close', resolve));
      expect(screen).toContain('background exit=1');
      expect(readFileSync(out, 'utf8')).toContain('BLOCKED');
    },
  );
});

describe('Ctrl-C while a --fix write is in flight', () => {
  // The write is slow, so the signal surely comes after it was sent and before its reply; a second
  // step (the address on the SES suppression list) would follow it.
  const world = () => {
    const w = structuredClone(loadScenarios().find((s) => s.name === 'user-disabled')!.world);
    w.ses!['eu-west-1']!.suppressed = { 'jane@example.com': { Reason: 'BOUNCE', LastUpdateTime: 'now-2d' } };
    w.faults = [{ operation: 'cognito-idp:AdminEnableUser', kind: 'latency', ms: 2000 }];
    return w;
  };

  it.each([
    ['json', '"rechecked": false'],
    ['pretty', 'the findings above predate these fixes'],
    ['markdown', 'the findings above predate them'],
  ])('-o %s: the findings are said to predate the fixes, and no later step starts', async (format, says) => {
    const own = await startFakeAws(world());
    try {
      const env = testEnv(own.url);
      const child = spawn(process.execPath, [CLI, ...ARGS.slice(0, -1), '--fix', '--yes', '-o', format], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.resume();
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      while (!own.requests.some((r) => r.action === 'cognito-idp:AdminEnableUser')) {
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill('SIGINT');
      expect(await closed).toBe(130);
      expect(stdout).toContain(says);
      expect(stdout).toContain('after a fix was sent, before the checks ran again');
      expect(stdout).not.toMatch(/state after|ran again after them/);
      // The write was sent once; the suppression step after it was not; nothing was read again.
      expect(own.requests.filter((r) => !isReadOnly(r.operation))).toMatchObject([
        { action: 'cognito-idp:AdminEnableUser' },
      ]);
      expect(own.requests.filter((r) => r.action === 'cognito-idp:AdminGetUser')).toHaveLength(1);
      if (format === 'json') {
        const report = JSON.parse(stdout) as Report;
        expect(schemaErrors(report)).toEqual([]);
        expect(report.exitCode).toBe(130);
        expect(report.fixes?.map((f) => [f.code, f.status])).toEqual([
          ['user-disabled', 'applied'],
          ['ses-account-suppression-list', 'skipped'],
        ]);
        expect(report.fixes![1]!.message).toBe('Not attempted: the run was interrupted (SIGINT).');
      }
    } finally {
      await own.close();
    }
  });
});
