// --record and --replay beyond the scenario sweep (test/e2e/scenarios.test.ts replays every world):
// a replay opens no socket, a read the recording lacks is an error finding that names it, a replay
// must ask what was recorded, and a --fix run records only its reads.

import net from 'node:net';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startFakeAws } from '../fake/server.js';
import { loadWorld } from '../fake/world.js';
import { ROOT, runCli, testEnv } from '../helpers/cli.js';
import { clockless } from '../helpers/clock.js';
import { comparable, offline, recordingsDir } from '../helpers/replay.js';
import { isReadOnly } from '../helpers/scenarios.js';

const dir = recordingsDir();
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const demoWorld = () => loadWorld(join(ROOT, 'test/worlds/demo.json'));
const JANE = ['forgot-password', 'jane@example.com', '-p', 'eu-west-1_AbC123', '-c', '1example23456789', '--json'];

interface JsonReport {
  findings: { check: string; status: string; code?: string; message: string }[];
}

/** Record `args` against the demo world; the live run's result and the file. */
async function record(name: string, args: readonly string[]) {
  const file = join(dir, `${name}.json`);
  const fake = await startFakeAws(demoWorld());
  try {
    const live = await runCli([...args, '--record', file], testEnv(fake.url));
    return { live, file, env: testEnv(fake.url) };
  } finally {
    await fake.close();
  }
}

