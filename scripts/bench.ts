// `npm run bench`: the speed budgets, measured as ratios in one run on this machine (the node running it). Loopback only;
// every loop is bounded. It prints figures and never fails on wall-clock time: a noisy machine is not a bug.
// Start-up and the diagnosis without latency are given as wall time and as CPU time (user + system of the
// child process): on a machine shared with other work, CPU time is the steadier figure of the two.
//
//   start-up   median `node dist/cli.js --version` ÷ median `node -e 0`           (budget ≤ 1.2×)
//   diagnosis  one full diagnosis, no added latency ÷ median `node -e 0`           (budget ≤ 3×)
//   diagnosis  the same with 50 ms added to every AWS call                         (budget ≤ start-up + 3×50 + 100 ms)
//              AWS requests, duplicates (budget 0), dependent-call depth (budget ≤ 3)
//   flow       one diagnosis per command (demo world), 50 ms a call: wall, requests, depth
//   aws CLI    the same requests as a script of `aws` commands ÷ one diagnosis    (goal ≥ 10×; needs /usr/bin/aws)
//   batch      --users-file on 100 and 1,000 generated users, 50 ms a call: requests per user, pool-level
//              requests (must not grow with users), achieved request rate, batch time ÷ N single runs
//   census     `pool` on a generated pool of 20,000 users: users classified a second, ListUsers pages, and
//              the CLI's peak RSS for 60, 2,000 and 20,000 users (bounded memory: about the same)
//
//   SDK floor  the diagnosis's requests again, by bare SDK clients and none of the tool's code (sdk-floor.ts):
//              what the AWS SDK alone costs, at no added latency and at 50 ms a call
//
// `node build/bench.mjs batch` runs the batch section alone; `node build/bench.mjs diagnosis` start-up and
// the diagnosis (with the SDK floor) alone.

import { spawn } from 'node:child_process';
import { benchBatch } from './bench-batch.js';
import { floorRounds } from './bench-floor.js';
import type { Recording } from '../src/aws/recording.js';
import { DEMO_CASES, demoArgs } from './demo-cases.js';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeAws, type LoggedRequest } from '../test/fake/server.js';
import { loadWorld, type UserWorld } from '../test/fake/world.js';
import { testEnv } from '../test/helpers/env.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist/cli.js');
const FLOOR = join(ROOT, 'build/sdk-floor/floor.mjs');
const AWS_CLI = '/usr/bin/aws';
const STARTUP_RUNS = 15;
const DIAGNOSIS_RUNS = 7;
/** Runs of each flow's diagnosis (after one warm-up). */
const FLOW_RUNS = 3;
const LATENCY_MS = 50;
const POOL = 'eu-west-1_AbC123';
const DIAGNOSIS = ['forgot-password', 'jane', '--user-pool-id', POOL, '--client-id', '1example23456789', '--json'];

