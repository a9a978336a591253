// Every scenario world, end to end: the CLI's run() in-process (test/e2e/process.test.ts shows the built
// CLI answers the same), the real SDK on the wire, the fake endpoint answering from the world. One test
// per scenario, each with its own endpoint. Each run is recorded, and its replay must give the same report.

import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeAws } from '../fake/server.js';
import { ROOT, runCli, testEnv } from '../helpers/cli.js';
import { expectSameReplay, recordingsDir } from '../helpers/replay.js';
import { isReadOnly, loadScenarios } from '../helpers/scenarios.js';
import { schemaErrors } from '../helpers/schema.js';

/** The shipped read-only policy: every request a diagnosis makes must be allowed by it. */
const policyActions = new Set<string>(
  JSON.parse(readFileSync(join(ROOT, 'iam/diagnose-policy.json'), 'utf8')).Statement.flatMap(
    (s: { Action: string[] }) => s.Action,
  ),
);

/** `lambda:GetFunction`, or `lambda:*` for every action of a service. */
const matchesAction = (pattern: string, action: string) =>
  pattern.endsWith(':*') ? action.startsWith(pattern.slice(0, -1)) : action === pattern;

interface JsonFinding {
  check: string;
  status: string;
  code?: string;
  evidence: Record<string, unknown>;
  remediation?: { commands: string[] };
}

const recordings = recordingsDir();
afterAll(() => {
  rmSync(recordings, { recursive: true, force: true });
});

// One world after another: the in-process runs take turns anyway (runCli), and a test's time is then
// its own runs, not the queue behind the others.
describe('scenarios', () => {
  for (const scenario of loadScenarios()) {
    it(`${scenario.name}: ${scenario.description}`, async () => {
      const fake = await startFakeAws(structuredClone(scenario.world));
      try {
        const args = [scenario.command ?? 'forgot-password', ...scenario.args, '--json'];
        const env = testEnv(fake.url);
        const recording = join(recordings, `${scenario.name}.json`);
        const live = await runCli([...args, '--record', recording], env);
        const { code, stdout, stderr } = live;
        const report = JSON.parse(stdout);
        expect(schemaErrors(report)).toEqual([]);
        expect(stderr).toBe('');
        expect({ status: report.verdict.status, channel: report.verdict.channel, exitCode: code }).toEqual({
          status: scenario.expect.status,
          channel: scenario.expect.channel,
          exitCode: scenario.expect.exitCode,
        });
        expect(report.exitCode).toBe(code);
        // The causes are codes of the findings with the deciding status, and none only when deliverable.
        const causes = report.verdict.causes as string[];
        if (scenario.expect.causes) expect(causes, 'verdict.causes').toEqual(scenario.expect.causes);
        expect(causes.length === 0, 'no causes only when deliverable').toBe(report.verdict.status === 'deliverable');
        const decided = { blocked: 'fail', 'at-risk': 'warn', inconclusive: 'error' }[report.verdict.status as string];
        for (const cause of causes) {
          expect(
            (report.findings as JsonFinding[]).some((f) => f.code === cause && f.status === decided),
            cause,
          ).toBe(true);
        }
        expect(report.command).toBe(scenario.command ?? 'forgot-password');

        const notable = (report.findings as JsonFinding[]).filter((f) =>
          ['info', 'warn', 'fail', 'error'].includes(f.status),
        );
        // A code reported more than once (one per trigger, say) counts with its worst status.
        const rank = ['info', 'warn', 'fail', 'error'];
        const actual: Record<string, string> = {};
        for (const f of notable) {
          if (rank.indexOf(f.status) > rank.indexOf(actual[f.code!] ?? 'info')) actual[f.code!] = f.status;
          else actual[f.code!] ??= f.status;
        }
        const wanted = Object.fromEntries(Object.entries(scenario.expect.findings).map(([c, f]) => [c, f.status]));
        expect(actual).toEqual(wanted);

        for (const [codeName, want] of Object.entries(scenario.expect.findings)) {
          const finding = notable.find((f) => f.code === codeName && f.status === want.status)!;
          for (const key of want.evidence ?? []) expect(finding.evidence, `${codeName} evidence`).toHaveProperty([key]);
          if (want.command) {
            const commands = finding.remediation?.commands ?? [];
            expect(
              commands.some((c) => c.includes(want.command!)),
              `${codeName}: a command with ${want.command} in ${JSON.stringify(commands)}`,
            ).toBe(true);
          }
        }
        for (const command of notable.flatMap((f) => f.remediation?.commands ?? [])) {
          expect(command).toMatch(/^aws [a-z0-9-]+ [a-z0-9-]+ /);
          expect(command).toContain(`--region `);
        }

        const firstAttempts = fake.requests.filter((r) => r.attempt === 1);
        const keys = firstAttempts.map((r) => `${r.action} ${r.region} ${JSON.stringify(r.input)}`);
        expect(
          keys.filter((k, i) => keys.indexOf(k) !== i),
          'duplicate AWS requests',
        ).toEqual([]);
        expect(
          fake.requests.filter((r) => !isReadOnly(r.operation)).map((r) => r.action),
          'write requests',
        ).toEqual([]);
        for (const pattern of scenario.expect.noRequests ?? []) {
          expect(
            fake.requests.map((r) => r.action).filter((a) => matchesAction(pattern, a)),
            `requests matching ${pattern}`,
          ).toEqual([]);
        }
        expect(
          [...new Set(fake.requests.map((r) => r.action))].filter((a) => !policyActions.has(a)),
          'requests iam/diagnose-policy.json does not allow (a check read an API its `reads` does not declare?)',
        ).toEqual([]);
        await expectSameReplay(args, recording, live, scenario.world, env);
      } finally {
        await fake.close();
      }
    });
  }
});
