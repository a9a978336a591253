// The fix registry, the plan and the apply loop on plain data: no AWS, no process.

import type { AdminGetUserCommandOutput, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AwsCallError } from '../../src/aws/errors.js';
import type { AwsCaller } from '../../src/aws/caller.js';
import { causes, type CauseCode } from '../../src/causes.js';
import type { Finding } from '../../src/checks/types.js';
import { remediation } from '../../src/checks/remedy.js';
import {
  enableUserRequest,
  markVerifiedRequest,
  NEW_PASSWORD,
  optInRequest,
  resendInvitationRequest,
  setPasswordRequest,
  unsuppressRequest,
  write,
  type WriteCommand,
} from '../../src/remedy/commands.js';
import type { WriteRequest } from '../../src/remedy/write-request.js';
import type { IamAction } from '../../src/aws/services.js';
import { Context, type Target, type UserResolution } from '../../src/context/index.js';
import { applyFixes, autoConfirm, explainRemaining } from '../../src/fixes/apply.js';
import { fixRecord, planFixes } from '../../src/fixes/plan.js';
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
    contactHolders: async () => undefined,
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

function finding(
  code: CauseCode,
  status: Finding['status'] = 'fail',
  check = 'x',
  commands: WriteCommand[] = [],
): Finding {
  return {
    check,
    status,
    code,
    title: causes[code],
    message: '',
    evidence: {},
    ...(commands.length ? { remediation: remediation('', commands) } : {}),
  };
}

function facts(pool: UserPoolType, attributes: Record<string, string>, mfa: string[] = []): FixFacts {
  const u = user(attributes);
  return { ctx: fakeContext(pool, u), user: u, username: 'jane', attributes, pool, mfa, failing: {} };
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
    const resend = write(ctx, resendInvitationRequest(ctx, 'jane', 'EMAIL'));
    const steps = await planFixes(
      [
        finding('user-disabled', 'fail', 'user-status', [write(ctx, enableUserRequest(ctx, 'jane'))]),
        finding('user-force-change-password', 'fail', 'user-status', [
          resend,
          write(ctx, setPasswordRequest(ctx, 'jane')),
        ]),
        finding('temp-password-expired', 'fail', 'user-status', [resend]),
        finding('no-verified-contact', 'fail', 'contact', [
          write(ctx, markVerifiedRequest(ctx, 'jane', 'phone_number')),
          write(ctx, markVerifiedRequest(ctx, 'jane', 'email')),
        ]),
        finding('sms-opted-out', 'fail', 'sms', [write(ctx, optInRequest('+447700900123', 'eu-central-1'))]),
        finding('ses-account-suppression-list', 'fail', 'email', [
          write(ctx, unsuppressRequest('jane@example.com', 'us-east-1')),
        ]),
        finding('ses-sandbox', 'fail', 'email'),
        finding('user-disabled', 'info', 'other', [write(ctx, enableUserRequest(ctx, 'other'))]),
        // The report calls these not blocking (a warning, or the channel Cognito will not use): left alone.
        finding('sms-opted-out', 'warn', 'sms', [write(ctx, optInRequest('+447700900999', 'eu-central-1'))]),
      ],
      ctx,
    );
    expect(steps.map((s) => [s.code, s.request.action, s.request.region])).toEqual([
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
    for (const step of steps) expect(fixersFor(step.code).flatMap((f) => f.actions)).toContain(step.request.action);
    const alternative = steps[1]!.alternative!;
    expect(alternative.request.action).toBe('cognito-idp:AdminSetUserPassword');
    expect(alternative.needs).toBe('secret');
    expect(alternative.command).toContain('--password="${NEW_PASSWORD:?set NEW_PASSWORD}" --permanent');
    expect(steps[2]!.caution).toMatch(/take over the account/);
    expect(steps[3]!.caution).toMatch(/consent/);
    expect(steps[3]!.needs).toBe('explicit');
  });

  it('refuses to mark a contact verified that another account of the pool holds verified', async () => {
    const u = user({ email: 'jane@example.com', email_verified: 'false' });
    const holder = (username: string, status: string, verified: boolean) => ({
      username,
      status,
      enabled: true,
      verified,
      email_verified: String(verified),
      phone_number_verified: null,
    });
    const holders = {
      attribute: 'email',
      value: 'jane@example.com',
      others: [holder('jane.old', 'CONFIRMED', true), holder('jane2', 'UNCONFIRMED', false)],
      truncated: false,
    };
    const ctx = Object.assign(fakeContext(pool, u), { contactHolders: async () => holders });
    const [step] = await planFixes(
      [finding('no-verified-contact', 'fail', 'contact', [write(ctx, markVerifiedRequest(ctx, 'jane', 'email'))])],
      ctx,
    );
    expect(step!.refused).toMatch(/already the verified e-mail address of jane\.old \(CONFIRMED\).*move it away/);
    expect(step!.refused).not.toContain('jane2');
    const unreadable = Object.assign(fakeContext(pool, u), {
      contactHolders: async () => {
        throw new AwsCallError('access-denied', 'cognito-idp:ListUsers', 'eu-west-1', 'AccessDeniedException', 'no');
      },
    });
    const [blind] = await planFixes(
      [finding('no-verified-contact', 'fail', 'contact', [write(ctx, markVerifiedRequest(ctx, 'jane', 'email'))])],
      unreadable,
    );
    expect(blind!.refused).toMatch(/could not check.*cognito-idp:ListUsers: AccessDeniedException/);
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
    expect(
      await planFixes(
        [finding('sms-opted-out', 'fail', 'sms', [write(ctx, optInRequest('+447700900123', 'eu-west-1'))])],
        nobody,
      ),
    ).toEqual([]);
  });

  it('offers the password prompt alone when no invitation can be delivered', async () => {
    const ctx = fakeContext(pool, user({}, { UserStatus: 'FORCE_CHANGE_PASSWORD' }));
    const [step] = await planFixes(
      [finding('user-force-change-password', 'fail', 'x', [write(ctx, setPasswordRequest(ctx, 'jane'))])],
      ctx,
    );
    expect(step!.request.action).toBe('cognito-idp:AdminSetUserPassword');
    expect(step!.needs).toBe('secret');
  });
});

