// The fix registry, the plan and the apply loop on plain data: no AWS, no process.

import type { AdminGetUserCommandOutput, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AwsCallError } from '../../src/aws/errors.js';
import type { AwsCaller } from '../../src/aws/caller.js';
import { causes, type CauseCode } from '../../src/causes.js';
import type { Finding } from '../../src/checks/types.js';
import { Context, type Target, type UserResolution } from '../../src/context/index.js';
import { applyFixes, autoConfirm, explainRemaining } from '../../src/fixes/apply.js';
import { planFixes } from '../../src/fixes/plan.js';
import { attributeToVerify, fixActions, fixersFor, fixers, NotApplied } from '../../src/fixes/registry.js';
import type { FixFacts, FixStep, Operator } from '../../src/fixes/types.js';
import { fixConfirmation, resolveDiagnoseOptions, UsageError } from '../../src/options.js';
import { normaliseUserInput } from '../../src/domain/user-input.js';
import { createStyle } from '../../src/render/style.js';
import { createPrompter, Interrupted } from '../../src/ui/prompt.js';

const target: Target = {
  userPoolId: 'eu-west-1_AbC123',
  region: 'eu-west-1',
  input: 'jane',
  sinceMs: 86_400_000,
  now: new Date('2026-11-21T10:00:00Z'),
};

const EMAIL_FIRST: NonNullable<UserPoolType['AccountRecoverySetting']> = {
  RecoveryMechanisms: [
    { Name: 'verified_email', Priority: 1 },
    { Name: 'verified_phone_number', Priority: 2 },
  ],
};

/** A Context whose pool and user are plain data, as the checklist would have memoised them. */
function fakeContext(pool: UserPoolType, user: AdminGetUserCommandOutput, extra: Partial<Target> = {}): Context {
  const attributes = Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name!, a.Value ?? '']));
  const resolution: UserResolution = { input: 'jane', via: 'username', direct: true, user, attributes, candidates: [] };
  return Object.assign(Object.create(Context.prototype) as Context, {
    target: { ...target, ...extra },
    pool: async () => pool,
    user: async () => resolution,
  });
}

function user(attributes: Record<string, string>, rest: Partial<AdminGetUserCommandOutput> = {}) {
  return {
    Username: 'jane',
    UserStatus: 'CONFIRMED',
    Enabled: true,
    UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    ...rest,
  } as AdminGetUserCommandOutput;
}

function finding(code: CauseCode, status: Finding['status'] = 'fail', check = 'x'): Finding {
  return { check, status, code, title: causes[code], message: '', evidence: {} };
}

function facts(pool: UserPoolType, attributes: Record<string, string>, mfa: string[] = []): FixFacts {
  const u = user(attributes);
  return { ctx: fakeContext(pool, u), user: u, username: 'jane', attributes, pool, mfa };
}

describe('fix registry', () => {
  it('has one fixer per code (an unconfirmed user: confirm, then verify), and the policy lists every action once', () => {
    const shared = fixers.flatMap((f) => f.codes).filter((c, i, all) => all.indexOf(c) !== i);
    expect(shared).toEqual(['user-unconfirmed']);
    expect(fixersFor('user-unconfirmed').flatMap((f) => f.actions)).toEqual([
      'cognito-idp:AdminConfirmSignUp',
      'cognito-idp:AdminUpdateUserAttributes',
    ]);
    expect(fixActions()).toEqual([...new Set(fixers.flatMap((f) => f.actions))].sort());
    expect(fixersFor('ses-sandbox')).toEqual([]);
    expect(fixersFor(undefined)).toEqual([]);
  });

  it('never plans a pool or client update (they reset every omitted setting)', () => {
    for (const action of fixActions()) expect(action).not.toMatch(/UpdateUserPool/);
  });
});

