// The pool census end to end: the real SDK against the test endpoint, through run() (and once through
// the built CLI): counts, examples, fixes, --limit, --redact, a listing that fails part-way, a signal
// part-way, and every report valid against the census schema with no undescribed field.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { census } from '../../src/census/run.js';
import type { CensusReport } from '../../src/census/report.js';
import { createStyle } from '../../src/render/style.js';
import { startFakeAws, type FakeAws } from '../fake/server.js';
import { loadWorld, resolveWorld, WORLDS_DIR, type UserWorld, type World } from '../fake/world.js';
import { ROOT, runCli, spawnCli, testEnv } from '../helpers/cli.js';
import { censusSchemaErrors, openCensusSchemaErrors } from '../helpers/schema.js';
import net from 'node:net';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { vi } from 'vitest';
import { offline, recordingsDir, secretsOf } from '../helpers/replay.js';
import { recordingSchemaErrors } from '../helpers/schema.js';

const POOL = 'eu-west-1_AbC123';
const CENSUS_WORLD = join(ROOT, 'test/worlds/census.json');

/** The census world with a patch on its pool (settings, users) and the world's own fields (faults). */
function world(pool: Record<string, unknown> = {}, extra: Partial<World> = {}): World {
  return resolveWorld({ extends: 'census', pools: { [POOL]: pool }, ...extra } as unknown as World, WORLDS_DIR);
}

/** `n` users, each with a verified e-mail address: three pages and a bit. */
function users(n: number, prefix = 'user'): Record<string, UserWorld> {
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `${prefix}${String(i).padStart(4, '0')}`,
      { attributes: { email: `${prefix}${i}@example.com`, email_verified: 'true' }, status: 'CONFIRMED' },
    ]),
  );
}

async function pool(
  w: World,
  args: string[] = [],
): Promise<{ code: number | null; report: CensusReport; stderr: string }> {
  const fake = await startFakeAws(w);
  try {
    const r = await runCli(['pool', '-p', POOL, '--json', ...args], testEnv(fake.url));
    const report = JSON.parse(r.stdout) as CensusReport;
    expect(censusSchemaErrors(report)).toEqual([]);
    return { code: r.code, report, stderr: r.stderr };
  } finally {
    await fake.close();
  }
}

const byId = (r: CensusReport) => Object.fromEntries(r.classes.map((c) => [c.id, c]));

