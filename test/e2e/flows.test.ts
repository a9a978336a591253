// The sign-up, verify-attribute and invitation commands beyond their scenario worlds: --fix on a
// flow, the report's command, and the usage rules of the extra argument.

import { describe, expect, it } from 'vitest';
import { startFakeAws, type FakeAws } from '../fake/server.js';
import { resolveWorld, WORLDS_DIR, type World } from '../fake/world.js';
import { runCli, testEnv } from '../helpers/cli.js';

const POOL = 'eu-west-1_AbC123';

async function withFake<T>(w: World, body: (fake: FakeAws) => Promise<T>): Promise<T> {
  const fake = await startFakeAws(resolveWorld(w, WORLDS_DIR));
  try {
    return await body(fake);
  } finally {
    await fake.close();
  }
}

const verificationOff: World = {
  extends: 'sign-up-base',
  pools: { [POOL]: { pool: { AutoVerifiedAttributes: [] } } },
};

describe.concurrent('flows', () => {
  it('sign-up --fix --yes confirms an unconfirmed user whose code can never come, then checks again', async () => {
    await withFake(verificationOff, async (fake) => {
      const r = await runCli(['sign-up', 'sam', '-p', POOL, '--fix', '--yes', '--json'], testEnv(fake.url));
      const report = JSON.parse(r.stdout);
      expect(report.command).toBe('sign-up');
      expect(report.fixes).toEqual([
        expect.objectContaining({ action: 'cognito-idp:AdminConfirmSignUp', status: 'applied' }),
      ]);
      expect(fake.requests.filter((q) => q.operation === 'AdminConfirmSignUp')).toHaveLength(1);
      // After the fix the user is CONFIRMED, which the fix did: the re-check says so, and does not call
      // it a misuse of ResendConfirmationCode (a cause the fix itself would have created).
      expect(report.findings.map((f: { code?: string }) => f.code)).not.toContain('resend-confirmation-misuse');
      expect(report.findings).toContainEqual(
        expect.objectContaining({
          check: 'sign-up',
          status: 'pass',
          message: expect.stringMatching(/--fix confirmed/),
        }),
      );
    });
  });

  it('sign-up --dry-run plans the admin confirmation and says it verifies nothing', async () => {
    await withFake(verificationOff, async (fake) => {
      const r = await runCli(['sign-up', 'sam', '-p', POOL, '--dry-run'], testEnv(fake.url));
      expect(r.stdout).toContain('cognito-doctor sign-up sam');
      expect(r.stdout).toContain(
        'aws cognito-idp admin-confirm-sign-up --user-pool-id eu-west-1_AbC123 --username sam',
      );
      expect(r.stdout).toMatch(/verifies nothing/);
      expect(fake.requests.filter((q) => q.operation === 'AdminConfirmSignUp')).toEqual([]);
    });
  });

  it('invitation --fix --yes resends a suppressed invitation by e-mail', async () => {
    const suppressed: World = {
      extends: 'invitation-base',
      cloudtrail: {
        'eu-west-1': {
          events: [
            {
              eventName: 'AdminCreateUser',
              eventTime: 'now-2d',
              userPoolId: POOL,
              username: 'new.hire',
              requestParameters: { messageAction: 'SUPPRESS' },
            },
          ],
        },
      },
    };
    await withFake(suppressed, async (fake) => {
      const r = await runCli(['invitation', 'new.hire', '-p', POOL, '--fix', '--yes', '--json'], testEnv(fake.url));
      const report = JSON.parse(r.stdout);
      expect(report.command).toBe('invitation');
      const resend = fake.requests.find((q) => q.operation === 'AdminCreateUser');
      expect(resend?.input).toMatchObject({ MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] });
    });
  });

  it('verify-attribute takes email or phone_number, nothing else', async () => {
    const bad = await runCli(['verify-attribute', 'jane', 'phone', '-p', POOL], testEnv());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('use email or phone_number');
    const missing = await runCli(['verify-attribute', 'jane', '-p', POOL], testEnv());
    expect(missing.code).toBe(2);
  });

  it('verify-attribute names itself and the attribute in the report', async () => {
    await withFake({ extends: 'verify-base' }, async (fake) => {
      const r = await runCli(['verify-attribute', 'jane', 'phone_number', '-p', POOL, '--json'], testEnv(fake.url));
      const report = JSON.parse(r.stdout);
      expect(report.command).toBe('verify-attribute');
      expect(report.verdict).toMatchObject({ channel: 'SMS', destination: '+********3456' });
    });
  });
});
