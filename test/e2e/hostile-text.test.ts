// Hostile text from AWS, through the built CLI as its own process: escape sequences, forged report
// lines, pipes and backticks, huge log lines and broken answers in the scenario worlds named
// hostile-* and malformed-*. Pretty and markdown show them plain and bounded; JSON keeps them exact.

import { describe, expect, it } from 'vitest';
import { startFakeAws } from '../fake/server.js';
import { spawnCli, testEnv } from '../helpers/cli.js';
import { loadScenarios } from '../helpers/scenarios.js';

const worlds = loadScenarios().filter((s) => /^(hostile|malformed)-/.test(s.name));

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** Markdown table rows: the pipes that end cells (an escaped `\|` is text). */
const cellPipes = (row: string) => row.match(/(?<!\\)\|/g)?.length ?? 0;

describe.concurrent('hostile text from AWS', () => {
  it('the hostile worlds exist', () => {
    expect(worlds.length).toBeGreaterThanOrEqual(6);
  });

  for (const scenario of worlds) {
    it(`${scenario.name}: pretty and markdown are plain, one report, bounded; JSON is exact`, async () => {
      const fake = await startFakeAws(structuredClone(scenario.world));
      try {
        const run = (format: string) =>
          spawnCli(['forgot-password', ...scenario.args, '-o', format, '--verbose'], testEnv(fake.url));
        const [pretty, markdown, json] = await Promise.all([run('pretty'), run('markdown'), run('json')]);

        for (const [name, r] of Object.entries({ pretty, markdown })) {
          expect(r.code, name).toBe(scenario.expect.exitCode);
          for (const stream of [r.stdout, r.stderr]) {
            expect(stream, `${name}: a control character or escape sequence`).not.toMatch(CONTROL);
            expect(stream, `${name}: a forged line`).not.toMatch(/^\s*FORGED/m);
            expect(stream).not.toMatch(/^\s+at /m);
          }
          // Cut with a note: the 30 KB log line is not on screen.
          expect(r.stdout.length, name).toBeLessThan(12_000);
        }
        expect(pretty.stdout.match(/^[A-Z-]+ \[/gm), 'one verdict line').toHaveLength(1);

        const rows = markdown.stdout.split('\n').filter((l) => l.startsWith('|'));
        const tables = rows.filter((l) => /^\|---/.test(l)).length;
        expect(tables).toBeGreaterThanOrEqual(2);
        for (const row of rows) expect([4, 5], row.slice(0, 120)).toContain(cellPipes(row));
        expect(markdown.stdout.match(/^\*\*Verdict: /gm), 'one verdict line').toHaveLength(1);
        expect(markdown.stdout.split('\n').filter((l) => l.startsWith('#') && !/^##?#? /.test(l))).toEqual([]);

        const report = JSON.parse(json.stdout);
        expect(json.code).toBe(scenario.expect.exitCode);
        expect(report.verdict.status).toBe(scenario.expect.status);
      } finally {
        await fake.close();
      }
    });
  }

  it('a huge log line is cut on screen with a note, and carried once, exactly, in JSON', async () => {
    const scenario = worlds.find((s) => s.name === 'hostile-text-log-lines')!;
    const fake = await startFakeAws(structuredClone(scenario.world));
    try {
      const args = ['forgot-password', ...scenario.args];
      const [json, pretty] = await Promise.all([
        spawnCli([...args, '--json'], testEnv(fake.url)),
        spawnCli(args, testEnv(fake.url)),
      ]);
      const report = JSON.parse(json.stdout);
      const finding = report.findings.find((f: { code?: string }) => f.code === 'delivery-error-logged');
      const huge = String(finding.evidence['FilterLogEvents.events[0].message']);
      expect(huge.length).toBeGreaterThan(30_000);
      const details = JSON.parse(huge).message.details as string;
      expect(json.stdout.split(details).length - 1, 'the whole line, once').toBe(1);
      expect(finding.message).toContain('characters; the evidence has the whole line]');
      // The forged line's escape sequences are in the JSON value, exactly.
      const forged = String(finding.evidence['FilterLogEvents.events[1].message']);
      expect(JSON.parse(forged).message.details).toContain(
        '\u001b[2J\u001b[H\u001b]0;owned\u0007\u009b31m|`rm -rf ~`|',
      );
      expect(json.stdout).not.toMatch(/[\u0080-\u009f\u202e]/);
      expect(pretty.stdout).toMatch(/\[cut: \d+ characters; --output json has the whole value\]/);
    } finally {
      await fake.close();
    }
  });
});