describe('pool census', () => {
  let mixed: Awaited<ReturnType<typeof pool>>;
  beforeAll(async () => {
    mixed = await pool(loadWorld(CENSUS_WORLD));
  });

  it('classifies every user of a mixed pool, with examples and a fix per class', () => {
    const r = mixed.report;
    expect(mixed.code).toBe(1);
    expect(r.exitCode).toBe(1);
    expect(r.users).toMatchObject({ listing: 'complete', classified: 13, reachable: 4, unreachable: 9, uncertain: 0 });
    const counts = Object.fromEntries(r.classes.map((c) => [c.id, c.count]));
    expect(counts).toEqual({
      email: 3,
      sms: 1,
      'federated-user': 1,
      'user-disabled': 1,
      'user-unconfirmed': 1,
      'temp-password-expired': 2,
      'user-force-change-password': 1,
      'unrecognised-user-status': 1,
      'no-verified-contact': 2,
    });
    const c = byId(r);
    expect(c.email!.examples).toEqual(['jane', 'alice', 'hank']);
    expect(c['no-verified-contact']!.examples).toEqual(['gina', 'ivy']);
    expect(c['temp-password-expired']!.examples).toEqual(['frank', 'kim']);
    expect(c['user-force-change-password']!.examples).toEqual(['erin']);
    expect(c['user-disabled']!.fix!.commands).toEqual([
      'aws cognito-idp admin-enable-user --user-pool-id eu-west-1_AbC123 --username "${USERNAME:?set USERNAME}" --region eu-west-1',
    ]);
    expect(c['federated-user']!.fix).toEqual({
      text: 'Reset the password at the identity provider, or sign in through it.',
      commands: [],
    });
    expect(c.email!.fix).toBeNull();
    expect(r.summary).toBe('9 users of 13 cannot receive a ForgotPassword code.');
  });

  it('a resent invitation names the medium that reaches each user: one line per medium the class needs', () => {
    const c = byId(mixed.report);
    const resend = (medium: string) =>
      `aws cognito-idp admin-create-user --user-pool-id eu-west-1_AbC123 --username "\${USERNAME:?set USERNAME}" --message-action RESEND --desired-delivery-mediums ${medium} --region eu-west-1`;
    // frank has an e-mail address, kim only a phone number: an EMAIL invitation would not reach kim.
    expect(c['temp-password-expired']!.fix).toEqual({
      text: 'Resend the invitation: it issues a new temporary password and restarts the validity period. Resend it by EMAIL for the 1 user with an e-mail address, by SMS for the 1 user with a phone number and no e-mail address:',
      commands: [resend('EMAIL'), resend('SMS')],
    });
    expect(c['user-force-change-password']!.fix!.commands).toEqual([resend('EMAIL')]);
  });

  it('invited users with only phone numbers get only an SMS line; those with no contact are told apart', async () => {
    const phone = (n: number) => ({
      attributes: { phone_number: `+44740012310${n}`, phone_number_verified: 'false' },
      status: 'FORCE_CHANGE_PASSWORD',
      created: 'now-1d',
    });
    const { report } = await pool(
      world({
        users: {
          erin: null,
          crew1: phone(1),
          crew2: phone(2),
          crew3: { attributes: {}, status: 'FORCE_CHANGE_PASSWORD', created: 'now-1d' },
        },
      }),
    );
    const fix = byId(report)['user-force-change-password']!.fix!;
    expect(fix.commands).toHaveLength(1);
    expect(fix.commands[0]).toContain('--message-action RESEND --desired-delivery-mediums SMS ');
    expect(fix.text).toBe(
      'Tell the user to sign in with the invitation, or resend it (a new temporary password). No invitation reaches the 1 user with neither an e-mail address nor a phone number until an administrator sets one. Resend it by SMS for the 2 users with a phone number and no e-mail address:',
    );
    // The class holds only users no medium reaches: no resend line at all.
    const none = await pool(
      world({
        users: {
          frank: null,
          kim: null,
          crew9: { attributes: {}, status: 'FORCE_CHANGE_PASSWORD', created: 'now-30d' },
        },
      }),
    );
    expect(byId(none.report)['temp-password-expired']!.fix).toEqual({
      text: 'Resend the invitation: it issues a new temporary password and restarts the validity period. No invitation reaches the 1 user with neither an e-mail address nor a phone number until an administrator sets one.',
      commands: [],
    });
  });

  it("the census's resend line is the single diagnosis's, for the same user", async () => {
    const fake = await startFakeAws(loadWorld(CENSUS_WORLD));
    try {
      const r = await runCli(['invitation', 'kim', '-p', POOL, '--json'], testEnv(fake.url));
      const commands = (JSON.parse(r.stdout) as { findings: { remediation?: { commands: string[] } }[] }).findings
        .flatMap((f) => f.remediation?.commands ?? [])
        .filter((line) => line.includes('admin-create-user'));
      expect(commands.length).toBeGreaterThan(0);
      const census = byId(mixed.report)['temp-password-expired']!.fix!.commands[1]!;
      for (const line of commands)
        expect(line.replace('--username kim', '--username "${USERNAME:?set USERNAME}"')).toBe(census);
    } finally {
      await fake.close();
    }
  });

  it('runs the pool-level checks once, without a user, and reads every user in one listing', () => {
    const r = mixed.report;
    expect(r.pool.findings.map((f) => `${f.check} ${f.status}`)).toEqual([
      'pool pass',
      'contact pass',
      'recovery pass',
      'sms pass',
      'email pass',
      'triggers pass',
    ]);
    expect(r.users.pages).toBe(1);
  });

  it('the shipped schema accepts the report; the strict copy refuses an undescribed field anywhere', () => {
    const r = mixed.report as unknown as Record<string, unknown>;
    expect(openCensusSchemaErrors(r)).toEqual([]);
    type Json = Record<string, unknown>;
    const places: (string | number)[][] = [
      [],
      ['tool'],
      ['target'],
      ['pool'],
      ['users'],
      ['classes', 0],
      ['classes', 5, 'fix'],
    ];
    for (const path of places) {
      const doc = structuredClone(r);
      const at = path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, doc);
      at.undescribed = true;
      expect(openCensusSchemaErrors(doc), path.join('.')).toEqual([]);
      expect(censusSchemaErrors(doc), path.join('.')).toContainEqual(
        expect.stringContaining('must NOT have additional properties: {"additionalProperty":"undescribed"}'),
      );
    }
  });

  it('pages through ListUsers 60 at a time, and --limit samples the first users', async () => {
    const w = world({ users: users(130) });
    const all = await pool(w);
    expect(all.report.users).toMatchObject({ listing: 'complete', classified: 143, pages: 3 });
    const sample = await pool(world({ users: users(130) }), ['--limit', '70']);
    expect(sample.report.users).toMatchObject({ listing: 'sampled', classified: 70, pages: 2, limit: 70 });
    expect(sample.report.summary).toMatch(/a sample: the first users only/);
    // The limit met inside the last page still leaves users out: a sample, not the pool.
    const lastPage = await pool(world({ users: users(130) }), ['--limit', '130']);
    expect(lastPage.report.users).toMatchObject({ listing: 'sampled', classified: 130, pages: 3 });
    // A limit of exactly every user is the whole pool.
    const exact = await pool(world({ users: users(130) }), ['--limit', '143']);
    expect(exact.report.users).toMatchObject({ listing: 'complete', classified: 143, pages: 3 });
  });

  it('--redact masks the example usernames and keeps the pool and the vocabulary', async () => {
    // A user named like a class: its name is masked, the class id is not.
    const named = { attributes: { phone_number: '+447400123003', phone_number_verified: 'true' } };
    const { report } = await pool(world({ users: { email: named } }), ['--redact']);
    // A short name is masked whole.
    expect(byId(report).sms!.examples).toEqual(['***', 'e***']);
    expect(report.classes.map((c) => c.id)).toContain('email');
    const examples = report.classes.flatMap((c) => c.examples);
    expect(examples).not.toContain('jane');
    expect(examples).toContain('j***');
    expect(JSON.stringify(report)).not.toMatch(/Google_104738291046512345678|alice|gina/);
    expect(report.target.userPoolId).toBe(POOL);
  });

  it('a listing throttled part-way is an inconclusive partial census that names the error', async () => {
    const w = world(
      { users: users(130) },
      { faults: [{ operation: 'cognito-idp:ListUsers', kind: 'throttle', after: 2 }] },
    );
    const { code, report } = await pool(w);
    expect(code).toBe(3);
    expect(report.users).toMatchObject({ listing: 'failed', classified: 120, pages: 2 });
    expect(report.users.error).toMatchObject({ action: 'cognito-idp:ListUsers', code: 'TooManyRequestsException' });
    expect(report.summary).toMatch(/the listing failed part-way: a partial census/);
  });

  it('ListUsers denied: no user classified, the census inconclusive, the pool checks still reported', async () => {
    const w = world({}, { faults: [{ operation: 'cognito-idp:ListUsers', kind: 'access-denied' }] });
    const { code, report } = await pool(w);
    expect(code).toBe(3);
    expect(report.users).toMatchObject({ listing: 'failed', classified: 0 });
    expect(report.users.error!.code).toBe('AccessDeniedException');
    expect(report.pool.findings.find((f) => f.check === 'pool')!.status).toBe('pass');
  });

  it('a pool that cannot be read is an AWS setup error, and no listing', async () => {
    const fake = await startFakeAws(loadWorld(CENSUS_WORLD));
    try {
      const r = await runCli(['pool', '-p', 'eu-west-1_Missing1', '--json'], testEnv(fake.url));
      const report = JSON.parse(r.stdout) as CensusReport;
      expect(censusSchemaErrors(report)).toEqual([]);
      expect(r.code).toBe(4);
      expect(report.users).toMatchObject({ listing: 'not-read', classified: 0 });
      expect(fake.requests.some((q) => q.action === 'cognito-idp:ListUsers')).toBe(false);
    } finally {
      await fake.close();
    }
  });

  it('admin_only recovery: every confirmed, enabled user is unreachable, and the pool check fails', async () => {
    const w = world({
      pool: { AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] } },
    });
    const { code, report } = await pool(w);
    expect(code).toBe(1);
    // Before any contact: a user with nothing verified is refused for the setting as well.
    expect(byId(report)['recovery-admin-only']!.count).toBe(6);
    expect(report.pool.findings.find((f) => f.check === 'recovery')!.code).toBe('recovery-admin-only');
  });

  it('MFA optional: a user whose only verified contact an MFA factor could rule out is uncertain (exit 3)', async () => {
    const w = world({
      pool: { MfaConfiguration: 'OPTIONAL' },
      users: {
        jane: null,
        alice: null,
        hank: null,
        carol: null,
        dave: null,
        erin: null,
        frank: null,
        kim: null,
        Google_104738291046512345678: null,
        gina: null,
        ivy: null,
        zed: null,
        both: {
          attributes: {
            email: 'both@example.com',
            email_verified: 'true',
            phone_number: '+447400123002',
            phone_number_verified: 'true',
          },
        },
      },
    });
    const { code, report } = await pool(w);
    const c = byId(report);
    expect(c.email!.examples).toEqual(['both']);
    expect(c['mfa-may-disqualify']!.examples).toEqual(['bob']);
    expect(c['mfa-may-disqualify']!.reachable).toBeNull();
    expect(report.users.uncertain).toBe(1);
    expect(code).toBe(3);
  });

  it('a verified phone with e-mail-only recovery: the recovery setting rules the user out', async () => {
    const w = world({
      pool: { AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] } },
    });
    const { report } = await pool(w);
    expect(byId(report)['recovery-channel-not-verified-for-user']!.examples).toEqual(['bob']);
  });

  it('markdown: a table of classes and a section per unreachable class, for a ticket', async () => {
    const fake = await startFakeAws(loadWorld(CENSUS_WORLD));
    try {
      const r = await runCli(['pool', '-p', POOL, '-o', 'markdown'], testEnv(fake.url));
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        '| 2 | 15% | ❌ fail no-verified-contact: No verified e-mail address or phone number | `gina`, `ivy` |',
      );
      expect(r.stdout).toContain('### user-disabled (1)');
      expect(r.stdout).toContain('**9 users of 13 cannot receive a ForgotPassword code.**');
    } finally {
      await fake.close();
    }
  });
});

