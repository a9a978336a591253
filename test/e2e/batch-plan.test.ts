// What a batch reads after each user's checks: the fix plan only when it is output (--dry-run), and
// every read within the user's time limit (--timeout). A pool whose recovery prefers SMS, with users
// typed by e-mail address whose contacts are both unverified: --fix would mark the phone number
// verified, so planning searches for other holders of each number (ListUsers), requests the checks
// themselves never make.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../src/batch-summary.js';
import type { Report } from '../../src/report.js';
import { startFakeAws, type FakeAws } from '../fake/server.js';
import { resolveWorld, WORLDS_DIR } from '../fake/world.js';
import { runBatch } from '../../src/batch.js';
import { checklists } from '../../src/checks/index.js';
import { normaliseUserInput } from '../../src/domain/user-input.js';
import { parseUsersFile } from '../../src/domain/users-file.js';
import { resolveBatchOptions, type RawDiagnoseOptions } from '../../src/options.js';
import { createStyle } from '../../src/render/style.js';
import { runCli, testEnv } from '../helpers/cli.js';

const POOL = 'eu-west-1_AbC123';
const USERS = { kim: '+447400111222', lee: '+447400111333', max: '+447400111444' };

const unverified = (name: string, phone: string) => ({
  status: 'CONFIRMED',
  created: 'now-90d',
  attributes: {
    email: `${name}@example.com`,
    email_verified: 'false',
    phone_number: phone,
    phone_number_verified: 'false',
  },
});

let fake: FakeAws;

beforeAll(async () => {
  const world = resolveWorld(
    {
      extends: 'base',
      pools: {
        [POOL]: {
          pool: {
            AccountRecoverySetting: {
              RecoveryMechanisms: [
                { Name: 'verified_phone_number', Priority: 1 },
                { Name: 'verified_email', Priority: 2 },
              ],
            },
          },
          users: Object.fromEntries(Object.entries(USERS).map(([name, phone]) => [name, unverified(name, phone)])),
        },
      },
      faults: [
        // One user's holder search never answers: only its time limit ends the wait.
        {
          operation: 'cognito-idp:ListUsers',
          kind: 'stall',
          accessKey: 'AKIDPLANSTALL',
          input: { Filter: `phone_number = "${USERS.lee}"` },
        },
      ],
    },
    WORLDS_DIR,
  );
  fake = await startFakeAws(world);
});

afterAll(() => fake.close());

function batch(key: string, args: readonly string[]) {
  const path = join(mkdtempSync(join(tmpdir(), 'cognito-doctor-plan-')), 'users.txt');
  writeFileSync(
    path,
    Object.keys(USERS)
      .map((n) => `${n}@example.com`)
      .join('\n'),
  );
  return runCli(
    ['forgot-password', '--users-file', path, '-p', POOL, '-o', 'ndjson', ...args],
    testEnv(fake.url, { AWS_ACCESS_KEY_ID: key }),
  );
}

const holderSearches = (key: string) =>
  fake.requests.filter(
    (q) =>
      q.accessKey === key &&
      q.action === 'cognito-idp:ListUsers' &&
      String((q.input as { Filter?: string }).Filter).startsWith('phone_number'),
  );

function lines(stdout: string): { reports: Report[]; summary: BatchSummary } {
  const parsed = stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Report | BatchSummary);
  return { reports: parsed.slice(0, -1) as Report[], summary: parsed.at(-1) as BatchSummary };
}

describe('a batch plans fixes only when it outputs them', () => {
  it('without --dry-run: no plan, and none of its holder searches', async () => {
    const r = await batch('AKIDNOPLAN', []);
    const { reports, summary } = lines(r.stdout);
    for (const report of reports) expect(report.verdict.causes).toContain('no-verified-contact');
    expect(reports.every((x) => x.fixes === undefined)).toBe(true);
    expect(holderSearches('AKIDNOPLAN')).toEqual([]);
    expect(summary.requests).toBe(fake.requests.filter((q) => q.accessKey === 'AKIDNOPLAN' && q.attempt === 1).length);
  });

  it('with --dry-run: each user its plan, after searching who else holds the number', async () => {
    const r = await batch('AKIDPLAN', ['--dry-run']);
    const { reports } = lines(r.stdout);
    for (const report of reports) {
      expect(report.fixes).toEqual([
        expect.objectContaining({ action: 'cognito-idp:AdminUpdateUserAttributes', status: 'planned' }),
      ]);
    }
    expect(holderSearches('AKIDPLAN').map((q) => (q.input as { Filter: string }).Filter)).toEqual(
      Object.values(USERS).map((phone) => `phone_number = "${phone}"`),
    );
  });

  it("a holder search that never answers ends with its user's time limit: that step is refused, the others planned", async () => {
    // Each attempt may take a minute here, so only the user's time limit (2 s) can end the stalled search.
    const { stdout } = await inProcessBatch('AKIDPLANSTALL', { dryRun: true, timeout: '2s' }, 60_000);
    const { reports, summary } = lines(stdout);
    expect(summary).toMatchObject({ users: 3, diagnosed: 3 });
    const [kim, lee, max] = reports.map((x) => x.fixes?.[0]);
    expect(kim).toMatchObject({ status: 'planned' });
    expect(max).toMatchObject({ status: 'planned' });
    expect(lee).toMatchObject({ status: 'refused' });
    expect(lee!.message).toContain('(the time limit of 2 s (--timeout) was reached.)');
  });
});

/** runBatch in this process, so a test can give each attempt more time than --timeout would. */
async function inProcessBatch(key: string, raw: RawDiagnoseOptions, requestTimeoutMs: number) {
  const settings = resolveBatchOptions(
    { ...raw, userPoolId: POOL, output: 'ndjson' },
    checklists['forgot-password'].map((c) => c.id),
  );
  const file = parseUsersFile(
    Object.keys(USERS)
      .map((n) => `${n}@example.com`)
      .join('\n'),
    (line) => normaliseUserInput(line, settings.run.region),
  );
  if (!file.ok) throw new Error(file.problem);
  let stdout = '';
  const saved = process.env;
  process.env = testEnv(fake.url, { AWS_ACCESS_KEY_ID: key });
  try {
    await runBatch(
      file.entries,
      { ...settings, run: { ...settings.run, requestTimeoutMs } },
      {
        stderr: process.stderr,
        env: process.env,
        style: createStyle(false),
        version: 'test',
        write: (text) => (stdout += text),
      },
    );
  } finally {
    process.env = saved;
  }
  return { stdout };
}
