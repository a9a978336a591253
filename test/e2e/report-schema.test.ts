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
});
