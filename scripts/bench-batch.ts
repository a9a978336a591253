// The batch section of `npm run bench`: --users-file on a generated world of users, every AWS call 50 ms
// late. Pool-level requests (those naming no user) must stay the same from 100 to 1,000 users; the
// figures are requests per user, the achieved request rate, and batch time against N single runs.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws, type LoggedRequest } from '../test/fake/server.js';
import { loadWorld, subFor, type UserWorld, type World } from '../test/fake/world.js';

const POOL = 'eu-west-1_AbC123';
const SIZES = [100, 1000] as const;
const SINGLE_RUNS = 3;

/** Users and the --rate of the run that measures how close the limiter comes to a configured rate. */
const RATE_USERS = 200;
const RATE = 10;

/**
 * A batch under `--rate`: the requests a second it achieved against the rate asked for (goal ≥ 90 %).
 * The rate is below every category quota the batch meets, so only --rate holds it back.
 */
async function configuredRate(
  cli: string,
  base: World,
  dir: string,
  env: Record<string, string>,
  latencyMs: number,
  extraArgs: readonly string[],
): Promise<void> {
  const { world, lines } = generatedWorld(base, RATE_USERS);
  world.latencyMs = latencyMs;
  const fake = await startFakeAws(world);
  try {
    const file = join(dir, `users-rate.txt`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const args = ['forgot-password', '--users-file', file, '-p', POOL, '-o', 'ndjson', '--rate', String(RATE)];
    const r = await timed(cli, [...args, ...extraArgs], { ...env, AWS_ENDPOINT_URL: fake.url });
    const received = fake.requests.map((q) => q.receivedAt).sort((a, b) => a - b);
    // From the first request to the last: the process's start-up is not the limiter's.
    const spanS = (received.at(-1)! - received[0]!) / 1000;
    const achieved = (received.length - 1) / spanS;
    process.stdout.write(
      `batch      ${RATE_USERS} users with --rate ${RATE}: ${received.length} requests in ${spanS.toFixed(1)} s, ` +
        `achieved ${achieved.toFixed(2)} requests/s = ${((achieved / RATE) * 100).toFixed(1)} % of the rate asked (goal ≥ 90 %), exit ${r.code}\n`,
    );
  } finally {
    await fake.close();
  }
}

/** `count` users: most healthy (verified e-mail), every 10th disabled, every 25th found by its address. */
function generatedWorld(base: World, count: number): { world: World; lines: string[]; names: string[] } {
  const users: Record<string, UserWorld> = {};
  const names: string[] = [];
  const lines: string[] = ['# generated users'];
  for (let i = 1; i <= count; i++) {
    const name = `bench${String(i).padStart(5, '0')}`;
    names.push(name);
    users[name] = {
      attributes: { email: `${name}@example.com`, email_verified: 'true' },
      status: 'CONFIRMED',
      ...(i % 10 === 0 ? { enabled: false } : {}),
    };
    lines.push(i % 25 === 0 ? `${name}@example.com` : name);
  }
  const world = structuredClone(base);
  const pool = world.pools![POOL]!;
  pool.users = { ...pool.users, ...users };
  return { world, lines, names };
}

interface Timed {
  ms: number;
  code: number | null;
  stdout: string;
}

function timed(cli: string, args: string[], env: Record<string, string>): Promise<Timed> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', fail);
    child.on('close', (code) => {
      done({ ms: performance.now() - started, code, stdout });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A request naming a user of the batch (its username, address or sub) is that user's; the rest are the pool's. */
function split(requests: readonly LoggedRequest[], names: readonly string[]) {
  const subs = new Set(names.map((n) => subFor(POOL, n)));
  const perUser = (r: LoggedRequest) => {
    const text = JSON.stringify(r.input);
    return (
      /bench\d{5}/.test(text) ||
      (text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []).some((s) => subs.has(s))
    );
  };
  const first = requests.filter((r) => r.attempt === 1);
  const pool = first.filter((r) => !perUser(r));
  return { total: first.length, retries: requests.length - first.length, pool, user: first.length - pool.length };
}

export async function benchBatch(
  cli: string,
  worldPath: string,
  env: Record<string, string>,
  latencyMs: number,
  extraArgs: readonly string[] = [],
): Promise<void> {
  const base = loadWorld(worldPath);
  const dir = mkdtempSync(join(tmpdir(), 'cognito-doctor-bench-batch-'));
  const poolLevel: number[] = [];
  try {
    for (const size of SIZES) {
      const { world, lines, names } = generatedWorld(base, size);
      world.latencyMs = latencyMs;
      const fake = await startFakeAws(world);
      try {
        const file = join(dir, `users-${size}.txt`);
        writeFileSync(file, `${lines.join('\n')}\n`);
        const runEnv = { ...env, AWS_ENDPOINT_URL: fake.url };
        const args = ['forgot-password', '--users-file', file, '-p', POOL, '-o', 'ndjson', ...extraArgs];
        const r = await timed(cli, args, runEnv);
        const summary = JSON.parse(r.stdout.trimEnd().split('\n').at(-1)!) as {
          diagnosed: number;
          verdicts: Record<string, number>;
          exitCode: number;
        };
        if (summary.diagnosed !== size)
          throw new Error(`batch of ${size}: ${summary.diagnosed} diagnosed (exit ${r.code})`);
        const counted = split(fake.requests, names);
        poolLevel.push(counted.pool.length);
        const rate = counted.total / (r.ms / 1000);
        process.stdout.write(
          `batch      ${size} users, ${latencyMs} ms a call: wall ${Math.round(r.ms)} ms (${(size / (r.ms / 1000)).toFixed(1)} users/s), exit ${r.code}\n` +
            `           verdicts ${Object.entries(summary.verdicts)
              .map(([v, n]) => `${n} ${v}`)
              .join(', ')}\n` +
            `           AWS requests ${counted.total} (+${counted.retries} retries): pool-level ${counted.pool.length}, per user ${(counted.user / size).toFixed(2)}; achieved ${rate.toFixed(1)} requests/s\n` +
            `           pool-level: ${[...new Set(counted.pool.map((q) => q.action))].join(', ')}\n`,
        );
        if (size === SIZES.at(-1)) {
          // A few single runs of one generated user, extrapolated to N.
          const walls: number[] = [];
          for (let i = 0; i < SINGLE_RUNS + 1; i++) {
            const single = await timed(cli, ['forgot-password', names[0]!, '-p', POOL, '--json'], runEnv);
            if (i > 0) walls.push(single.ms);
          }
          const single = median(walls);
          process.stdout.write(
            `           one single run ${Math.round(single)} ms (median of ${SINGLE_RUNS}): ${size} single runs ≈ ${Math.round((single * size) / 1000)} s; the batch takes ${((r.ms / (single * size)) * 100).toFixed(2)} % of that (${((single * size) / r.ms).toFixed(0)}× faster)\n`,
          );
        }
      } finally {
        await fake.close();
      }
    }
    await configuredRate(cli, base, dir, env, latencyMs, extraArgs);
    const constant = poolLevel.every((n) => n === poolLevel[0]);
    process.stdout.write(
      `           pool-level requests ${SIZES.map((s, i) => `${poolLevel[i]} for ${s} users`).join(', ')}: ${constant ? 'constant' : 'NOT CONSTANT'}\n\n`,
    );
    if (!constant) throw new Error('pool-level requests grow with the number of users');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