describe('pool census as a process and under a signal', () => {
  let fake: FakeAws;
  beforeAll(async () => {
    fake = await startFakeAws(loadWorld(CENSUS_WORLD));
  });
  afterAll(() => fake.close());

  it('the built CLI prints the pretty census and exits 1', async () => {
    const r = await spawnCli(['pool', '-p', POOL], testEnv(fake.url));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('9 users of 13 cannot receive a ForgotPassword code.');
    expect(r.stdout).toMatch(/✖ 2 +15% +no-verified-contact/);
    expect(r.stderr).toBe('');
  });

  it('an interrupt part-way stops the listing: a partial census marked as such, exit 130', async () => {
    const slow = await startFakeAws(
      world(
        { users: users(130) },
        { faults: [{ operation: 'cognito-idp:ListUsers', kind: 'latency', ms: 400, after: 1 }] },
      ),
    );
    const interrupt = new AbortController();
    // Interrupt while the second page is in flight.
    const watch = setInterval(() => {
      if (slow.requests.filter((q) => q.action === 'cognito-idp:ListUsers').length >= 2) {
        clearInterval(watch);
        interrupt.abort('SIGINT');
      }
    }, 5);
    const saved = process.env;
    process.env = testEnv(slow.url);
    try {
      const { report } = await census(
        { userPoolId: POOL, region: 'eu-west-1', output: 'json', redact: false, verbose: false, timeoutMs: 60_000 },
        {
          stderr: new Writable({
            write: (_c, _e, done) => {
              done();
            },
          }),
          env: process.env,
          style: createStyle(false),
          version: 'test',
          interrupt: interrupt.signal,
        },
      );
      expect(censusSchemaErrors(report)).toEqual([]);
      expect(report.exitCode).toBe(130);
      expect(report.interrupted).toBe('SIGINT');
      expect(report.users).toMatchObject({ listing: 'interrupted', classified: 60 });
      expect(report.summary).toMatch(/interrupted: a partial census/);
    } finally {
      clearInterval(watch);
      process.env = saved;
      await slow.close();
    }
  });
});