describe('attributeToVerify', () => {
  const both = { email: 'jane@example.com', phone_number: '+447700900123' };
  it.each([
    ['e-mail first, both unverified', EMAIL_FIRST, both, [], 'email'],
    ['legacy rule: phone first', undefined, both, [], 'phone_number'],
    [
      'only SMS recovery, e-mail verified',
      { RecoveryMechanisms: [{ Name: 'verified_phone_number', Priority: 1 }] },
      { ...both, email_verified: 'true' },
      [],
      'phone_number',
    ],
    ['e-mail first but no address: the phone', EMAIL_FIRST, { phone_number: '+447700900123' }, [], 'phone_number'],
    [
      'SMS MFA rules the phone out',
      { RecoveryMechanisms: [{ Name: 'verified_phone_number', Priority: 1 }] },
      both,
      ['SMS_MFA'],
      undefined,
    ],
    ['admin_only: nothing helps', { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] }, both, [], undefined],
    ['no contact at all', EMAIL_FIRST, {}, [], undefined],
  ] as const)('%s', (_name, setting, attributes, mfa, expected) => {
    const pool = setting ? { AccountRecoverySetting: setting } : {};
    expect(attributeToVerify(facts(pool as UserPoolType, { ...attributes }, [...mfa]))).toBe(expected);
  });
});

describe('planFixes', () => {
  const pool: UserPoolType = {
    AccountRecoverySetting: EMAIL_FIRST,
    EmailConfiguration: {
      EmailSendingAccount: 'DEVELOPER',
      SourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/x.com',
    },
    SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::1:role/r', SnsRegion: 'eu-central-1' },
  };
  const attributes = { email: 'jane@example.com', email_verified: 'false', phone_number: '+447700900123' };

  it('plans in checklist order, with exact commands in the right Regions, one step per command', async () => {
    const ctx = fakeContext(pool, user(attributes, { UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: false }), {
      profile: 'ops',
    });
    const steps = await planFixes(
      [
        finding('user-disabled', 'fail', 'user-status'),
        finding('user-force-change-password', 'fail', 'user-status'),
        finding('temp-password-expired', 'warn', 'user-status'),
        finding('no-verified-contact', 'fail', 'contact'),
        finding('sms-opted-out', 'warn', 'sms'),
        finding('ses-account-suppression-list', 'fail', 'email'),
        finding('ses-sandbox', 'fail', 'email'),
        finding('user-disabled', 'info', 'other'),
      ],
      ctx,
    );
    expect(steps.map((s) => [s.code, s.action, s.region])).toEqual([
      ['user-disabled', 'cognito-idp:AdminEnableUser', 'eu-west-1'],
      ['user-force-change-password', 'cognito-idp:AdminCreateUser', 'eu-west-1'],
      ['no-verified-contact', 'cognito-idp:AdminUpdateUserAttributes', 'eu-west-1'],
      ['sms-opted-out', 'sns:OptInPhoneNumber', 'eu-central-1'],
      ['ses-account-suppression-list', 'ses:DeleteSuppressedDestination', 'us-east-1'],
    ]);
    expect(steps.map((s) => s.command)).toEqual([
      'aws cognito-idp admin-enable-user --user-pool-id eu-west-1_AbC123 --username jane --region eu-west-1 --profile ops',
      'aws cognito-idp admin-create-user --user-pool-id eu-west-1_AbC123 --username jane --message-action RESEND --desired-delivery-mediums EMAIL --region eu-west-1 --profile ops',
      'aws cognito-idp admin-update-user-attributes --user-pool-id eu-west-1_AbC123 --username jane --user-attributes Name=email_verified,Value=true --region eu-west-1 --profile ops',
      'aws sns opt-in-phone-number --phone-number +447700900123 --region eu-central-1 --profile ops',
      'aws sesv2 delete-suppressed-destination --email-address jane@example.com --region us-east-1 --profile ops',
    ]);
    for (const step of steps) expect(fixersFor(step.code).flatMap((f) => f.actions)).toContain(step.action);
    const resend = steps[1]!;
    expect(resend.alternative?.action).toBe('cognito-idp:AdminSetUserPassword');
    expect(resend.alternative?.interactiveOnly).toBe(true);
    expect(resend.alternative?.command).toContain('--password "$NEW_PASSWORD" --permanent');
    expect(steps[2]!.caution).toMatch(/take over the account/);
    expect(steps[3]!.caution).toMatch(/consent/);
  });

  it('plans nothing the facts contradict (enabled user, wrong status) and nothing for a missing user', async () => {
    const ctx = fakeContext(pool, user(attributes));
    expect(
      await planFixes(
        [finding('user-disabled'), finding('user-unconfirmed'), finding('user-force-change-password')],
        ctx,
      ),
    ).toEqual([]);
    const nobody = Object.assign(Object.create(Context.prototype) as Context, {
      target,
      pool: async () => pool,
      user: async () => ({ input: 'x', via: 'none', attributes: {}, candidates: [] }),
    });
    expect(await planFixes([finding('sms-opted-out')], nobody)).toEqual([]);
  });

  it('offers the password prompt alone when no invitation can be delivered', async () => {
    const ctx = fakeContext(pool, user({}, { UserStatus: 'FORCE_CHANGE_PASSWORD' }));
    const [step] = await planFixes([finding('user-force-change-password')], ctx);
    expect(step!.action).toBe('cognito-idp:AdminSetUserPassword');
    expect(step!.interactiveOnly).toBe(true);
  });
});

