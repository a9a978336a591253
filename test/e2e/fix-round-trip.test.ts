// --fix over every scenario world: the --dry-run plan is what --fix --yes sends, every step is the
// request its finding published, every applied step's cause is gone after the re-check (or the step
// says what remains), every write is in iam/fix-policy.json, and a world with no plan sends no write.
// Then every published write is replayed through the real aws CLI v2 (/usr/bin/aws, Debian's awscli)
// and through the SDK against the test endpoint, which must receive the same action and input.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AwsCaller } from '../../src/aws/caller.js';
import { VERSION_NOTE } from '../../src/remedy/cli-versions.js';
import { requestOf } from '../../src/remedy/commands.js';
import { sdkInput, type PublishedRequest } from '../../src/remedy/write-request.js';
import { startFakeAws, type FakeAws } from '../fake/server.js';
import { ROOT, runCli, testEnv } from '../helpers/cli.js';
import { isReadOnly, loadScenarios } from '../helpers/scenarios.js';
import { schemaErrors } from '../helpers/schema.js';
import { AWS_CLI, awsCliBatch, otherAwsCli } from '../helpers/aws-cli.js';
import { limiter } from '../helpers/limit.js';

interface Finding {
  code?: string;
  status: string;
  evidence?: Record<string, unknown>;
  remediation?: { commands: string[]; requests?: PublishedRequest[] };
}

interface FixRecord {
  code: string;
  status: string;
  action: string;
  region: string;
  input: Record<string, unknown>;
  command: string;
  message?: string;
}

interface Report {
  findings: Finding[];
  fixes?: FixRecord[];
}

const fixPolicy = new Set<string>(
  JSON.parse(readFileSync(join(ROOT, 'iam/fix-policy.json'), 'utf8')).Statement.flatMap(
    (s: { Action: string[] }) => s.Action,
  ),
);

/** The writes the endpoint received (signed with `accessKey`, when given). */
const writesOf = (fake: FakeAws, accessKey?: string) =>
  fake.requests
    .filter((r) => !isReadOnly(r.operation) && (accessKey === undefined || r.accessKey === accessKey))
    .map((r) => ({ action: r.action, region: r.region, input: r.input }));
const blocking = (report: Report) =>
  new Set(report.findings.filter((f) => f.status === 'fail' || f.status === 'warn').map((f) => f.code));

async function run(world: unknown, args: string[]): Promise<{ report: Report; writes: ReturnType<typeof writesOf> }> {
  const fake = await startFakeAws(structuredClone(world) as never);
  try {
    const result = await runCli([...args, '--json'], testEnv(fake.url));
    const report = JSON.parse(result.stdout) as Report;
    expect(schemaErrors(report)).toEqual([]);
    return { report, writes: writesOf(fake) };
  } finally {
    await fake.close();
  }
}

/** Every write any world's report published, by its command line (the replay below). */
const published = new Map<string, PublishedRequest>();
/** Writes whose printed line needs a newer aws CLI than this machine has. */
const notReplayed: string[] = [];
/** Every command line any world's report printed (the aws CLI version check below). */
const printed = new Set<string>();
const figures = { worlds: 0, planned: 0, applied: 0, cleared: 0, remaining: [] as string[], refused: [] as string[] };
const skipped: string[] = [];

