// --redact over every scenario world: no personal value of the world (usernames of any length, subs,
// e-mail addresses, phone numbers, the input) in any output: the pretty report with every evidence
// and the --dry-run plan, the markdown report, the JSON report after --fix --yes, and stderr of each
// (the --verbose call lines, the --fix steps and prompts).

import { describe, expect, it } from 'vitest';
import { startFakeAws } from '../fake/server.js';
import { subFor, type World } from '../fake/world.js';
import { runCli, testEnv } from '../helpers/cli.js';
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
  // Console links spell a value percent-encoded (jane%40example.com).
  for (const v of [...values]) values.add(encodeURIComponent(v));
  return [...values];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The value standing alone (not inside a longer word), in any case. */
const standing = (v: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(v)}(?![\\p{L}\\p{N}])`, 'iu');

describe.concurrent('--redact leaves no personal value of any world in any output', () => {
  for (const scenario of loadScenarios()) {
    it(scenario.name, async () => {
      const fake = await startFakeAws(structuredClone(scenario.world));
      try {
        const args = ['forgot-password', ...scenario.args, '--redact'];
        const env = testEnv(fake.url);
        const runs = {
          'pretty --verbose --dry-run': await runCli([...args, '--verbose', '--dry-run'], env),
          markdown: await runCli([...args, '-o', 'markdown'], env),
          'json --fix --yes': await runCli([...args, '--json', '--fix', '--yes'], env),
        };
        const input = scenario.args[0]!;
        for (const value of personalValues(scenario.world, input)) {
          for (const [name, r] of Object.entries(runs)) {
            expect(r.stdout, `${name} stdout shows ${value}`).not.toMatch(standing(value));
            expect(r.stderr, `${name} stderr shows ${value}`).not.toMatch(standing(value));
          }
        }
      } finally {
        await fake.close();
      }
    });
  }
});
