// The representative set that keeps spawning the built CLI (dist/cli.js) as its own process: one run per
// exit code and output format, --version, --help and the checks listing. Each must match the in-process
// run of the same arguments byte for byte (but for the clock), which is what makes the in-process runs
// of every other test stand for the bundle.

import { describe, expect, it } from 'vitest';
import { startFakeAws } from '../fake/server.js';
import { resolveWorld, WORLDS_DIR, type World } from '../fake/world.js';
import { runCli, spawnCli, testEnv, type CliResult } from '../helpers/cli.js';
import { clockless } from '../helpers/clock.js';
import { loadScenarios } from '../helpers/scenarios.js';

const POOL = 'eu-west-1_AbC123';

/** Without the run's clock (when it started, how long things took), request ids and the order AWS answered in. */
const timeless = (r: CliResult) => ({
  ...r,
  stdout: clockless(r.stdout),
  stderr: clockless(r.stderr).split('\n').sort().join('\n'),
});

/** The same arguments both ways, each against its own endpoint serving a fresh copy of `world`. */
async function bothWays(
  world: World,
  args: string[],
  env: (url: string) => Record<string, string> = testEnv,
  stdin?: string,
) {
  const once = async (runner: typeof runCli) => {
    const fake = await startFakeAws(structuredClone(world));
    try {
      return await runner(args, env(fake.url), stdin);
    } finally {
      await fake.close();
    }
  };
  const spawned = await once(spawnCli);
  expect(timeless(await once(runCli))).toEqual(timeless(spawned));
  return spawned;
}

const base = resolveWorld({ extends: 'base' }, WORLDS_DIR);
const scenarios = new Map(loadScenarios().map((s) => [s.name, s]));

describe.concurrent('the built CLI as a process matches the in-process run', () => {
  // One world per exit code (0, 1, 3) and channel.
  for (const name of ['healthy-email', 'user-disabled', 'sms-opted-out', 'email-ses-access-denied']) {
    const scenario = scenarios.get(name)!;
    it(`scenario ${name} (--json)`, async () => {
      const r = await bothWays(scenario.world, ['forgot-password', ...scenario.args, '--json']);
      expect(r.code).toBe(scenario.expect.exitCode);
    });
  }

  for (const format of ['pretty', 'markdown']) {
    it(`a diagnosis as ${format}, with --verbose calls on stderr`, async () => {
      const r = await bothWays(base, ['forgot-password', 'jane', '-p', POOL, '-o', format, '-v']);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^aws cognito-idp:DescribeUserPool eu-west-1 \d+ ms ok$/m);
    });
  }

  it('no credentials: exit 4', async () => {
    const r = await bothWays(base, ['forgot-password', 'jane', '-p', POOL], (url) => {
      const env = testEnv(url);
      delete env.AWS_ACCESS_KEY_ID;
      delete env.AWS_SECRET_ACCESS_KEY;
      return env;
    });
    expect(r.code).toBe(4);
  });

  it('a usage error, as JSON: exit 2', async () => {
    const r = await bothWays(base, ['forgot-password', 'jane', '-p', 'nope', '--json']);
    expect(r.code).toBe(2);
  });

  it('secret-hash with the secret on standard input', async () => {
    const r = await bothWays(base, ['secret-hash', 'jane', '-c', '1example23456789'], testEnv, 'not-a-real-secret\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^[A-Za-z0-9+/]+=*\n$/);
  });

  for (const args of [['--version'], ['--help'], ['forgot-password', '--help'], ['checks', '--json']]) {
    it(args.join(' '), async () => {
      const r = await bothWays(base, args);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toBe('');
    });
  }
});