// One world after another: the in-process runs take turns anyway (runCli), and a test's time is then
// its own runs, not the queue behind the others.
describe('--fix round trip over every scenario world', () => {
  for (const scenario of loadScenarios()) {
    it(scenario.name, async () => {
      const dry = await run(scenario.world, [scenario.command ?? 'forgot-password', ...scenario.args, '--dry-run']);
      expect(dry.writes).toEqual([]);
      const plan = dry.report.fixes ?? [];
      for (const f of dry.report.findings) for (const r of f.remediation?.requests ?? []) published.set(r.command, r);
      for (const f of dry.report.findings) for (const c of f.remediation?.commands ?? []) printed.add(c);

      // Each step is exactly a request its (blocking) finding published.
      for (const step of plan) {
        const finding = dry.report.findings.find(
          (f) =>
            f.code === step.code &&
            f.status === 'fail' &&
            f.remediation?.requests?.some((r) => r.command === step.command),
        );
        expect(finding, `${step.code}: ${step.command}`).toBeDefined();
        const request = finding!.remediation!.requests!.find((r) => r.command === step.command)!;
        expect({ action: step.action, region: step.region, input: step.input }).toEqual({
          action: request.action,
          region: request.region,
          input: request.input,
        });
        expect(fixPolicy, step.action).toContain(step.action);
      }

      const fix = await run(scenario.world, [
        scenario.command ?? 'forgot-password',
        ...scenario.args,
        '--fix',
        '--yes',
      ]);
      const records = fix.report.fixes ?? [];
      // The same steps, in the same order; what --fix --yes sent is exactly the steps it applied.
      expect(records.map((r) => [r.code, r.action, r.region, r.input])).toEqual(
        plan.map((p) => [p.code, p.action, p.region, p.input]),
      );
      const sent = records.filter((r) => r.status === 'applied' || r.status === 'failed' || r.status === 'unknown');
      expect(fix.writes).toEqual(sent.map((r) => ({ action: r.action, region: r.region, input: r.input })));
      for (const r of records) {
        if (r.status === 'refused') expect(plan.find((p) => p.command === r.command)?.status).toBe('refused');
        if (r.status === 'skipped') expect(r.message).toMatch(/at a terminal/);
      }
      expect(records.filter((r) => r.status === 'failed' || r.status === 'unknown')).toEqual([]);
      if (scenario.expect.fixes) {
        expect(Object.fromEntries(records.map((r) => [r.code, r.status]))).toEqual(scenario.expect.fixes);
      }

      // Each applied step's cause is gone, or the step says what remains.
      const after = blocking(fix.report);
      const applied = records.filter((r) => r.status === 'applied');
      for (const r of applied) {
        if (after.has(r.code)) {
          expect(r.message, `${r.code} is still reported after ${r.action}`).toMatch(
            new RegExp(`^Applied; the re-run still reports ${r.code}\\. \\S`),
          );
        }
      }
      // The re-check reports no cause the fix itself created: nothing new that blocks or warns, and no
      // finding read from the user's modification date (the fix's write is not a contact change).
      if (applied.length) {
        const dated = (report: Report) =>
          new Set(
            report.findings
              .filter((f) => f.status !== 'pass' && 'AdminGetUser.UserLastModifiedDate' in (f.evidence ?? {}))
              .map((f) => f.code),
          );
        const before = blocking(dry.report);
        expect([...after].filter((c) => !before.has(c))).toEqual([]);
        expect([...dated(fix.report)].filter((c) => !dated(dry.report).has(c))).toEqual([]);
      }

      figures.worlds++;
      figures.planned += plan.length;
      figures.applied += applied.length;
      figures.cleared += applied.filter((r) => !after.has(r.code)).length;
      figures.remaining.push(...applied.filter((r) => after.has(r.code)).map((r) => `${scenario.name}: ${r.code}`));
      figures.refused.push(
        ...records.filter((r) => r.status === 'refused').map((r) => `${scenario.name}: ${r.message}`),
      );
      skipped.push(...records.filter((r) => r.status === 'skipped').map((r) => `${scenario.name}: ${r.action}`));
    });
  }
});

async function sh(command: string, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  try {
    await promisify(execFile)('sh', ['-c', command], { env });
    return { code: 0, stderr: '' };
  } catch (err) {
    const e = err as { code?: number; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stderr: e.stderr ?? '' };
  }
}
const NEW_PASSWORD = 'Replay-Passw0rd!';
const NEW_EMAIL = 'replayed@example.com';