/** A step whose apply is recorded, and fails or declines when told to. */
function step(name: string, behaviour: 'ok' | 'fail' | 'decline' = 'ok', extra: Partial<FixStep> = {}): FixStep {
  return {
    code: 'user-disabled',
    check: 'user-status',
    summary: name,
    command: `aws x ${name} --region eu-west-1`,
    action: 'cognito-idp:AdminEnableUser',
    region: 'eu-west-1',
    async apply() {
      applied.push(name);
      if (behaviour === 'fail') {
        throw new AwsCallError(
          'access-denied',
          'cognito-idp:AdminEnableUser',
          'eu-west-1',
          'AccessDeniedException',
          'no',
        );
      }
      if (behaviour === 'decline') throw new NotApplied('no password was typed');
    },
    ...extra,
  };
}

let applied: string[] = [];

function answers(...replies: boolean[]): Operator & { asked: string[] } {
  const asked: string[] = [];
  return {
    interactive: true,
    asked,
    async confirm(q) {
      asked.push(q.trim());
      return replies.shift() ?? false;
    },
    async secret() {
      return 'pw';
    },
  };
}

async function run(steps: FixStep[], operator: Operator) {
  applied = [];
  let out = '';
  const records = await applyFixes(
    steps,
    { aws: {} as AwsCaller, operator },
    {
      out: { write: (t: string) => (out += t) },
      style: createStyle(false),
    },
  );
  return { records, out };
}

describe('applyFixes', () => {
  it('asks before each step and applies only what was confirmed', async () => {
    const operator = answers(true, false, true);
    const { records } = await run([step('a'), step('b'), step('c')], operator);
    expect(applied).toEqual(['a', 'c']);
    expect(records.map((r) => r.status)).toEqual(['applied', 'declined', 'applied']);
    expect(operator.asked).toHaveLength(3);
  });

  it('stops at the first failure: later steps are not attempted', async () => {
    const { records, out } = await run([step('a', 'fail'), step('b')], answers(true, true));
    expect(applied).toEqual(['a']);
    expect(records.map((r) => r.status)).toEqual(['failed', 'skipped']);
    expect(records[0]!.message).toMatch(/AccessDeniedException.*iam\/fix-policy\.json/);
    expect(out).toContain('✖ failed');
  });

  it('offers the alternative to a person who declines, and records the step taken', async () => {
    const alternative = step('alt', 'ok', { action: 'cognito-idp:AdminSetUserPassword', interactiveOnly: true });
    const operator = answers(false, true);
    const { records } = await run([step('main', 'ok', { alternative })], operator);
    expect(applied).toEqual(['alt']);
    expect(records).toMatchObject([{ summary: 'alt', status: 'applied', action: 'cognito-idp:AdminSetUserPassword' }]);
  });

  it('--yes confirms and says so, never offers the alternative, and skips prompt-only steps', async () => {
    let out = '';
    const operator = autoConfirm({ write: (t: string) => (out += t) });
    const alternative = step('alt');
    const { records } = await run(
      [step('only-at-a-terminal', 'ok', { interactiveOnly: true }), step('main', 'ok', { alternative })],
      operator,
    );
    expect(applied).toEqual(['main']);
    expect(records.map((r) => r.status)).toEqual(['skipped', 'applied']);
    expect(out).toContain('(auto-confirmed)');
    await expect(operator.secret('x')).rejects.toBeInstanceOf(NotApplied);
  });

  it('records a step the operator abandoned at the password prompt as declined and goes on', async () => {
    const { records } = await run([step('a', 'decline'), step('b')], answers(true, true));
    expect(records.map((r) => r.status)).toEqual(['declined', 'applied']);
    expect(records[0]!.message).toMatch(/no password was typed/);
  });

  it('explains an applied step whose cause the re-run still reports', () => {
    const s = step('resend', 'ok', { code: 'user-force-change-password', afterwards: 'The user must sign in first.' });
    const records = explainRemaining(
      [
        {
          code: s.code,
          check: s.check,
          summary: s.summary,
          command: s.command,
          action: s.action,
          region: s.region,
          status: 'applied',
        },
      ],
      [s],
      [finding('user-force-change-password')],
    );
    expect(records[0]!.message).toBe(
      'Applied; the re-run still reports user-force-change-password. The user must sign in first.',
    );
    expect(explainRemaining(records, [s], [])[0]!.message).toBe(records[0]!.message);
  });
});