describe('pool --record and --replay', () => {
  const dir = recordingsDir();
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  /** The report without what only the clock decides: the run's length and the listing's speed. */
  const timeless = (stdout: string) => {
    const { durationMs: _, users, ...rest } = JSON.parse(stdout) as CensusReport;
    const { usersPerSecond: _speed, ...counts } = users;
    return { ...rest, users: counts };
  };

  /** Record a census of `w` with `args`; the live run, the file and the recording. */
  async function record(name: string, w: World, args: string[] = []) {
    const file = join(dir, `${name}.json`);
    const fake = await startFakeAws(w);
    try {
      const env = testEnv(fake.url);
      const live = await runCli(['pool', '-p', POOL, '--json', ...args, '--record', file], env);
      const text = readFileSync(file, 'utf8');
      expect(recordingSchemaErrors(JSON.parse(text))).toEqual([]);
      for (const secret of secretsOf(w, env)) expect(text, `the recording holds ${secret}`).not.toContain(secret);
      const recording = JSON.parse(text) as {
        target: Record<string, unknown>;
        commandLine: string[];
        redacted: boolean;
        answers: { action: string; input: Record<string, unknown> }[];
      };
      return { live, file, env, recording, text };
    } finally {
      await fake.close();
    }
  }

  it('a --record file that cannot be written is a usage error before the first page', async () => {
    const fake = await startFakeAws(world({ users: users(3) }));
    try {
      const r = await runCli(
        ['pool', '-p', POOL, '--json', '--record', join(dir, 'no-such-dir', 'x.json')],
        testEnv(fake.url),
      );
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout)).toMatchObject({ error: { kind: 'usage' }, exitCode: 2 });
      expect(fake.requests).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('replays every ListUsers page with no endpoint, no credentials and no socket, to the same report', async () => {
    const { live, file, env, recording } = await record('pages', world({ users: users(130) }));
    expect(recording.target).toEqual({
      command: 'pool',
      userPoolId: POOL,
      region: 'eu-west-1',
      input: '',
      sinceMs: 86_400_000,
    });
    // Three pages, streamed unmemoised, all kept: the first without a token, the next two with one.
    const pages = recording.answers.filter((a) => a.action === 'cognito-idp:ListUsers');
    expect(pages.map((a) => 'PaginationToken' in a.input).sort()).toEqual([false, true, true]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const bare = offline(env);
    delete bare.AWS_ENDPOINT_URL;
    const connect = vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(() => {
      throw new Error('a replay opened a socket');
    });
    try {
      const replay = await runCli(['pool', '-p', POOL, '--json', '--replay', file], bare);
      expect(connect).not.toHaveBeenCalled();
      expect(replay.stderr).toBe('');
      expect(replay.code).toBe(live.code);
      expect((JSON.parse(replay.stdout) as CensusReport).users).toMatchObject({ listing: 'complete', classified: 143 });
      expect(timeless(replay.stdout)).toEqual(timeless(live.stdout));
    } finally {
      connect.mockRestore();
    }
  });

  it('--redact writes pseudonyms, and the replay is the same redacted census', async () => {
    const { live, file, env, text, recording } = await record('redacted', loadWorld(CENSUS_WORLD), ['--redact']);
    expect(recording.redacted).toBe(true);
    for (const personal of ['alice', 'Google_104738291046512345678', 'gina@example.com', '+447400123001']) {
      expect(text).not.toContain(personal);
    }
    // A redacted recording replays redacted, without --redact.
    const replay = await runCli(['pool', '-p', POOL, '--json', '--replay', file], offline(env));
    expect(replay.stderr).toBe('');
    expect(timeless(replay.stdout)).toEqual(timeless(live.stdout));
    expect(byId(JSON.parse(replay.stdout) as CensusReport)['no-verified-contact']!.examples).toEqual(['g***', '***']);
  });

  it('a replay must ask for the recorded pool and --limit, and cannot go with AWS-only options', async () => {
    const { file, env } = await record('target', loadWorld(CENSUS_WORLD), ['--limit', '5']);
    const other = await runCli(['pool', '-p', 'eu-west-1_Other99', '--limit', '5', '--replay', file], offline(env));
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('the recording is of `cognito-doctor pool -p eu-west-1_AbC123');
    expect(other.stderr).toContain('differs in userPoolId');
    const limit = await runCli(['pool', '-p', POOL, '--replay', file], offline(env));
    expect([limit.code, limit.stderr]).toEqual([2, expect.stringContaining('differs in limit')]);
    // A recording of one user is no census.
    const single = await runCli(['forgot-password', 'jane', '-p', POOL, '--replay', file], offline(env));
    expect([single.code, single.stderr]).toEqual([2, expect.stringContaining('differs in command, input')]);
    for (const flags of [
      ['--endpoint-url', 'http://127.0.0.1:9'],
      ['--profile', 'other'],
      ['--record', file],
    ]) {
      const r = await runCli(['pool', '-p', POOL, '--limit', '5', ...flags, '--replay', file], offline(env));
      expect([r.code, r.stderr], flags[0]).toEqual([2, expect.stringContaining(`${flags[0]} cannot go with it`)]);
    }
  });
});
