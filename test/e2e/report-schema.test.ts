// Every test that parses `--output json` validates it against the strict copy of the schema
// (test/helpers/schema.ts). Here: the strict copy really is strict where the shipped schema is open.

import { describe, expect, it } from 'vitest';
import { startFakeAws } from '../fake/server.js';
import { resolveWorld, WORLDS_DIR, type World } from '../fake/world.js';
import { runCli, testEnv } from '../helpers/cli.js';
import { openSchemaErrors, schemaErrors } from '../helpers/schema.js';

const POOL = 'eu-west-1_AbC123';

describe('report schema: open as shipped, closed in the tests', () => {
  it('a field the schema does not describe, at any level, fails only the strict copy', async () => {
    // A disabled user with --dry-run: findings with evidence and remediation, and a planned fix.
    const world = resolveWorld(
      { extends: 'base', pools: { [POOL]: { users: { jane: { enabled: false } } } } } as unknown as World,
      WORLDS_DIR,
    );
    const fake = await startFakeAws(world);
    let report: Record<string, unknown>;
    try {
      const r = await runCli(['forgot-password', 'jane', '-p', POOL, '--dry-run', '--json'], testEnv(fake.url));
      report = JSON.parse(r.stdout) as Record<string, unknown>;
    } finally {
      await fake.close();
    }
    expect(schemaErrors(report)).toEqual([]);
    expect(openSchemaErrors(report)).toEqual([]);

    type Json = Record<string, unknown>;
    const findings = report.findings as Json[];
    const failed = findings.findIndex((f) => f.status === 'fail');
    // Where a field could be added: each object of the report the schema describes, by path.
    const places: (string | number)[][] = [
      [],
      ['tool'],
      ['target'],
      ['verdict'],
      ['findings', failed],
      ['findings', failed, 'remediation'],
      ['findings', failed, 'links', 0],
      ['fixes', 0],
    ];
    for (const path of places) {
      const doc = structuredClone(report);
      const at = path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, doc);
      at.undescribed = true;
      expect(openSchemaErrors(doc), path.join('.')).toEqual([]);
      expect(schemaErrors(doc), path.join('.')).toContainEqual(
        expect.stringContaining('must NOT have additional properties: {"additionalProperty":"undescribed"}'),
      );
    }
    // Evidence is free-form by design: any key is allowed there, in both.
    const doc = structuredClone(report);
    ((doc.findings as Json[])[0]!.evidence as Json).anything = 1;
    expect(schemaErrors(doc)).toEqual([]);
  });

  it('console links: on the failing finding in JSON and Markdown, in pretty with --verbose, nowhere with --no-links', async () => {
    const world = resolveWorld(
      { extends: 'base', pools: { [POOL]: { users: { jane: { enabled: false } } } } } as unknown as World,
      WORLDS_DIR,
    );
    const fake = await startFakeAws(world);
    try {
      const run = async (...more: string[]) =>
        (await runCli(['forgot-password', 'jane', '-p', POOL, ...more], testEnv(fake.url))).stdout;
      const linked = JSON.parse(await run('--json')) as { findings: { status: string; links?: unknown }[] };
      expect(schemaErrors(linked)).toEqual([]);
      expect(linked.findings.find((f) => f.status === 'fail')!.links).toContainEqual({
        label: 'Cognito console: user jane',
        url: `https://eu-west-1.console.aws.amazon.com/cognito/v2/idp/user-pools/${POOL}/user-management/users/details/jane?region=eu-west-1`,
      });
      const bare = await run('--json', '--no-links');
      expect(schemaErrors(JSON.parse(bare))).toEqual([]);
      expect(bare).not.toContain('"links"');
      expect(bare).not.toContain('console.aws.amazon.com');
      // Pretty shows them only with --verbose; markdown always, unless --no-links.
      const page = `user-management/users/details/jane?region=eu-west-1`;
      expect(await run('-o', 'pretty')).not.toContain(page);
      expect(await run('-o', 'pretty', '--verbose')).toContain(`${page} (Cognito console: user jane)`);
      expect(await run('-o', 'markdown')).toContain(`${page}>)`);
      expect(await run('-o', 'markdown', '--no-links')).not.toContain(page);
    } finally {
      await fake.close();
    }
  });
});
