// The words a support engineer reads, pinned: the pretty (no colour) and markdown reports of a handful of
// worlds, committed under test/golden/ and reviewed like code. A change that alters the text shows in
// the diff of these files; after reading it, regenerate them with `UPDATE_GOLDEN=1 npx vitest run
// test/e2e/golden.test.ts` and commit them with the change.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeAws } from '../fake/server.js';
import { ROOT, runCli, testEnv } from '../helpers/cli.js';
import { clockless } from '../helpers/clock.js';
import { loadScenarios } from '../helpers/scenarios.js';

const GOLDEN_DIR = join(ROOT, 'test/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** One world per verdict, both channels, a trigger and a fix to suggest. */
const WORLDS = [
  'healthy-email',
  'user-disabled',
  'sms-opted-out',
  'email-ses-access-denied',
  'triggers-custom-message-failed',
];
const FORMATS = { pretty: 'txt', markdown: 'md' } as const;

const scenarios = new Map(loadScenarios().map((s) => [s.name, s]));

describe.concurrent('golden reports', () => {
  for (const name of WORLDS) {
    for (const [format, extension] of Object.entries(FORMATS)) {
      it(`${name} as ${format}`, async () => {
        const scenario = scenarios.get(name);
        expect(scenario, `test/scenarios/${name}.json`).toBeDefined();
        const fake = await startFakeAws(structuredClone(scenario!.world));
        let output: string;
        try {
          const r = await runCli(['forgot-password', ...scenario!.args, '--output', format], testEnv(fake.url));
          expect(r.code).toBe(scenario!.expect.exitCode);
          output = clockless(r.stdout);
        } finally {
          await fake.close();
        }
        const file = join(GOLDEN_DIR, `${name}.${extension}`);
        if (UPDATE) {
          mkdirSync(GOLDEN_DIR, { recursive: true });
          writeFileSync(file, output);
        }
        expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
        expect(output, `${file} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});
