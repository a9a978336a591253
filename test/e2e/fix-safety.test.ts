// What --fix must never do, end to end against the fake: change an account the ticket's value does not
// name (several accounts hold it), or resend an invitation by a channel the same report finds failing.
// The worlds are scenario worlds (test/scenarios/fix-*.json); the round trip checks their plans too.

import { describe, expect, it } from 'vitest';
import type { FakeAws } from '../fake/server.js';
import type { World } from '../fake/world.js';
import { runCli, testEnv, type CliResult } from '../helpers/cli.js';
import { isReadOnly, loadScenarios } from '../helpers/scenarios.js';
import { parseReport, withFake } from '../helpers/fix-run.js';
import { hasScript, runInTerminal } from '../helpers/terminal.js';

const POOL = 'eu-west-1_AbC123';

interface JsonReport {
  fixes?: { code: string; status: string; action: string; message?: string }[];
  exitCode: number;
}

const scenarios = loadScenarios();
const worldOf = (name: string): World => structuredClone(scenarios.find((s) => s.name === name)!.world);

const parse = (result: CliResult) => parseReport(result) as JsonReport;

const writes = (fake: FakeAws) => fake.requests.filter((r) => !isReadOnly(r.operation)).map((r) => r.action);

describe.concurrent('an input several accounts hold gets no write to an account', () => {
  it('--fix --yes refuses to enable the picked account, naming every candidate and how to name one', async () => {
    await withFake(worldOf('fix-ambiguous-email-one-enabled'), async (fake) => {
      const result = await runCli(
        ['forgot-password', 'jane@example.com', '-p', POOL, '--fix', '--yes', '--json'],
        testEnv(fake.url),
      );
      const report = parse(result);
      expect(writes(fake)).toEqual([]);
      expect(report.fixes).toMatchObject([{ code: 'user-disabled', status: 'refused' }]);
      const message = report.fixes![0]!.message!;
      expect(message).toContain('"jane@example.com" matches 2 accounts');
      expect(message).toContain('jdoe-old (CONFIRMED, disabled)');
      expect(message).toContain('jdoe-42 (CONFIRMED)');
      expect(message).toContain('run again with its username in place of "jane@example.com"');
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain('(auto-confirmed)');
      expect(result.code).toBe(1);
    });
  });

  it('keeps a step on the address itself, and masks the candidates under --redact', async () => {
    const w = worldOf('fix-ambiguous-email-all-disabled');
    w.ses!['eu-west-1']!.suppressed = { 'jane@example.com': { Reason: 'BOUNCE', LastUpdateTime: 'now-2d' } };
    await withFake(w, async (fake) => {
      const result = await runCli(
        ['forgot-password', 'jane@example.com', '-p', POOL, '--fix', '--yes', '--json', '--redact'],
        testEnv(fake.url),
      );
      const report = parse(result);
      expect(writes(fake)).toEqual(['ses:DeleteSuppressedDestination']);
      expect(report.fixes?.map((f) => [f.code, f.status])).toEqual([
        ['user-disabled', 'refused'],
        ['ses-account-suppression-list', 'applied'],
      ]);
      expect(report.fixes![0]!.message).toMatch(/matches 2 accounts, j\*\*\* \(CONFIRMED, disabled\), j\*\*\* /);
      for (const text of [result.stdout, result.stderr]) {
        expect(text).not.toMatch(/jdoe-old|jdoe-42|jane@example\.com/);
      }
    });
  });

  it("refuses a step on the picked account's other address: only the address or number named is the ticket's", async () => {
    // A phone number two accounts hold; the code goes by e-mail, to the picked account's suppressed address.
    const w = worldOf('fix-ambiguous-email-all-disabled');
    const users = w.pools![POOL]!.users!;
    for (const [name, email] of [
      ['jdoe-old', 'jane.old@example.com'],
      ['jdoe-42', 'jane@example.com'],
    ] as const) {
      users[name] = {
        ...users[name]!,
        enabled: true,
        attributes: { email, email_verified: 'true', phone_number: '+447400123456', phone_number_verified: 'true' },
      };
    }
    w.ses!['eu-west-1']!.suppressed = {
      'jane@example.com': { Reason: 'BOUNCE', LastUpdateTime: 'now-2d' },
      'jane.old@example.com': { Reason: 'BOUNCE', LastUpdateTime: 'now-2d' },
    };
    await withFake(w, async (fake) => {
      const result = await runCli(
        ['forgot-password', '+447400123456', '-p', POOL, '--fix', '--yes', '--json'],
        testEnv(fake.url),
      );
      const report = parse(result);
      expect(writes(fake)).toEqual([]);
      expect(report.fixes).toMatchObject([{ code: 'ses-account-suppression-list', status: 'refused' }]);
      expect(report.fixes![0]!.message).toContain('"+447400123456" matches 2 accounts');
    });
  });

  it('an alias Cognito resolves is no guess: the account holding it verified gets its fix', async () => {
    // Sign-in by e-mail alias: jane holds the address verified (disabled); an abandoned sign-up holds it unverified.
    const w = worldOf('fix-ambiguous-email-all-disabled');
    w.pools![POOL]!.pool.AliasAttributes = ['email'];
    const users = w.pools![POOL]!.users!;
    users['jdoe-old'] = {
      ...users['jdoe-old']!,
      enabled: true,
      status: 'UNCONFIRMED',
      attributes: { email: 'jane@example.com', email_verified: 'false' },
    };
    await withFake(w, async (fake) => {
      const result = await runCli(
        ['forgot-password', 'jane@example.com', '-p', POOL, '--fix', '--yes', '--json'],
        testEnv(fake.url),
      );
      expect(parse(result).fixes).toMatchObject([{ code: 'user-disabled', status: 'applied' }]);
      expect(writes(fake)).toEqual(['cognito-idp:AdminEnableUser']);
    });
  });

  it.runIf(hasScript)('asks nothing at a terminal for the refused step, and sends nothing', async () => {
    await withFake(worldOf('fix-ambiguous-email-all-disabled'), async (fake) => {
      const result = await runInTerminal(
        ['forgot-password', 'jane@example.com', '-p', POOL, '--fix', '--json'],
        testEnv(fake.url),
        [],
      );
      expect(result.screen).toContain('Refused: "jane@example.com" matches 2 accounts');
      expect(result.screen).not.toContain('Apply this');
      expect(writes(fake)).toEqual([]);
      expect(result.code).toBe(1);
    });
  });
});

