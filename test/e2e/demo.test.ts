// The demo world keeps its promises: each user shows the problem the demo's header says it shows. Each
// run is recorded: the committed recording (demo/recordings/, `npm run generate`) must be what the demo
// world answers today, and its replay, offline, must show the same.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_CASES, demoArgs } from '../../scripts/demo-cases.js';
import { comparableRecording, DEMO_RECORDINGS_DIR, demoRecording, recordArgs } from '../../scripts/demo-recordings.js';
import { startFakeAws } from '../fake/server.js';
import { loadWorld } from '../fake/world.js';
import { ROOT, runCli, testEnv } from '../helpers/cli.js';
import { comparable, offline, recordingsDir } from '../helpers/replay.js';
import { schemaErrors } from '../helpers/schema.js';

const recordings = recordingsDir();
afterAll(() => {
  rmSync(recordings, { recursive: true, force: true });
});

describe.concurrent('demo world', () => {
  for (const c of DEMO_CASES) {
    it(`${c.args[0]}: ${c.shows}`, async () => {
      const fake = await startFakeAws(loadWorld(join(ROOT, 'test/worlds/demo.json')));
      try {
        const env = testEnv(fake.url);
        const r = await runCli(recordArgs(c, recordings), env);
        const report = JSON.parse(r.stdout);
        expect(schemaErrors(report)).toEqual([]);
        expect(r.stderr).toBe('');
        expect(report.verdict.status).toBe(c.status);
        const problems = (report.findings as { status: string; code?: string }[]).filter((f) =>
          ['warn', 'fail', 'error'].includes(f.status),
        );
        // The named cause, and only it, decides; the healthy user has no problem at all.
        expect(problems.map((f) => f.code)).toEqual(c.code ? [c.code] : []);

        const committed = demoRecording(join(ROOT, DEMO_RECORDINGS_DIR), c);
        expect(comparableRecording(committed), 'demo/recordings is stale: npm run generate').toBe(
          comparableRecording(demoRecording(recordings, c)),
        );
        const replay = await runCli([...demoArgs(c), '--json', '--replay', committed], offline(env));
        const replayed = comparable(replay.stdout) as typeof report;
        expect([
          replayed.verdict,
          replayed.findings.map((f: { code?: string; status: string }) => [f.code, f.status]),
        ]).toEqual([report.verdict, report.findings.map((f: { code?: string; status: string }) => [f.code, f.status])]);
      } finally {
        await fake.close();
      }
    });
  }
});
