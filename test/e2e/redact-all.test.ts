// --redact over every scenario world: no personal value of the world (usernames of any length, subs,
// e-mail addresses, phone numbers, the input) in any output: the pretty report with every evidence
// and the --dry-run plan, the markdown report, the JSON report after --fix --yes, and stderr of each
// (the --verbose call lines, the --fix steps and prompts). The markdown run is recorded: the recording
// holds no personal value either, and its replay prints the same redacted report.

import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spellings } from '../../src/domain/spellings.js';
import { startFakeAws } from '../fake/server.js';
import { resolveWorld, subFor, WORLDS_DIR, type World } from '../fake/world.js';
import { runCli, testEnv } from '../helpers/cli.js';
import { clockless } from '../helpers/clock.js';
import { offline, recordingsDir } from '../helpers/replay.js';
import { loadScenarios } from '../helpers/scenarios.js';

/** Every personal value a world holds, as the outputs would spell it, in text and in links. */
function personalValues(world: World, input: string): string[] {
  const values = new Set<string>([input]);
  for (const [poolId, pool] of Object.entries(world.pools ?? {})) {
    for (const [username, user] of Object.entries(pool.users ?? {})) {
      const a = user.attributes ?? {};
      for (const v of [username, a.sub ?? subFor(poolId, username), a.email, a.phone_number]) {
        if (v) values.add(v);
      }
    }
  }
  // End users' IP addresses (CloudTrail's sourceIPAddress), wherever the world holds one.
  for (const ip of JSON.stringify(world).match(/(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/g) ?? []) values.add(ip);
  for (const v of [...values]) {
    // Console links spell a value percent-encoded (jane%40example.com); a shell line, a JSON string, a
    // filter term and Markdown prose escape it (o'\''brien, back\\slash), and a JSON file escapes those.
    values.add(encodeURIComponent(v));
    for (const form of spellings(v)) values.add(form).add(JSON.stringify(form).slice(1, -1));
  }
  return [...values];
}

/** The shell commands an output prints: its `aws …` lines, or in a JSON report its `aws …` strings. */
function commandsIn(output: string, json: boolean): string[] {
  if (!json) return output.split('\n').filter((l) => /^\s*(?:\$ )?aws /.test(l));
  const found: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string' && v.startsWith('aws ')) found.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(output));
  return found;
}

/** A mask (`d***`) outside single quotes would be a glob when the line is pasted into a shell. */
const unquotedGlob = (line: string) => /[*?]/.test(line.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, ''));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The value standing alone (not inside a longer word), in any case. */
const standing = (v: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(v)}(?![\\p{L}\\p{N}])`, 'iu');

const recordings = recordingsDir();
afterAll(() => {
  rmSync(recordings, { recursive: true, force: true });
});

// One world after another: the in-process runs take turns anyway (runCli), and a test's time is then
// its own runs, not the queue behind the others.
/** Runs a world's flow with --redact in every output and finds no personal value and no unquoted mask. */
async function checkRedacted(name: string, world: World, args: string[], command = 'forgot-password') {
  const fake = await startFakeAws(structuredClone(world));
  try {
    const all = [command, ...args, '--redact'];
    const env = testEnv(fake.url);
    const file = join(recordings, `${name}.json`);
    const runs = {
      'pretty --verbose --dry-run': await runCli([...all, '--verbose', '--dry-run'], env),
      // In the scenario's own flow, so the recording is of the run the scenario describes.
      markdown: await runCli([...all, '-o', 'markdown', '--record', file], env),
      'json --fix --yes': await runCli([...all, '--json', '--fix', '--yes'], env),
    };
    const recording = readFileSync(file, 'utf8');
    for (const value of personalValues(world, args[0]!)) {
      for (const [run, r] of Object.entries(runs)) {
        expect(r.stdout, `${run} stdout shows ${value}`).not.toMatch(standing(value));
        expect(r.stderr, `${run} stderr shows ${value}`).not.toMatch(standing(value));
      }
      expect(recording, `the recording holds ${value}`).not.toMatch(standing(value));
    }
    for (const [run, r] of Object.entries(runs)) {
      const printed = [...commandsIn(r.stdout, run.startsWith('json')), ...commandsIn(r.stderr, false)];
      expect(printed.filter(unquotedGlob), `${run} prints a mask unquoted`).toEqual([]);
    }
    // Replayed with the command line it records (the user named by a pseudonym): the same report.
    const recorded = (JSON.parse(recording) as { commandLine: string[] }).commandLine.slice(0, -2);
    const replay = await runCli([...recorded, '--replay', file], offline(env));
    expect(replay.stderr).toBe('');
    expect(clockless(replay.stdout)).toBe(clockless(runs.markdown.stdout));
  } finally {
    await fake.close();
  }
}

// One world after another: the in-process runs take turns anyway (runCli), and a test's time is then
// its own runs, not the queue behind the others.
describe('--redact leaves no personal value of any world in any output', () => {
  for (const scenario of loadScenarios()) {
    it(scenario.name, () => checkRedacted(scenario.name, scenario.world, scenario.args, scenario.command));
  }

  // Names a shell, JSON or Markdown must escape: the outputs spell them escaped, and masks those too.
  it('names with an apostrophe, a backslash, a dollar sign and a double quote', async () => {
    const unverified = (email: string) => ({
      attributes: { email, email_verified: 'false' },
      status: 'CONFIRMED',
    });
    const world = resolveWorld(
      {
        extends: 'base',
        pools: {
          'eu-west-1_AbC123': {
            users: {
              "o'brien": unverified("o'brien@example.com"),
              'back\\slash': unverified('backslash@example.com'),
              pay$day: unverified('payday@example.com'),
              'say"hi': unverified('sayhi@example.com'),
            },
          },
        },
      } as unknown as World,
      WORLDS_DIR,
    );
    const users = ["o'brien", 'back\\slash', 'pay$day', 'say"hi'];
    for (const [i, user] of users.entries()) {
      await checkRedacted(`punctuated-${i}`, world, [user, '--user-pool-id', 'eu-west-1_AbC123']);
    }
  });
});