/** A step that enables user `name`; the fake caller fails the write of a user named `fail`. */
function step(name: string, extra: Partial<FixStep> = {}): FixStep {
  const request: WriteRequest = {
    action: 'cognito-idp:AdminEnableUser',
    region: 'eu-west-1',
    input: { UserPoolId: 'eu-west-1_AbC123', Username: name },
  };
  return { code: 'user-disabled', check: 'user-status', summary: name, request, command: `aws x ${name}`, ...extra };
}

let applied: string[] = [];
let sent: { action: string; input: object; once: boolean }[] = [];

/** The one method of the caller that --fix uses: records each write, fails or loses some on request. */
const caller = {
  async write(action: IamAction, region: string, input: { Username?: string }, options: { once: boolean }) {
    sent.push({ action, input, once: options.once });
    applied.push(input.Username ?? '');
    if (input.Username === 'fail') {
      throw new AwsCallError('access-denied', action, region, 'AccessDeniedException', 'no');
    }
    if (input.Username === 'lost') throw new AwsCallError('network', action, region, 'ECONNRESET', 'socket hang up');
    return {};
  },
} as unknown as AwsCaller;

function answers(...replies: (boolean | string)[]): Operator & { asked: string[] } {
  const asked: string[] = [];
  return {
    interactive: true,
    asked,
    async confirm(q) {
      asked.push(q.trim());
      return (replies.shift() as boolean | undefined) ?? false;
    },
    async secret(q) {
      asked.push(q.trim());
      return String(replies.shift() ?? '');
    },
  };
}

async function run(steps: FixStep[], operator: Operator) {
  applied = [];
  sent = [];
  let out = '';
  const records = await applyFixes(
    steps,
    { aws: caller, operator },
    {
      out: { write: (t: string) => (out += t) },
      style: createStyle(false),
    },
  );
  return { records, out };
}

const passwordStep = (name: string) =>
  step(name, {
    request: {
      action: 'cognito-idp:AdminSetUserPassword',
      region: 'eu-west-1',
      input: { UserPoolId: 'eu-west-1_AbC123', Username: name, Password: NEW_PASSWORD, Permanent: true },
    },
    needs: 'secret',
  });

