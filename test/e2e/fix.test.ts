// --fix, --dry-run and --yes end to end: the CLI in-process, or the built CLI on a pseudo-terminal for
// the prompts, against the fake, whose writes change the world, so the re-run after a fix sees the new state.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FakeAws } from '../fake/server.js';
import { resolveWorld, WORLDS_DIR, type World } from '../fake/world.js';
import { runCli, testEnv, type CliResult } from '../helpers/cli.js';
import { parseReport, withFake } from '../helpers/fix-run.js';
import { hasScript, runInTerminal } from '../helpers/terminal.js';
import { isReadOnly } from '../helpers/scenarios.js';
import { schemaErrors } from '../helpers/schema.js';

const POOL = 'eu-west-1_AbC123';

interface JsonReport {
  verdict: { status: string; channel: string };
  findings: { code?: string; status: string }[];
  fixes?: { code: string; status: string; action: string; region: string; command: string; message?: string }[];
  dryRun?: boolean;
  exitCode: number;
  error?: { kind: string; message: string };
}

function world(patch: World): World {
  return resolveWorld({ extends: 'base', ...patch }, WORLDS_DIR);
}

const jane = (user: Record<string, unknown>, pool: Record<string, unknown> = {}): World['pools'] => ({
  [POOL]: { pool, users: { jane: user } },
});

const SUPPRESSED = { 'jane@example.com': { Reason: 'BOUNCE', LastUpdateTime: 'now-2d' } };

const parse = (result: CliResult) => parseReport(result) as JsonReport;

const writes = (fake: FakeAws) => fake.requests.filter((r) => !isReadOnly(r.operation));
const notable = (report: JsonReport) =>
  report.findings.filter((f) => f.status === 'fail' || f.status === 'warn').map((f) => f.code);