interface Timed {
  ms: number;
  /** CPU time (user + system) of a node child run with `cpuArgs`, in ms; NaN otherwise. */
  cpuMs: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Node arguments that make a node child write its own CPU time (process.cpuUsage: user + system since
 * the process began, microseconds) to file descriptor 3 as it exits. Node exposes no child's rusage, and
 * /usr/bin/time rounds to 10 ms, a quarter of a bare node's start-up. Both sides of a ratio carry it.
 */
function cpuArgs(dir: string): string[] {
  const preload = join(dir, 'cpu-time.cjs');
  writeFileSync(
    preload,
    "process.on('exit', () => { const u = process.cpuUsage(); try { require('node:fs').writeSync(3, String(u.user + u.system)); } catch {} });\n",
  );
  return ['--require', preload];
}

function timed(command: string, args: string[], env: Record<string, string>): Promise<Timed> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let cpu = '';
    const [, out, err, cpuTime] = child.stdio as unknown as NodeJS.ReadableStream[];
    out?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    err?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    cpuTime?.setEncoding('utf8').on('data', (d: string) => (cpu += d));
    child.on('error', fail);
    child.on('close', (code) => {
      done({ ms: performance.now() - started, cpuMs: cpu ? Number(cpu) / 1000 : NaN, code, stdout, stderr });
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (x: number) => `${Math.round(x)} ms`;
const ratio = (x: number) => `${x.toFixed(2)}×`;
const verdict = (ok: boolean) => (ok ? 'within budget' : 'OVER BUDGET');

/** Each request's depth: 1 + the deepest request that had completed before it arrived. */
function callDepths(requests: readonly LoggedRequest[]): Map<LoggedRequest, number> {
  const byArrival = [...requests].sort((a, b) => a.receivedAt - b.receivedAt);
  const depth = new Map<LoggedRequest, number>();
  for (const r of byArrival) {
    const before = byArrival.filter((q) => q.completedAt !== undefined && q.completedAt <= r.receivedAt);
    depth.set(r, 1 + Math.max(0, ...before.map((q) => depth.get(q) ?? 0)));
  }
  return depth;
}

const callDepth = (requests: readonly LoggedRequest[]) => Math.max(0, ...callDepths(requests).values());

function duplicates(requests: readonly LoggedRequest[]): string[] {
  const keys = requests.filter((r) => r.attempt === 1).map((r) => `${r.action} ${r.region} ${JSON.stringify(r.input)}`);
  return keys.filter((k, i) => keys.indexOf(k) !== i);
}

// --- the aws CLI equivalent of a logged request -------------------------------------------------

const CLI_SERVICE: Record<string, string> = { ses: 'sesv2', 'sms-voice': 'pinpoint-sms-voice-v2' };
const PAGING = new Set(['NextToken', 'nextToken', 'PaginationToken']);
/** `GetSMSSandboxAccountStatus` → `get-sms-sandbox-account-status`, as the CLI names operations and parameters. */
const kebab = (s: string) =>
  s
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** `aws <service> <operation> --<param> <value> …` for one logged request (JSON-encoded structures). */
function awsCommand(r: LoggedRequest, endpoint: string): string {
  const args = [CLI_SERVICE[r.service] ?? r.service, kebab(r.operation)];
  for (const [key, value] of Object.entries((r.input ?? {}) as Record<string, unknown>)) {
    if (PAGING.has(key) || value === undefined) continue;
    // JSON protocols send timestamps as epoch seconds; the CLI takes ISO 8601.
    const text = /Time$/.test(key) && typeof value === 'number' ? new Date(value * 1000).toISOString() : value;
    args.push(`--${kebab(key)}`, typeof text === 'string' ? text : JSON.stringify(text));
  }
  args.push('--region', r.region, '--endpoint-url', endpoint, '--output', 'json');
  return [AWS_CLI, ...args.map(shq)].join(' ');
}

// ------------------------------------------------------------------------------------------------

/**
 * One diagnosis per command (forgot-password, sign-up, verify-attribute, invitation), each on the demo
 * world's user for it, with 50 ms added to every AWS call: wall time, requests and call depth.
 */
async function perFlow(env: Record<string, string>): Promise<void> {
  const world = loadWorld(join(ROOT, 'test/worlds/demo.json'));
  world.latencyMs = LATENCY_MS;
  const fake = await startFakeAws(world);
  const commands = [...new Set(DEMO_CASES.map((c) => c.command ?? 'forgot-password'))];
  try {
    for (const command of commands) {
      const args = demoArgs(DEMO_CASES.find((c) => (c.command ?? 'forgot-password') === command)!);
      const walls: number[] = [];
      let requests = 0;
      let depth = 0;
      for (let i = 0; i < FLOW_RUNS + 1; i++) {
        fake.requests.length = 0;
        const r = await timed(process.execPath, [CLI, ...args, '--json'], { ...env, AWS_ENDPOINT_URL: fake.url });
        const report = JSON.parse(r.stdout) as { command?: string };
        if (report.command !== command) throw new Error(`${args.join(' ')}: no ${command} report (exit ${r.code})`);
        if (i > 0) walls.push(r.ms);
        requests = fake.requests.length;
        depth = callDepth(fake.requests);
      }
      process.stdout.write(
        `flow       ${args.join(' ')}, ${LATENCY_MS} ms a call: wall ${ms(median(walls))} (median of ${FLOW_RUNS}), ${requests} AWS requests, call depth ${depth}\n`,
      );
    }
    process.stdout.write('\n');
  } finally {
    await fake.close();
  }
}

// ------------------------------------------------------------------------------------------------

const CENSUS_USERS = 20_000;

/** A generated user: mostly reachable, with each state a census tells apart in a realistic share. */
function censusUser(i: number): UserWorld {
  const email = { email: `user${i}@example.com`, email_verified: 'true' };
  const phone = { phone_number: `+4474${String(10_000_000 + i).slice(-8)}`, phone_number_verified: 'true' };
  const kind = i % 100;
  if (kind < 70) return { attributes: email };
  if (kind < 80) return { attributes: phone };
  if (kind < 85) return { attributes: { ...email, email_verified: 'false' } };
  if (kind < 88) return { attributes: email, enabled: false };
  if (kind < 91)
    return {
      attributes: { ...email, email_verified: 'false' },
      status: 'FORCE_CHANGE_PASSWORD',
      created: i % 2 ? 'now-2d' : 'now-40d',
    };
  if (kind < 94) return { attributes: { ...email, email_verified: 'false' }, status: 'UNCONFIRMED' };
  if (kind < 97) return { attributes: { ...email, email_verified: 'false' }, status: 'EXTERNAL_PROVIDER' };
  return { attributes: email, status: 'RESET_REQUIRED' };
}

/** Prints the process's peak RSS on exit: loaded into the CLI with --import. */
const PEAK_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('peak-rss '+process.resourceUsage().maxRSS+'\\n'))`;

/** `pool` on generated pools: the rate of classification, and memory that does not grow with the users. */
async function census(env: Record<string, string>): Promise<void> {
  const world = loadWorld(join(ROOT, 'test/worlds/base.json'));
  const pool = world.pools![POOL]!;
  pool.users = Object.fromEntries(
    Array.from({ length: CENSUS_USERS }, (_, i) => [`user${String(i).padStart(5, '0')}`, censusUser(i)]),
  );
  pool.pool.MfaConfiguration = 'OFF';
  const fake = await startFakeAws(world);
  try {
    const run = async (limit?: number) => {
      fake.requests.length = 0;
      const args = [
        '--import',
        PEAK_RSS,
        CLI,
        'pool',
        '-p',
        POOL,
        '--json',
        ...(limit ? ['--limit', String(limit)] : []),
      ];
      const r = await timed(process.execPath, args, { ...env, AWS_ENDPOINT_URL: fake.url });
      const report = JSON.parse(r.stdout) as { users: { classified: number; pages: number; usersPerSecond: number } };
      const rss = Number(/peak-rss (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
      const pages = fake.requests.filter((q) => q.action === 'cognito-idp:ListUsers').length;
      return { ms: r.ms, users: report.users, rss, pages, code: r.code };
    };
    await run(60); // warm-up
    const one = await run(60);
    const some = await run(2_000);
    const all = await run();
    const mb = (kb: number) => `${Math.round(kb)} MB`;
    process.stdout.write(
      `census     pool -p … on ${CENSUS_USERS} generated users, no added latency (exit ${all.code})\n` +
        `           ${all.users.classified} users classified from ${all.pages} ListUsers pages in ${ms(all.ms)} (whole run): ${all.users.usersPerSecond} users/s while listing\n` +
        `           peak RSS: ${mb(one.rss)} for 60 users, ${mb(some.rss)} for 2,000, ${mb(all.rss)} for ${CENSUS_USERS} (${ratio(all.rss / one.rss)} of the 60-user run)\n\n`,
    );
  } finally {
    await fake.close();
  }
}

async function main(section = process.argv[2]): Promise<number> {
  if (section !== undefined && section !== 'batch' && section !== 'diagnosis') {
    process.stderr.write(`bench: unknown section "${section}" (batch, diagnosis, or none for all)\n`);
    return 2;
  }
  if (!existsSync(CLI)) {
    process.stderr.write('bench: dist/cli.js is missing; run `npm run build` first (npm run bench does).\n');
    return 1;
  }
  const env = testEnv();
  const batch = () => benchBatch(CLI, join(ROOT, 'test/worlds/base.json'), env, LATENCY_MS);
  try {
    process.stdout.write(`cognito-doctor bench on node ${process.version}, ${process.platform}/${process.arch}\n\n`);
    if (section === 'batch') {
      await batch();
      return 0;
    }

    // Start-up: interleaved, after one warm-up each, so both see the same machine state.
    const cpu = cpuArgs(env.HOME!);
    await timed(process.execPath, [...cpu, '-e', '0'], env);
    await timed(process.execPath, [...cpu, CLI, '--version'], env);
    const bare: Timed[] = [];
    const version: Timed[] = [];
    for (let i = 0; i < STARTUP_RUNS; i++) {
      bare.push(await timed(process.execPath, [...cpu, '-e', '0'], env));
      const v = await timed(process.execPath, [...cpu, CLI, '--version'], env);
      if (v.code !== 0) throw new Error(`--version exited ${v.code}: ${v.stderr}`);
      version.push(v);
    }
    const wallOf = (runs: Timed[]) => median(runs.map((r) => r.ms));
    const cpuOf = (runs: Timed[]) => median(runs.map((r) => r.cpuMs));
    const startup = wallOf(version);
    const startupRatio = startup / wallOf(bare);
    const startupCpuRatio = cpuOf(version) / cpuOf(bare);
    process.stdout.write(
      `start-up   node -e 0 ${ms(wallOf(bare))}, cognito-doctor --version ${ms(startup)} (wall, medians of ${STARTUP_RUNS})\n` +
        `           ratio ${ratio(startupRatio)} (budget ≤ 1.20×: ${verdict(startupRatio <= 1.2)})\n` +
        `           CPU: node -e 0 ${ms(cpuOf(bare))}, --version ${ms(cpuOf(version))}, ratio ${ratio(startupCpuRatio)} (budget ≤ 1.20×: ${verdict(startupCpuRatio <= 1.2)})\n\n`,
    );

    // One diagnosis with no added latency (the CPU cost), then with 50 ms added to every AWS call; each
    // run is followed by one of the SDK floor (the same requests by bare SDK clients), so both see the
    // same machine state.
    const world = loadWorld(join(ROOT, 'test/worlds/base.json'));
    const fake = await startFakeAws(world);
    const diagEnv = { ...env, AWS_ENDPOINT_URL: fake.url };
    try {
      // Recorded with a long latency, so a request's depth in the endpoint's log is its data dependency: a
      // slow module load cannot make it arrive after a sibling's answer.
      world.latencyMs = 250;
      const recordFile = join(env.HOME!, 'diagnosis.recording.json');
      const recorded = await timed(process.execPath, [CLI, ...DIAGNOSIS, '--record', recordFile], diagEnv);
      if (recorded.code !== 0) throw new Error(`the diagnosis exited ${recorded.code}: ${recorded.stderr}`);
      const rounds = floorRounds(JSON.parse(readFileSync(recordFile, 'utf8')) as Recording, callDepths(fake.requests));
      const roundsFile = join(env.HOME!, 'floor-rounds.json');
      writeFileSync(roundsFile, JSON.stringify(rounds));
      // The least any AWS answer costs: the SDK loaded and one request sent.
      const first = rounds[0]![0]!;
      const oneFile = join(env.HOME!, 'floor-one.json');
      writeFileSync(oneFile, JSON.stringify([[first]]));

      const measure = async (latencyMs: number) => {
        world.latencyMs = latencyMs;
        const runs: Timed[] = [];
        const floors: Timed[] = [];
        const depths: number[] = [];
        let log: LoggedRequest[] = [];
        for (let i = 0; i < DIAGNOSIS_RUNS + 1; i++) {
          fake.requests.length = 0;
          const r = await timed(process.execPath, [...cpu, CLI, ...DIAGNOSIS], diagEnv);
          if (r.code !== 0) throw new Error(`the diagnosis exited ${r.code}: ${r.stderr || r.stdout.slice(0, 500)}`);
          log = [...fake.requests];
          fake.requests.length = 0;
          const f = await timed(process.execPath, [...cpu, FLOOR, roundsFile], diagEnv);
          if (f.code !== 0 || fake.requests.length !== log.length) {
            throw new Error(
              `the SDK floor sent ${fake.requests.length} of ${log.length} requests (exit ${f.code}): ${f.stderr}`,
            );
          }
          // The first run warms the file cache. Depth is per run: on a busy machine a slow module load can
          // make a request arrive after a sibling's answer, so the range is shown too.
          if (i > 0) {
            runs.push(r);
            floors.push(f);
            depths.push(callDepth(log));
          }
        }
        const depth = `${median(depths)}${Math.min(...depths) !== Math.max(...depths) ? ` (runs: ${Math.min(...depths)}–${Math.max(...depths)})` : ''}`;
        return {
          wall: wallOf(runs),
          cpuMs: cpuOf(runs),
          floorWall: wallOf(floors),
          floorCpuMs: cpuOf(floors),
          depth,
          log,
        };
      };

      const quick = await measure(0);
      const one: Timed[] = [];
      for (let i = 0; i < DIAGNOSIS_RUNS + 1; i++)
        one.push(await timed(process.execPath, [...cpu, FLOOR, oneFile], diagEnv));
      const oneCpuRatio = cpuOf(one.slice(1)) / cpuOf(bare);
      const quickRatio = quick.wall / wallOf(bare);
      const quickCpuRatio = quick.cpuMs / cpuOf(bare);
      const floorCpuRatio = quick.floorCpuMs / cpuOf(bare);
      process.stdout.write(
        `diagnosis  forgot-password jane --client-id …, no added latency\n` +
          `           wall ${ms(quick.wall)} (median of ${DIAGNOSIS_RUNS}) = ${ratio(quickRatio)} node -e 0 (budget ≤ 3×: ${verdict(quickRatio <= 3)})\n` +
          `           CPU ${ms(quick.cpuMs)} = ${ratio(quickCpuRatio)} node -e 0's CPU (budget ≤ 3×: ${verdict(quickCpuRatio <= 3)})\n` +
          `SDK floor  the same ${rounds.flat().length} requests in ${rounds.length} rounds by bare SDK clients (the tool's client settings, none of its code)\n` +
          `           wall ${ms(quick.floorWall)}, CPU ${ms(quick.floorCpuMs)} = ${ratio(floorCpuRatio)} node -e 0's CPU: the SDK alone is ${floorCpuRatio <= 3 ? 'within' : 'over'} the 3× budget\n` +
          `           one request alone (${first.action}): CPU ${ms(cpuOf(one.slice(1)))} = ${ratio(oneCpuRatio)} node -e 0's CPU\n` +
          `           the diagnosis costs ${ratio(quick.cpuMs / quick.floorCpuMs)} the floor's CPU (${ms(quick.cpuMs - quick.floorCpuMs)} of its own)\n\n`,
      );