describe('applyFixes', () => {
  it('asks before each step and applies only what was confirmed', async () => {
    const operator = answers(true, false, true);
    const { records } = await run([step('a'), step('b'), step('c')], operator);
    expect(applied).toEqual(['a', 'c']);
    expect(records.map((r) => r.status)).toEqual(['applied', 'declined', 'applied']);
    expect(operator.asked).toHaveLength(3);
  });

  it('stops at the first failure: later steps are not attempted', async () => {
    const { records, out } = await run([step('fail'), step('b')], answers(true, true));
    expect(applied).toEqual(['fail']);
    expect(records.map((r) => r.status)).toEqual(['failed', 'skipped']);
    expect(records[0]!.message).toMatch(/AccessDeniedException.*iam\/fix-policy\.json/);
    expect(out).toContain('✖ failed');
  });

  it('a lost reply is an unknown outcome, not a failure; a write not safe to repeat is sent once', async () => {
    const lost = passwordStep('lost');
    const { records } = await run([lost, step('b')], answers(true, 'Pw-1', 'Pw-1'));
    expect(sent).toEqual([
      {
        action: 'cognito-idp:AdminSetUserPassword',
        input: { UserPoolId: 'eu-west-1_AbC123', Username: 'lost', Password: 'Pw-1', Permanent: true },
        once: true,
      },
    ]);
    expect(records.map((r) => r.status)).toEqual(['unknown', 'skipped']);
    expect(records[0]!.message).toMatch(/no answer came back \(ECONNRESET\).*unknown.*not sent again/);
    expect(records[0]!.input.Password).toBe('${NEW_PASSWORD}');
    const [after] = explainRemaining(records, [lost], []);
    expect(after!.message).toMatch(/no longer reports user-disabled: it took effect/);
    await run([step('a')], answers(true));
    expect(sent[0]!.once).toBe(false);
  });

  it('never sends a refused step, and goes on with the next', async () => {
    const { records, out } = await run(
      [step('a', { refused: 'Refused: it takes from bob.' }), step('b')],
      answers(true),
    );
    expect(applied).toEqual(['b']);
    expect(records.map((r) => [r.status, r.message])).toEqual([
      ['refused', 'Refused: it takes from bob.'],
      ['applied', undefined],
    ]);
    expect(out).toContain('Refused: it takes from bob.');
  });

  it('offers the alternative to a person who declines, asks the password twice, records the step taken', async () => {
    const alternative = passwordStep('alt');
    const operator = answers(false, true, 'Pw-1', 'Pw-1');
    const { records } = await run([step('main', { alternative })], operator);
    expect(applied).toEqual(['alt']);
    expect(records).toMatchObject([{ summary: 'alt', status: 'applied', action: 'cognito-idp:AdminSetUserPassword' }]);
    expect(operator.asked).toEqual([
      'Apply this step?',
      'Apply this instead?',
      'NEW_PASSWORD (not shown):',
      'Type it again:',
    ]);
  });

  it('--yes confirms and says so, never offers the alternative, and skips what it cannot confirm', async () => {
    let out = '';
    const operator = autoConfirm({ write: (t: string) => (out += t) });
    const alternative = step('alt');
    const { records } = await run(
      [passwordStep('secret'), step('opt-in', { needs: 'explicit' }), step('main', { alternative })],
      operator,
    );
    expect(applied).toEqual(['main']);
    expect(records.map((r) => r.status)).toEqual(['skipped', 'skipped', 'applied']);
    expect(records[1]!.message).toMatch(/own confirmation at a terminal.*--yes does not confirm it/);
    expect(out).toContain('(auto-confirmed)');
    await expect(operator.secret('x')).rejects.toBeInstanceOf(NotApplied);
  });

  it("asks its own question before a step that overrides someone else's choice", async () => {
    const operator = answers(true);
    await run([step('opt-in', { needs: 'explicit' })], operator);
    expect(operator.asked).toEqual(["Override the owner's STOP and opt this number back in (once in 30 days)?"]);
  });

  it('records a step the operator abandoned at the password prompt as declined and goes on', async () => {
    const { records } = await run([passwordStep('a'), step('b')], answers(true, 'Pw-1', 'Pw-2', true));
    expect(records.map((r) => r.status)).toEqual(['declined', 'applied']);
    expect(records[0]!.message).toMatch(/the two NEW_PASSWORD differ/);
  });

  it('explains an applied step whose cause the re-run still reports', () => {
    const s = step('resend', { code: 'user-force-change-password', afterwards: 'The user must sign in first.' });
    const records = explainRemaining([fixRecord(s, 'applied')], [s], [finding('user-force-change-password')]);
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
