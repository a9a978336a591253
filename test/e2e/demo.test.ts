// The demo world keeps its promises: each user shows the problem the demo's header says it shows.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CASES, demoArgs } from '../../scripts/demo-cases.js';
import { startFakeAws } from '../fake/server.js';
import { loadWorld } from '../fake/world.js';
import { ROOT, runCli, testEnv } from '../helpers/cli.js';
import { schemaErrors } from '../helpers/schema.js';

describe.concurrent('demo world', () => {
  for (const c of DEMO_CASES) {
    it(`${c.args[0]}: ${c.shows}`, async () => {
      const fake = await startFakeAws(loadWorld(join(ROOT, 'test/worlds/demo.json')));
      try {
        const r = await runCli([...demoArgs(c), '--json'], testEnv(fake.url));
        const report = JSON.parse(r.stdout);
        expect(schemaErrors(report)).toEqual([]);
        expect(r.stderr).toBe('');
        expect(report.verdict.status).toBe(c.status);
        const problems = (report.findings as { status: string; code?: string }[]).filter((f) =>
          ['warn', 'fail', 'error'].includes(f.status),
        );
        // The named cause, and only it, decides; the healthy user has no problem at all.
        expect(problems.map((f) => f.code)).toEqual(c.code ? [c.code] : []);
      } finally {
        await fake.close();
      }
    });
  }
});