describe.concurrent('no resend by a channel the report finds failing', () => {
  it('invitation: refuses the resend by e-mail while SES is in the sandbox', async () => {
    await withFake(worldOf('fix-resend-refused-ses-sandbox'), async (fake) => {
      const result = await runCli(
        ['invitation', 'new.hire', '-p', POOL, '--fix', '--yes', '--json'],
        testEnv(fake.url),
      );
      const report = parse(result);
      expect(writes(fake)).toEqual([]);
      expect(report.fixes).toMatchObject([
        { code: 'invite-delivery-failed-user-created', status: 'refused', action: 'cognito-idp:AdminCreateUser' },
      ]);
      expect(report.fixes![0]!.message).toMatch(
        /^Refused: the invitation would go by e-mail to new\.hire@example\.com, and this report finds that channel failing \(ses-sandbox\)\..* Fix the channel first, then resend\.$/,
      );
    });
  });

  it("invitation: ForgotPassword's verification template without {####} does not hold back a resend, which has its own", async () => {
    const w = worldOf('fix-resend-refused-ses-sandbox');
    // Out of the sandbox, so only the template is left failing on the e-mail channel.
    (w.ses!['eu-west-1'] as { account: { ProductionAccessEnabled: boolean } }).account.ProductionAccessEnabled = true;
    w.pools![POOL]!.pool.VerificationMessageTemplate = {
      EmailMessage: 'Your code is ready.',
      DefaultEmailOption: 'CONFIRM_WITH_CODE',
    };
    await withFake(w, async (fake) => {
      const result = await runCli(['invitation', 'new.hire', '-p', POOL, '--dry-run', '--json'], testEnv(fake.url));
      expect(parse(result).fixes).toMatchObject([
        { code: 'invite-delivery-failed-user-created', status: 'planned', action: 'cognito-idp:AdminCreateUser' },
      ]);
    });
  });

  it('forgot-password: refuses the resend by SMS in the SMS sandbox, and names the password alternative', async () => {
    await withFake(worldOf('fix-resend-refused-sms-sandbox'), async (fake) => {
      const result = await runCli(['forgot-password', 'jane', '-p', POOL, '--dry-run', '--json'], testEnv(fake.url));
      const report = parse(result);
      expect(report.fixes).toMatchObject([{ code: 'user-force-change-password', status: 'refused' }]);
      expect(report.fixes![0]!.message).toContain('(sms-sandbox)');
      expect(report.fixes![0]!.message).toContain('Or set a permanent password instead');
      expect(report.fixes![0]!.message).toContain('admin-set-user-password');
      expect(writes(fake)).toEqual([]);
    });
  });

  it.runIf(hasScript)('at a terminal, offers the password instead of the refused resend', async () => {
    const password = 'Correct-Horse-9';
    await withFake(worldOf('fix-resend-refused-sms-sandbox'), async (fake) => {
      const result = await runInTerminal(
        ['forgot-password', 'jane', '-p', POOL, '--fix', '--json'],
        testEnv(fake.url),
        [
          ['Apply this instead? [y/N]', 'y'],
          ['(not shown): ', password],
          ['Type it again: ', password],
        ],
      );
      expect(result.screen).toContain('Fix the channel first, then resend.');
      expect(result.screen).not.toContain('Apply this step?');
      expect(writes(fake)).toEqual(['cognito-idp:AdminSetUserPassword']);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report.fixes?.map((f) => [f.action, f.status])).toEqual([['cognito-idp:AdminSetUserPassword', 'applied']]);
    });
  });
});

describe('a refused step on the terminal', () => {
  it('is shown plain: a control character in a username read from AWS is not written', async () => {
    const world = worldOf('fix-ambiguous-email-one-enabled');
    const users = world.pools![POOL]!.users!;
    users['jdoe-\u001b[31mold'] = users['jdoe-old']!;
    delete users['jdoe-old'];
    await withFake(world, async (fake) => {
      const result = await runCli(
        ['forgot-password', 'jane@example.com', '-p', POOL, '--fix', '--yes'],
        testEnv(fake.url),
      );
      expect(writes(fake)).toEqual([]);
      const shown = result.stdout + result.stderr;
      expect(shown).toContain('Refused: ');
      expect(shown).toMatch(/Refused: .*jdoe-old/);
      expect(shown).not.toContain('\u001b');
    });
  });
});
