// `cognito-doctor checks`, as a user runs it: the built CLI as its own process, no AWS at all.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChecks, checks } from '../../src/checks/index.js';
import { ROOT, runCli, testEnv } from '../helpers/cli.js';

describe.concurrent('cognito-doctor checks', () => {
  it('--json lists every check in order, and their reads are exactly the shipped policy', async () => {
    const { code, stdout, stderr } = await runCli(['checks', '--json'], testEnv());
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const listing = JSON.parse(stdout) as { schemaVersion: number; checks: { id: string; reads: string[] }[] };
    expect(listing.schemaVersion).toBe(1);
    expect(listing.checks.map((c) => c.id)).toEqual(allChecks.map((c) => c.id));
    const policy = JSON.parse(readFileSync(join(ROOT, 'iam/diagnose-policy.json'), 'utf8'));
    const allowed = policy.Statement.flatMap((s: { Action: string[] }) => s.Action);
    expect([...new Set(listing.checks.flatMap((c) => c.reads))].sort()).toEqual([...allowed].sort());
  });

  it('--output json is the same document', async () => {
    const [short, long] = await Promise.all([
      runCli(['checks', '--json'], testEnv()),
      runCli(['checks', '--output', 'json'], testEnv()),
    ]);
    expect(long.stdout).toBe(short.stdout);
  });

  it('pretty output names every check, its codes and its IAM actions, without colour when NO_COLOR is set', async () => {
    const { code, stdout } = await runCli(['checks'], testEnv());
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/\x1b\[/); // eslint-disable-line no-control-regex
    allChecks.forEach((check, i) => {
      expect(stdout).toContain(`${i + 1}. ${check.id}`);
    });
    expect(stdout).toContain(`forgot-password: ${checks.map((c) => c.id).join(' → ')}`);
    expect(stdout).toContain('custom-sender-kms');
    expect(stdout).toContain('reads: lambda:GetFunction, lambda:GetPolicy, kms:DescribeKey, cloudwatch:GetMetricData');
  });

  it('rejects an unknown output format as a usage error', async () => {
    const { code, stdout } = await runCli(['checks', '--output', 'yaml'], testEnv());
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });
});