      const { wall, floorWall, depth, log } = await measure(LATENCY_MS);
      const budget = startup + 3 * LATENCY_MS + 100;
      const dups = duplicates(log);
      process.stdout.write(
        `diagnosis  the same, ${LATENCY_MS} ms added to every AWS call\n` +
          `           wall ${ms(wall)} (median of ${DIAGNOSIS_RUNS}); budget start-up + 3×${LATENCY_MS} + 100 = ${ms(budget)}: ${ratio(wall / budget)} of budget, ${verdict(wall <= budget)}\n` +
          `           AWS requests ${log.length}, duplicates ${dups.length}${dups.length ? ` (${dups.join('; ')})` : ''}, dependent-call depth ${depth} (budget ≤ 3)\n` +
          `           ${log.map((r) => r.action).join(', ')}\n` +
          `SDK floor  the same, ${LATENCY_MS} ms a call: wall ${ms(floorWall)} (${ratio(floorWall / budget)} of the budget); the diagnosis takes ${ms(wall - floorWall)} more\n\n`,
      );

      if (section === 'diagnosis') return 0;
      await perFlow(env);
      await batch();
      await census(env);

      // The same requests as a script of aws CLI commands, one after another, as a person would run them.
      if (!existsSync(AWS_CLI)) {
        process.stdout.write(
          `aws CLI    skipped: ${AWS_CLI} is not installed (Debian: apt-get install awscli) — no comparison.\n`,
        );
      } else {
        const dir = mkdtempSync(join(tmpdir(), 'cognito-doctor-bench-'));
        const script = join(dir, 'checks.sh');
        const commands = log.filter((r) => r.attempt === 1).map((r) => awsCommand(r, fake.url));
        // Each command's exit code on stdout: a not-found answer (254) is an answer too.
        writeFileSync(script, commands.map((c) => `${c} >/dev/null 2>&1; echo $?`).join('\n'));
        try {
          fake.requests.length = 0;
          const awsEnv = { ...env, AWS_PAGER: '', AWS_DEFAULT_REGION: 'eu-west-1' };
          const r = await timed('/bin/sh', [script], awsEnv);
          const answered = fake.requests.filter((q) => q.attempt === 1).length;
          const exits = r.stdout.trim().split('\n').join(', ');
          const version = (await timed(AWS_CLI, ['--version'], awsEnv)).stdout.trim().split(' ')[0];
          process.stdout.write(
            `aws CLI    ${version}: the same ${commands.length} requests as a script of aws commands: ${ms(r.ms)} (${answered} reached the endpoint; exit codes ${exits})\n` +
              `           cognito-doctor is ${ratio(r.ms / wall)} faster (goal ≥ 10×: ${r.ms / wall >= 10 ? 'met' : 'NOT MET'})\n`,
          );
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    } finally {
      await fake.close();
    }
    return 0;
  } finally {
    rmSync(env.HOME!, { recursive: true, force: true });
  }
}

process.exitCode = await main();