describe.concurrent('--fix, --dry-run, --yes', () => {
  it('--fix --yes enables a disabled user once, checks again, and reports the state after', async () => {
    await withFake(world({ pools: jane({ enabled: false }) }), async (fake) => {
      const result = await runCli(
        ['forgot-password', 'jane', '-p', POOL, '--fix', '--yes', '--json'],
        testEnv(fake.url),
      );
      const report = parse(result);
      expect(writes(fake).map((r) => [r.action, r.region, r.input])).toEqual([
        ['cognito-idp:AdminEnableUser', 'eu-west-1', { UserPoolId: POOL, Username: 'jane' }],
      ]);
      expect(report.fixes).toMatchObject([
        {
          code: 'user-disabled',
          status: 'applied',
          action: 'cognito-idp:AdminEnableUser',
          command: `aws cognito-idp admin-enable-user --user-pool-id ${POOL} --username jane --region eu-west-1`,
        },
      ]);
      expect(report.dryRun).toBe(false);
      expect(report.verdict.status).toBe('deliverable');
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('(auto-confirmed)');
      // The re-run read the user again on a fresh caller instead of serving the old answer.
      expect(fake.requests.filter((r) => r.action === 'cognito-idp:AdminGetUser')).toHaveLength(2);
    });
  });

  it('--dry-run shows the plan in the report and sends no write', async () => {
    const w = world({ pools: jane({ enabled: false }), ses: { 'eu-west-1': { suppressed: SUPPRESSED } } });
    await withFake(w, async (fake) => {
      const result = await runCli(
        ['forgot-password', 'jane', '-p', POOL, '--dry-run', '--json', '--redact'],
        testEnv(fake.url),
      );
      const report = parse(result);
      expect(writes(fake)).toEqual([]);
      expect(report.dryRun).toBe(true);
      expect(report.fixes?.map((f) => [f.code, f.status, f.action])).toEqual([
        ['user-disabled', 'planned', 'cognito-idp:AdminEnableUser'],
        ['ses-account-suppression-list', 'planned', 'ses:DeleteSuppressedDestination'],
      ]);
      expect(result.code).toBe(1);
      expect(result.stdout).not.toContain('jane@example.com');
    });
  });

  it('--dry-run in pretty output shows the steps and their commands', async () => {
    await withFake(world({ pools: jane({ enabled: false }) }), async (fake) => {
      const result = await runCli(['forgot-password', 'jane', '-p', POOL, '--dry-run'], testEnv(fake.url));
      expect(result.stdout).toContain('Fixes (dry run: nothing was changed');
      expect(result.stdout).toContain(`$ aws cognito-idp admin-enable-user --user-pool-id ${POOL} --username jane`);
      expect(writes(fake)).toEqual([]);
    });
  });

  it('--fix without --yes and without a terminal refuses before any request (exit 2)', async () => {
    await withFake(world({ pools: jane({ enabled: false }) }), async (fake) => {
      const result = await runCli(['forgot-password', 'jane', '-p', POOL, '--fix', '--json'], testEnv(fake.url));
      expect(result.code).toBe(2);
      const doc = parse(result);
      expect(doc.error?.kind).toBe('usage');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('re-run with --yes');
      expect(fake.requests).toEqual([]);
    });
  });

  it('removes the address from the SES suppression list in the Region of the sending identity', async () => {
    const identity = readBase().ses['eu-west-1']!.identities;
    const w = world({
      pools: jane(
        {},
        {
          EmailConfiguration: {
            EmailSendingAccount: 'DEVELOPER',
            SourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/shop.example.com',
            From: 'Shop <no-reply@shop.example.com>',
          },
        },
      ),
      ses: { 'us-east-1': { identities: identity, suppressed: SUPPRESSED } },
    });
    await withFake(w, async (fake) => {
      const result = await runCli(
        ['forgot-password', 'jane', '-p', POOL, '--fix', '--yes', '--json'],
        testEnv(fake.url),
      );
      const report = parse(result);
      expect(writes(fake).map((r) => [r.action, r.region])).toEqual([['ses:DeleteSuppressedDestination', 'us-east-1']]);
      expect(report.fixes).toMatchObject([
        { code: 'ses-account-suppression-list', status: 'applied', region: 'us-east-1' },
      ]);
      expect(report.fixes![0]!.command).toBe(
        'aws sesv2 delete-suppressed-destination --email-address jane@example.com --region us-east-1',
      );
      expect(notable(report)).not.toContain('ses-account-suppression-list');
      expect(fake.world.ses!['us-east-1']!.suppressed).toEqual({});
    });
  });

  it('--yes never opts a number back in: that step needs its own confirmation at a terminal', async () => {
    await withFake(optedOutWorld(), async (fake) => {
      const result = await runCli(
        ['forgot-password', 'jane', '-p', POOL, '--fix', '--yes', '--json'],
        testEnv(fake.url),
      );
      const report = parse(result);
      expect(writes(fake)).toEqual([]);
      expect(report.fixes).toMatchObject([
        {
          code: 'sms-opted-out',
          status: 'skipped',
          action: 'sns:OptInPhoneNumber',
          region: 'eu-central-1',
          input: { phoneNumber: '+447400123456' },
        },
      ]);
      expect(report.fixes![0]!.message).toMatch(/own confirmation at a terminal.*--yes does not confirm it/);
      expect(notable(report)).toContain('sms-opted-out');
    });
  });

  it('confirms an unconfirmed sign-up, then marks the recovery address verified, in checklist order', async () => {
    const w = world({
      pools: jane({
        status: 'UNCONFIRMED',
        attributes: { email_verified: 'false', phone_number_verified: 'false' },
      }),
    });
    await withFake(w, async (fake) => {
      const result = await runCli(
        ['forgot-password', 'jane', '-p', POOL, '--fix', '--yes', '--json'],
        testEnv(fake.url),
      );
      const report = parse(result);
      expect(writes(fake).map((r) => [r.operation, r.input])).toEqual([
        ['AdminConfirmSignUp', { UserPoolId: POOL, Username: 'jane' }],
        [
          'AdminUpdateUserAttributes',
          { UserPoolId: POOL, Username: 'jane', UserAttributes: [{ Name: 'email_verified', Value: 'true' }] },
        ],
      ]);
      expect(report.fixes?.map((f) => [f.code, f.status])).toEqual([
        ['user-unconfirmed', 'applied'],
        ['user-unconfirmed', 'applied'],
      ]);
      expect(report.verdict).toMatchObject({ status: 'deliverable', channel: 'EMAIL' });
      expect(result.stderr).toContain('take over the account');
    });
  });

  it('resends the invitation by e-mail; the report says the user must still sign in', async () => {
    await withFake(world({ pools: jane({ status: 'FORCE_CHANGE_PASSWORD' }) }), async (fake) => {
      const result = await runCli(
        ['forgot-password', 'jane', '-p', POOL, '--fix', '--yes', '--json'],
        testEnv(fake.url),
      );
      const report = parse(result);
      expect(writes(fake).map((r) => [r.operation, r.input])).toEqual([
        [
          'AdminCreateUser',
          { UserPoolId: POOL, Username: 'jane', MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] },
        ],
      ]);
      expect(report.fixes).toMatchObject([{ code: 'user-force-change-password', status: 'applied' }]);
      expect(report.fixes![0]!.message).toMatch(/still reports user-force-change-password.*sign in/);
      expect(notable(report)).toContain('user-force-change-password');
      expect(result.code).toBe(1);
    });
  });

  it('a failing write stops the fixes; the exit code comes from the re-run', async () => {
    const w = world({
      pools: jane({ enabled: false }),
      ses: { 'eu-west-1': { suppressed: SUPPRESSED } },
      faults: [{ operation: 'cognito-idp:AdminEnableUser', kind: 'access-denied' }],
    });
    await withFake(w, async (fake) => {
      const result = await runCli(
        ['forgot-password', 'jane', '-p', POOL, '--fix', '--yes', '--json'],
        testEnv(fake.url),
      );
      const report = parse(result);
      expect(report.fixes?.map((f) => [f.code, f.status])).toEqual([
        ['user-disabled', 'failed'],
        ['ses-account-suppression-list', 'skipped'],
      ]);
      expect(report.fixes![0]!.message).toMatch(/AccessDeniedException/);
      expect(writes(fake).map((r) => r.action)).toEqual(['cognito-idp:AdminEnableUser']);
      expect(fake.requests.filter((r) => r.action === 'cognito-idp:AdminGetUser')).toHaveLength(2);
      expect(notable(report)).toEqual(expect.arrayContaining(['user-disabled', 'ses-account-suppression-list']));
      expect(result.code).toBe(1);
    });
  });

  it('--fix with nothing fixable changes nothing and says so', async () => {
    await withFake(world({}), async (fake) => {
      const result = await runCli(
        ['forgot-password', 'jane', '-p', POOL, '--fix', '--yes', '--json'],
        testEnv(fake.url),
      );
      const report = parse(result);
      expect(report.fixes).toEqual([]);
      expect(writes(fake)).toEqual([]);
      expect(result.stderr).toContain('nothing found that --fix can change');
      expect(result.code).toBe(0);
    });
  });
});

