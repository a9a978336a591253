// --redact over every scenario world: no personal value of the world (usernames of any length, subs,
// e-mail addresses, phone numbers, the input) in any output: the pretty report with every evidence
// and the --dry-run plan, the markdown report, the JSON report after --fix --yes, and stderr of each
// (the --verbose call lines, the --fix steps and prompts). The markdown run is recorded: the recording
// holds no personal value either, and its replay prints the same redacted report.

import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeAws } from '../fake/server.js';
import { subFor, type World } from '../fake/world.js';
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
  // Console links spell a value percent-encoded (jane%40example.com).
  for (const v of [...values]) values.add(encodeURIComponent(v));
  return [...values];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The value standing alone (not inside a longer word), in any case. */
const standing = (v: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(v)}(?![\\p{L}\\p{N}])`, 'iu');

const recordings = recordingsDir();
afterAll(() => {
  rmSync(recordings, { recursive: true, force: true });
});

// One world after another: the in-process runs take turns anyway (runCli), and a test's time is then
// its own runs, not the queue behind the others.
describe('--redact leaves no personal value of any world in any output', () => {
  for (const scenario of loadScenarios()) {
    it(scenario.name, async () => {
      const fake = await startFakeAws(structuredClone(scenario.world));
      try {
        const args = ['forgot-password', ...scenario.args, '--redact'];
        const env = testEnv(fake.url);
        const file = join(recordings, `${scenario.name}.json`);
        const runs = {
          'pretty --verbose --dry-run': await runCli([...args, '--verbose', '--dry-run'], env),
          // In the scenario's own flow, so the recording is of the run the scenario describes.
          markdown: await runCli(
            [scenario.command ?? 'forgot-password', ...scenario.args, '--redact', '-o', 'markdown', '--record', file],
            env,
          ),
          'json --fix --yes': await runCli([...args, '--json', '--fix', '--yes'], env),
        };
        const recording = readFileSync(file, 'utf8');
        const input = scenario.args[0]!;
        for (const value of personalValues(scenario.world, input)) {
          for (const [name, r] of Object.entries(runs)) {
            expect(r.stdout, `${name} stdout shows ${value}`).not.toMatch(standing(value));
            expect(r.stderr, `${name} stderr shows ${value}`).not.toMatch(standing(value));
          }
          expect(recording, `the recording holds ${value}`).not.toMatch(standing(value));
        }
        // Replayed with the command line it records (the user named by a pseudonym): the same report.
        const recorded = (JSON.parse(recording) as { commandLine: string[] }).commandLine.slice(0, -2);
        const replay = await runCli([...recorded, '--replay', file], offline(env));
        expect(replay.stderr).toBe('');
        expect(clockless(replay.stdout)).toBe(clockless(runs.markdown.stdout));
      } finally {
        await fake.close();
      }
    });
  }
});