function writeAndName(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('--record and --replay', () => {
  it('replays with no endpoint at all, no credentials and no socket', async () => {
    const { live, file } = await record('no-socket', JANE);
    const env = offline(testEnv());
    delete env.AWS_ENDPOINT_URL;
    const connect = vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(() => {
      throw new Error('a replay opened a socket');
    });
    try {
      const replay = await runCli([...JANE, '--replay', file], env);
      expect(connect).not.toHaveBeenCalled();
      expect(replay.stderr).toBe('');
      expect(comparable(replay.stdout)).toEqual(comparable(live.stdout));
    } finally {
      connect.mockRestore();
    }
  });

  it.each([
    [
      'a missing directory',
      () => join(dir, 'no/such/dir.json'),
      `the directory ${join(dir, 'no/such')} does not exist`,
    ],
    ['a directory', () => dir, 'is a directory: name a file'],
    ['a file inside a file', () => writeAndName('plain.json', 'x') + '/x.json', 'plain.json is not a directory'],
  ])(
    'a --record path that cannot be written (%s) is a usage error before any request, --fix included',
    async (_, path, says) => {
      const fake = await startFakeAws(demoWorld());
      try {
        const file = path();
        const r = await runCli(
          ['forgot-password', 'dana', '-p', 'eu-west-1_AbC123', '--fix', '--yes', '--json', '--record', file],
          testEnv(fake.url),
        );
        expect(r.code).toBe(2);
        expect(JSON.parse(r.stdout)).toMatchObject({ error: { kind: 'usage' }, exitCode: 2 });
        expect(r.stderr).toContain(`--record ${file}: `);
        expect(r.stderr).toContain(`${says}; nothing was sent.`);
        expect(fake.requests).toEqual([]);
      } finally {
        await fake.close();
      }
    },
  );

  it('a recording that cannot be written at the end: the report still comes out, with the exit code 74 it exits with', async () => {
    const world = demoWorld();
    // A slow read keeps the run going while the directory of the --record file goes away.
    world.faults = [{ operation: 'logs:FilterLogEvents', kind: 'latency', ms: 1000 }];
    const fake = await startFakeAws(world);
    const gone = join(dir, 'gone');
    mkdirSync(gone);
    try {
      const run = runCli([...JANE, '--record', join(gone, 'evidence.json')], testEnv(fake.url));
      while (!fake.requests.some((r) => r.action === 'logs:FilterLogEvents'))
        await new Promise((r) => setTimeout(r, 10));
      rmSync(gone, { recursive: true });
      const r = await run;
      expect(r.code).toBe(74);
      const report = JSON.parse(r.stdout) as { verdict: { status: string }; exitCode: number };
      expect(report.verdict.status).toBe('deliverable');
      expect(report.exitCode).toBe(74);
      expect(r.stderr).toContain(
        `cognito-doctor: the recording could not be written to ${join(gone, 'evidence.json')}: ENOENT`,
      );
    } finally {
      await fake.close();
    }
  });

  it('a read the recording lacks is an error finding naming its action, Region and input', async () => {
    const { file, env } = await record('lacking', JANE);
    const recording = JSON.parse(readFileSync(file, 'utf8')) as { answers: { action: string }[] };
    recording.answers = recording.answers.filter((a) => a.action !== 'ses:GetAccount');
    writeFileSync(file, JSON.stringify(recording));
    const replay = await runCli([...JANE, '--replay', file], offline(env));
    expect(replay.code).toBe(3);
    const findings = (JSON.parse(replay.stdout) as JsonReport).findings.filter((f) => f.status === 'error');
    expect(findings.map((f) => f.check)).toEqual(['email']);
    expect(findings[0]!.message).toContain(
      'ses:GetAccount in eu-west-1 failed with NotRecorded: the recording holds no answer to ses:GetAccount in eu-west-1 with input {}',
    );
  });

  it('a replay must ask what was recorded, and can change nothing', async () => {
    const { file, env } = await record('target', JANE);
    const other = await runCli(['forgot-password', 'dana', '-p', 'eu-west-1_AbC123', '--replay', file], offline(env));
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('the recording is of `cognito-doctor forgot-password jane@example.com');
    expect(other.stderr).toContain('differs in input, clientId');
    const since = await runCli([...JANE, '--since', '7d', '--replay', file], offline(env));
    expect(since.stderr).toContain('differs in sinceMs');
    for (const flags of [
      ['--fix', '--yes'],
      ['--endpoint-url', 'http://127.0.0.1:9'],
      ['--record', file],
    ]) {
      const r = await runCli([...JANE, ...flags, '--replay', file], offline(env));
      expect(r.code, flags[0]).toBe(2);
      expect(r.stderr).toContain(`${flags[0]} cannot go with it`);
    }
    const notOne = join(dir, 'not-a-recording.json');
    writeFileSync(notOne, '{"schemaVersion": 1}');
    const r = await runCli([...JANE, '--replay', notOne], offline(env));
    expect([r.code, r.stderr]).toEqual([
      2,
      `cognito-doctor: --replay ${notOne} is not a cognito-doctor recording of version 1 (written by --record).\n`,
    ]);
    // A time that is no time: refused before any check reads a window computed from it.
    const recording = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(notOne, JSON.stringify({ ...recording, now: 'yesterday' }));
    const when = await runCli([...JANE, '--replay', notOne], offline(env));
    expect([when.code, when.stderr]).toEqual([
      2,
      `cognito-doctor: --replay ${notOne} is not a cognito-doctor recording of version 1 (written by --record).\n`,
    ]);
    // A file that cannot be read is named with why, in words.
    for (const [path, message] of [
      [dir, `--replay ${dir}: is a directory, not a recording`],
      [join(dir, 'missing.json'), `--replay ${join(dir, 'missing.json')}: no such file`],
      ['-', '--replay reads a file: for a recording on standard input, give /dev/stdin.'],
    ] as const) {
      const unread = await runCli([...JANE, '--replay', path], offline(env));
      expect([unread.code, unread.stderr], path).toEqual([2, `cognito-doctor: ${message}\n`]);
    }
    // A file that is not JSON is quoted in the error, never with its terminal codes.
    writeFileSync(notOne, '\u001b]0;PWNED\u0007\u001b[31m not json');
    const hostile = await runCli([...JANE, '--replay', notOne], offline(env));
    expect(hostile.code).toBe(2);
    expect(hostile.stderr).toContain(`--replay ${notOne}:`);
    expect(Array.from(hostile.stderr, (c) => c.charCodeAt(0)).filter((c) => c < 32 && c !== 10)).toEqual([]);
    // With --redact the recorded command line, which names the user, is not printed.
    const redacted = await runCli(
      ['forgot-password', 'dana', '-p', 'eu-west-1_AbC123', '--redact', '--replay', file],
      offline(env),
    );
    expect(redacted.code).toBe(2);
    expect(redacted.stderr).not.toContain('jane');
    expect(redacted.stderr).toContain('the recording is of another target; this replay differs in input, clientId');
  });

  it('a recording is readable by its owner only, also when it writes over an older file', async () => {
    const file = join(dir, 'owner-only.json');
    writeFileSync(file, 'an older file', { mode: 0o644 });
    const fake = await startFakeAws(demoWorld());
    try {
      await runCli([...JANE, '--record', file], testEnv(fake.url));
    } finally {
      await fake.close();
    }
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a redacted recording names the user by a pseudonym and replays to the same redacted report', async () => {
    const plus = ['forgot-password', '+44 7400 123457', '-p', 'eu-west-1_AbC123', '--json', '--redact'];
    const { live, file, env } = await record('redacted', plus);
    const recording = JSON.parse(readFileSync(file, 'utf8')) as { commandLine: string[]; redacted: boolean };
    expect(recording.redacted).toBe(true);
    expect(recording.commandLine[1]).toMatch(/^\+44 \d{4} \d{2}3457$/);
    expect(recording.commandLine[1]).not.toBe('+44 7400 123457');
    // With the real number the replay asks for another user; with the recorded command line (no
    // --redact needed: a redacted recording replays redacted) it prints the live report.
    const real = await runCli([...plus, '--replay', file], offline(env));
    expect(real.code).toBe(2);
    const replay = await runCli([...recording.commandLine.slice(0, -3), '--replay', file], offline(env));
    expect(replay.stderr).toBe('');
    expect(comparable(replay.stdout)).toEqual(comparable(live.stdout));
  });

  it('a --fix run records the reads it started from, never a write; the replay is that diagnosis', async () => {
    const erik = ['forgot-password', 'erik', '-p', 'eu-west-1_AbC123', '--json'];
    const fixed = await record('fix', [...erik, '--fix', '--yes']);
    expect((JSON.parse(fixed.live.stdout) as { fixes: unknown[] }).fixes.length).toBeGreaterThan(0);
    const recording = JSON.parse(readFileSync(fixed.file, 'utf8')) as { answers: { action: string }[] };
    expect(recording.answers.map((a) => a.action).filter((a) => !isReadOnly(a.split(':')[1]!))).toEqual([]);
    const before = await record('before-fix', erik);
    const replay = await runCli([...erik, '--replay', fixed.file], offline(fixed.env));
    // Two worlds, two clocks: the same findings but for the times.
    const findings = (r: { stdout: string }) =>
      clockless(JSON.stringify((JSON.parse(r.stdout) as JsonReport).findings, null, 2));
    expect(findings(replay)).toBe(findings(before.live));
  });
});
