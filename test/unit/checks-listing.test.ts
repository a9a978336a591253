import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { services } from '../../src/aws/services.js';
import { causes } from '../../src/causes.js';
import { allChecks, checklists, checks } from '../../src/checks/index.js';
import { CHECKS_DOC_PATH, checklistData, renderChecks } from '../../src/render/checks.js';
import { createStyle } from '../../src/render/style.js';
import { ROOT } from '../helpers/cli.js';

describe('the checklist', () => {
  it('has unique ids, in the documented order', () => {
    const ids = checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const spec = [
      'pool',
      'client',
      'user',
      'user-status',
      'contact',
      'recovery',
      'sms',
      'email',
      'triggers',
      'mailbox',
    ];
    expect(ids.filter((id) => spec.includes(id))).toEqual(spec);
  });

  it('declares, per check, real cause codes, IAM actions of known services, and documentation links', () => {
    for (const check of allChecks) {
      expect(check.title, check.id).not.toBe('');
      for (const code of check.codes) expect(Object.keys(causes), check.id).toContain(code);
      for (const read of check.reads) expect(Object.keys(services), check.id).toContain(read.split(':')[0]);
      for (const url of check.docs) expect(url, check.id).toMatch(/^https:\/\//);
    }
  });

  it('orders every flow so a check comes after the checks it depends on, and shares the channel checks', () => {
    for (const [flow, list] of Object.entries(checklists)) {
      const ids = list.map((c) => c.id);
      expect(new Set(ids).size, flow).toBe(ids.length);
      for (const check of list) {
        for (const dependency of check.dependsOn ?? []) {
          expect(ids.indexOf(dependency), `${flow}: ${check.id} after ${dependency}`).toBeGreaterThanOrEqual(0);
          expect(ids.indexOf(dependency), `${flow}: ${check.id} after ${dependency}`).toBeLessThan(
            ids.indexOf(check.id),
          );
        }
      }
      expect(ids, flow).toEqual(expect.arrayContaining(['pool', 'user', 'sms', 'email', 'triggers']));
    }
  });

  it('has a check for every cause, but the read failures and the carriers’ reasons', () => {
    const reported = new Set<string>(allChecks.flatMap((c) => [...c.codes, ...Object.values(c.errorCodes ?? {})]));
    const readFailures = [
      'aws-credentials',
      'access-denied',
      'throttled',
      'network-error',
      'aws-error',
      'internal-error',
      // A run stopped by its time limit or a signal before the check finished.
      'deadline-exceeded',
      'interrupted',
    ];
    // Named in the evidence of `sms-carrier-failure-logged` (the carrier's reason), not findings of their own.
    const carrierReasons = ['sms-carrier-filtering', 'device-or-network-unreachable'];
    const unreported = Object.keys(causes).filter((code) => !reported.has(code));
    expect(unreported.sort()).toEqual([...readFailures, ...carrierReasons].sort());
  });
});

describe('cognito-doctor checks', () => {
  const plain = createStyle(false);

  it('gives every check as data: id, title, scope, codes with titles, reads, docs', () => {
    const data = checklistData(checklists);
    expect(data.schemaVersion).toBe(1);
    expect(data.checks.map((c) => c.id)).toEqual(allChecks.map((c) => c.id));
    expect(data.flows['forgot-password']).toEqual(checks.map((c) => c.id));
    expect(data.flows['sign-up']).toContain('sign-up');
    const triggers = data.checks.find((c) => c.id === 'triggers')!;
    expect(triggers.codes).toContainEqual({
      code: 'lambda-invoke-permission-missing',
      title: causes['lambda-invoke-permission-missing'],
    });
    expect(triggers.reads).toEqual([
      'lambda:GetFunction',
      'lambda:GetPolicy',
      'kms:DescribeKey',
      'cloudwatch:GetMetricData',
      'cloudtrail:LookupEvents',
    ]);
    expect(JSON.parse(renderChecks(checklists, 'json', plain))).toEqual(data);
  });

  it('lists every check with its codes, reads and docs in the pretty form', () => {
    const text = renderChecks(checklists, 'pretty', plain);
    expect(text).toContain(`forgot-password: ${checks.map((c) => c.id).join(' → ')}`);
    allChecks.forEach((check, i) => {
      expect(text).toContain(`${i + 1}. ${check.id}  ${check.title}`);
      for (const code of check.codes) expect(text).toContain(code);
      if (check.reads.length) expect(text).toContain(`reads: ${check.reads.join(', ')}`);
      for (const url of check.docs) expect(text).toContain(url);
    });
  });

  it('renders a Markdown table with one row per check, and one per code with the checks that report it', () => {
    const rows = renderChecks(checklists, 'markdown', plain)
      .split('\n')
      .filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(
      allChecks.length + 1 + Object.keys(causes).length + 1 + Object.keys(checklists).length + 1,
    );
    expect(rows.find((r) => r.includes('`triggers`'))).toContain('`kms:DescribeKey`');
    expect(rows.find((r) => r.startsWith('| `pool-not-found`'))).toMatch(/\| `pool` \|$/);
  });

  it('names the codes each check can end with when it cannot run', () => {
    const data = checklistData(checklists);
    const pool = data.checks.find((c) => c.id === 'pool')!;
    expect(pool.errors.map((e) => e.code)).toEqual([
      'pool-not-found',
      'access-denied',
      'throttled',
      'aws-credentials',
      'network-error',
      'aws-error',
      'deadline-exceeded',
      'interrupted',
      'internal-error',
    ]);
    // A check that reads nothing from AWS can only fail on its own.
    expect(data.checks.find((c) => c.id === 'mailbox')!.errors).toEqual([
      { code: 'internal-error', title: causes['internal-error'] },
    ]);
    expect(renderChecks(checklists, 'pretty', plain)).toContain('cannot run: pool-not-found, access-denied, throttled');
  });

  it('is committed as docs/checks.md exactly as it prints (run `npm run generate` after changing a check)', () => {
    expect(readFileSync(join(ROOT, CHECKS_DOC_PATH), 'utf8')).toBe(renderChecks(checklists, 'markdown', plain));
  });
});