describe.runIf(existsSync(AWS_CLI))('the printed aws lines, replayed through the real aws CLI', () => {
  it('send the same action, Region and input as the SDK write made from the same description', async () => {
    expect(published.size).toBeGreaterThan(0);
    // A username that starts with `-` (passed as --username=-rf) and a guarded NEW_EMAIL are among them.
    expect([...published.keys()].filter((l) => l.includes(' --username=-rf '))).not.toEqual([]);
    expect([...published.values()].filter((r) => r.placeholders?.NEW_EMAIL)).not.toEqual([]);
    // Debian's 2.9.19 replays every line it has the subcommand for; a line that says it needs a newer
    // CLI goes through another aws on PATH, or is left out (and counted) on a machine without one.
    const newer = otherAwsCli();
    const cliFor = (r: PublishedRequest) => (r.command.endsWith(VERSION_NOTE) ? newer : AWS_CLI);
    const requests = [...published.values()].filter((r) => cliFor(r));
    notReplayed.push(...[...published.values()].filter((r) => !cliFor(r)).map((r) => r.action));
    expect(requests.filter((r) => cliFor(r) === AWS_CLI).length).toBeGreaterThan(0);
    const fake = await startFakeAws({ pools: {} });
    try {
      // Each line its own process, a few at once (the endpoint answers from this process, so never a
      // synchronous spawn), each signing with its own access key so its request can be told apart. The
      // endpoint may refuse the write (this world has no such user); only a line the CLI cannot parse
      // (exit 252, "usage:") fails here.
      const keyOf = (i: number) => `AKIDREPLAY${String(i)}`;
      const limit = limiter(4);
      await Promise.all(
        requests.map((r, i) =>
          limit(async () => {
            const env = { ...testEnv(), AWS_ACCESS_KEY_ID: keyOf(i), NEW_PASSWORD, NEW_EMAIL, AWS_PAGER: '' };
            // The note is a shell comment: the endpoint goes before it.
            const line = `${cliFor(r)!}${r.command.replace(VERSION_NOTE, '').trimEnd().slice('aws'.length)}`;
            const cli = await sh(`${line} --endpoint-url ${fake.url} --cli-read-timeout 10`, env);
            expect(cli.code === 252 || cli.stderr.includes('usage:'), `${r.command}\n${cli.stderr}`).toBe(false);
          }),
        ),
      );
      const viaCli = requests.map((_, i) => writesOf(fake, keyOf(i)));
      fake.requests.length = 0;
      // The SDK in this process, with the same dummy credentials (this worker's own environment).
      const saved = { ...process.env };
      Object.assign(process.env, {
        AWS_ACCESS_KEY_ID: 'AKIDTESTFAKE',
        AWS_SECRET_ACCESS_KEY: 'test-secret',
        HOME: testEnv().HOME,
      });
      const caller = new AwsCaller({ endpointUrl: fake.url });
      try {
        for (const r of requests) {
          const request = requestOf(r);
          const input = sdkInput(request, { NEW_PASSWORD, NEW_EMAIL });
          await caller.write(request.action, request.region, input, { once: true }).catch((err: unknown) => {
            // Refused by the endpoint is fine (no such user here); not sent at all is not.
            expect((err as Error).name, (err as Error).message).toBe('AwsCallError');
          });
        }
      } finally {
        caller.stop();
        process.env = saved;
      }
      // Line i sent exactly one write, the one the SDK sent for description i.
      const viaSdk = writesOf(fake).map((w) => [w]);
      expect(viaCli.map((w) => JSON.stringify(w))).toEqual(viaSdk.map((w) => JSON.stringify(w)));
      expect(viaCli.map((w) => w.map((x) => x.action))).toEqual(requests.map((r) => [r.action]));
    } finally {
      await fake.close();
    }
  }, 600_000);
});

describe.runIf(existsSync(AWS_CLI))('the printed aws lines on the aws CLI that Debian ships', () => {
  it('use subcommands it has, or say which version they need', async () => {
    expect(printed.size).toBeGreaterThan(0);
    const pairs = new Map<string, boolean>();
    for (const line of printed) {
      const [, service, subcommand] = line.split(' ');
      pairs.set(
        `${service} ${subcommand}`,
        (pairs.get(`${service} ${subcommand}`) ?? false) || line.endsWith(VERSION_NOTE),
      );
    }
    const list = [...pairs];
    // `aws <service> <subcommand> help` for every pair, through the CLI's own driver in one process.
    const answers = await awsCliBatch(
      list.map(([pair]) => [...pair.split(' '), 'help']),
      { ...testEnv(), AWS_PAGER: '' },
    );
    const wrong: string[] = [];
    list.forEach(([pair, noted], i) => {
      const known = answers[i]!.rc === 0;
      if (known === noted) wrong.push(`${pair}: ${known ? 'exists in 2.9.19 but is noted' : 'missing, no note'}`);
    });
    expect(wrong).toEqual([]);
  }, 600_000);
});

afterAll(() => {
  console.log(
    [
      `--fix round trip: ${figures.worlds} worlds, ${figures.planned} steps planned, ${figures.applied} applied with --yes, ${figures.cleared} causes cleared`,
      `  left to the operator at a terminal: ${skipped.length} (${skipped.join('; ')})`,
      `  applied, cause still reported by design: ${figures.remaining.join('; ')}`,
      `  refused: ${figures.refused.join(' | ')}`,
      `  aws CLI replay: ${published.size} published writes, ${published.size - notReplayed.length} through ${AWS_CLI} or a newer aws on PATH${notReplayed.length ? `; not replayed (no newer aws CLI here): ${notReplayed.join(', ')}` : ''}`,
    ].join('\n'),
  );
});