describe('who confirms --fix', () => {
  const tty = { stdinIsTTY: true, stderrIsTTY: true };
  it('is nobody without --fix, --yes when given, a person at a terminal, else a usage error', () => {
    expect(fixConfirmation({ fix: false, yes: false }, tty, {})).toBe('none');
    expect(fixConfirmation({ fix: true, yes: true }, { stdinIsTTY: false, stderrIsTTY: false }, {})).toBe('auto');
    expect(fixConfirmation({ fix: true, yes: false }, tty, {})).toBe('prompt');
    expect(() => fixConfirmation({ fix: true, yes: false }, { stdinIsTTY: false, stderrIsTTY: true }, {})).toThrow(
      /re-run with --yes/,
    );
    expect(() => fixConfirmation({ fix: true, yes: false }, { stdinIsTTY: true, stderrIsTTY: false }, {})).toThrow(
      UsageError,
    );
    expect(() => fixConfirmation({ fix: true, yes: false }, tty, { CI: 'true' })).toThrow(UsageError);
  });

  it('--dry-run wins over --fix, and --yes alone is a usage error', () => {
    const base = { userPoolId: 'eu-west-1_AbC123' };
    expect(resolveDiagnoseOptions('jane', { ...base, fix: true, dryRun: true }, [], normaliseUserInput)).toMatchObject({
      fix: false,
      dryRun: true,
    });
    expect(() => resolveDiagnoseOptions('jane', { ...base, yes: true }, [], normaliseUserInput)).toThrow(
      /--yes confirms the steps of --fix/,
    );
  });
});

describe('createPrompter', () => {
  function streams() {
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (d: Buffer) => (written += d.toString()));
    return { input, output, written: () => written };
  }

  it('reads y/N answers, keeps lines typed ahead, and treats the end of input as no', async () => {
    const { input, output, written } = streams();
    const prompter = createPrompter(input, output);
    input.write('y\nnope\nYES\n');
    expect(await prompter.confirm('First?')).toBe(true);
    expect(await prompter.confirm('Second?')).toBe(false);
    expect(await prompter.confirm('Third?')).toBe(true);
    input.end();
    expect(await prompter.confirm('Fourth?')).toBe(false);
    expect(await prompter.confirm('Fifth?')).toBe(false);
    prompter.close();
    expect(written()).toContain('First? [y/N] ');
  });

  it('reads a secret at a terminal without echoing it', async () => {
    const { input, output, written } = streams();
    const prompter = createPrompter(Object.assign(input, { isTTY: true }), Object.assign(output, { isTTY: true }));
    expect(await Promise.all([prompter.confirm('Echoed?'), Promise.resolve(input.write('y\r'))])).toEqual([true, true]);
    expect(written()).toMatch(/Echoed\? \[y\/N\] \S*y/); // a terminal echoes what is typed
    input.write('s3cret-Pw\r');
    expect(await prompter.secret('Password: ')).toBe('s3cret-Pw');
    prompter.close();
    expect(written()).toContain('Password: ');
    expect(written()).not.toContain('s3cret');
  });

  it('turns Ctrl-C at a prompt into Interrupted', async () => {
    const { input, output } = streams();
    const prompter = createPrompter(Object.assign(input, { isTTY: true }), Object.assign(output, { isTTY: true }));
    const pending = prompter.confirm('Apply?');
    input.write('\x03');
    await expect(pending).rejects.toBeInstanceOf(Interrupted);
    prompter.close();
  });
});