/** Jane's number opted out of SMS, the pool sending SMS through SNS in eu-central-1. */
function optedOutWorld(): World {
  const base = readBase();
  return world({
    pools: jane(
      {},
      {
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_phone_number', Priority: 1 }] },
        SmsConfiguration: { SnsRegion: 'eu-central-1' },
      },
    ),
    sns: { 'eu-central-1': { ...base.sns['eu-west-1'], optedOut: ['+447400123456'] } },
    cloudwatch: { 'eu-central-1': base.cloudwatch['eu-west-1'] as never },
    'sms-voice': { 'eu-central-1': base['sms-voice']['eu-west-1'] },
  });
}

function readBase(): {
  ses: Record<string, { identities: unknown }>;
  sns: Record<string, Record<string, unknown>>;
  cloudwatch: Record<string, unknown>;
  'sms-voice': Record<string, unknown>;
} {
  return JSON.parse(readFileSync(join(WORLDS_DIR, 'base.json'), 'utf8'));
}

describe.runIf(hasScript).concurrent('--fix at a terminal', () => {
  it('asks before each step; a declined resend offers a password typed at a hidden prompt', async () => {
    const password = 'Correct-Horse-9';
    await withFake(world({ pools: jane({ enabled: false, status: 'FORCE_CHANGE_PASSWORD' }) }), async (fake) => {
      const result = await runInTerminal(
        ['forgot-password', 'jane', '-p', POOL, '--fix', '--json'],
        testEnv(fake.url),
        [
          ['Apply this step? [y/N]', 'y'],
          ['Apply this step? [y/N]', 'n'],
          ['Apply this instead? [y/N]', 'y'],
          ['(not shown): ', password],
          ['Type it again: ', password],
        ],
      );
      expect(writes(fake).map((r) => [r.operation, r.input])).toEqual([
        ['AdminEnableUser', { UserPoolId: POOL, Username: 'jane' }],
        ['AdminSetUserPassword', { UserPoolId: POOL, Username: 'jane', Password: password, Permanent: true }],
      ]);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(schemaErrors(report)).toEqual([]);
      expect(report.fixes?.map((f) => [f.action, f.status])).toEqual([
        ['cognito-idp:AdminEnableUser', 'applied'],
        ['cognito-idp:AdminSetUserPassword', 'applied'],
      ]);
      expect(report.verdict.status).toBe('deliverable');
      expect(result.code).toBe(0);
      expect(result.screen).not.toContain(password);
      expect(result.stdout).not.toContain(password);
    });
  });

  it('opts the number back in once its own question is answered, in the SMS Region', async () => {
    await withFake(optedOutWorld(), async (fake) => {
      const result = await runInTerminal(
        ['forgot-password', 'jane', '-p', POOL, '--fix', '--json'],
        testEnv(fake.url),
        [['opt this number back in (once in 30 days)? [y/N]', 'y']],
      );
      expect(writes(fake).map((r) => [r.action, r.region, r.input, r.attempt])).toEqual([
        ['sns:OptInPhoneNumber', 'eu-central-1', { phoneNumber: '+447400123456' }, 1],
      ]);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report.fixes).toMatchObject([{ code: 'sms-opted-out', status: 'applied', region: 'eu-central-1' }]);
      expect(notable(report)).not.toContain('sms-opted-out');
      expect(report.verdict.channel).toBe('SMS');
    });
  });

  it('a declined step changes nothing and needs no re-run', async () => {
    await withFake(world({ pools: jane({ enabled: false }) }), async (fake) => {
      const result = await runInTerminal(
        ['forgot-password', 'jane', '-p', POOL, '--fix', '--json'],
        testEnv(fake.url),
        [['Apply this step? [y/N]', 'n']],
      );
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report.fixes).toMatchObject([{ code: 'user-disabled', status: 'declined' }]);
      expect(writes(fake)).toEqual([]);
      expect(fake.requests.filter((r) => r.action === 'cognito-idp:AdminGetUser')).toHaveLength(1);
      expect(result.code).toBe(1);
    });
  });
});
