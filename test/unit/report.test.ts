import { describe, expect, it } from 'vitest';
import type { Check, Finding, Scope, Status } from '../../src/checks/types.js';
import type { CauseCode } from '../../src/causes.js';
import type { Target, UserResolution } from '../../src/context/index.js';
import type { ChannelPrediction } from '../../src/domain/channel.js';
import { buildReport, type ReportInput } from '../../src/report.js';

const SCOPES: Record<string, Scope> = {
  pool: 'core',
  user: 'core',
  client: 'advice',
  sms: 'SMS',
  email: 'EMAIL',
  triggers: 'core',
  mailbox: 'advice',
};
const checks = Object.entries(SCOPES).map(
  ([id, scope]) => ({ id, scope, title: id, codes: [], reads: [], docs: [] }) as unknown as Check,
);

const target: Target = {
  userPoolId: 'eu-west-1_AbC123',
  region: 'eu-west-1',
  input: 'jane@example.com',
  sinceMs: 86_400_000,
  now: new Date('2026-11-21T10:00:00Z'),
};
const resolution = {
  input: 'jane@example.com',
  via: 'alias',
  direct: true,
  user: { Username: 'jane', $metadata: {} },
  attributes: {},
  candidates: [],
} as UserResolution;
const byEmail: ChannelPrediction = {
  channel: 'EMAIL',
  attribute: 'email',
  destination: 'jane@example.com',
  rule: 'recovery-setting',
  mechanisms: [],
};
const bySms: ChannelPrediction = {
  channel: 'SMS',
  attribute: 'phone_number',
  destination: '+447700900123',
  rule: 'legacy',
  mechanisms: [],
};
const none: ChannelPrediction = { channel: 'NONE', rule: 'admin-only', mechanisms: [] };

const f = (check: string, status: Status, code?: CauseCode): Finding => ({
  check,
  status,
  ...(code ? { code } : {}),
  title: code ?? check,
  message: `${check} says ${status}`,
  evidence: {},
  ...(status === 'warn' || status === 'fail' ? { remediation: { text: 'fix', commands: [], docs: [] } } : {}),
});

const build = (findings: Finding[], prediction: ChannelPrediction | null = byEmail, more: Partial<ReportInput> = {}) =>
  buildReport({
    version: '9.9.9',
    target,
    checks,
    findings,
    resolution: prediction ? resolution : undefined,
    prediction: prediction ?? undefined,
    strict: false,
    durationMs: 42,
    ...more,
  });

const pass = ['pool', 'user', 'client', 'sms', 'email', 'mailbox'].map((c) => f(c, 'pass'));
const with_ = (...changed: Finding[]) => pass.map((p) => changed.find((c) => c.check === p.check) ?? p);

describe('buildReport: verdict status', () => {
  it.each([
    ['everything passes', with_(), byEmail, 'deliverable', 0],
    ['info never changes the verdict', with_(f('mailbox', 'info', 'email-spam-junk')), byEmail, 'deliverable', 0],
    ['a warning', with_(f('email', 'warn', 'ses-quota-exceeded')), byEmail, 'at-risk', 0],
    ['a failure', with_(f('user', 'fail', 'user-not-found')), byEmail, 'blocked', 1],
    [
      'a failure beats an error',
      with_(f('user', 'fail', 'user-disabled'), f('email', 'error', 'access-denied')),
      byEmail,
      'blocked',
      1,
    ],
    ['an error on a core check', with_(f('user', 'error', 'throttled')), byEmail, 'inconclusive', 3],
    [
      "an error on the predicted channel's check",
      with_(f('email', 'error', 'access-denied')),
      byEmail,
      'inconclusive',
      3,
    ],
    ['an error on the predicted SMS channel', with_(f('sms', 'error', 'access-denied')), bySms, 'inconclusive', 3],
    ['an error on the other channel', with_(f('sms', 'error', 'access-denied')), byEmail, 'deliverable', 0],
    ['an error on advice', with_(f('client', 'error', 'access-denied')), byEmail, 'deliverable', 0],
    [
      'an error beats a warning when it is decisive',
      with_(f('user', 'error', 'throttled'), f('sms', 'warn', 'sms-sandbox')),
      byEmail,
      'inconclusive',
      3,
    ],
    [
      'a non-decisive error and a warning',
      with_(f('client', 'error', 'access-denied'), f('email', 'warn', 'ses-quota-exceeded')),
      byEmail,
      'at-risk',
      0,
    ],
    ['advice that AWS throttled', with_(f('client', 'error', 'throttled')), byEmail, 'inconclusive', 3],
    ['advice cut off by the time limit', with_(f('client', 'error', 'deadline-exceeded')), byEmail, 'inconclusive', 3],
    ['advice that could not reach AWS', with_(f('client', 'error', 'network-error')), byEmail, 'inconclusive', 3],
    [
      'a throttled advice check beats a warning',
      with_(f('client', 'error', 'throttled'), f('email', 'warn', 'ses-quota-exceeded')),
      byEmail,
      'inconclusive',
      3,
    ],
    ['the other channel throttled', with_(f('sms', 'error', 'throttled')), byEmail, 'deliverable', 0],
  ] as const)('%s → %s', (_name, findings, prediction, status, exitCode) => {
    const report = build([...findings], prediction);
    expect([report.verdict.status, report.exitCode]).toEqual([status, exitCode]);
  });
});

describe('buildReport: checks of the channel Cognito will not use', () => {
  it('a failure there is capped to warn, with the reason', () => {
    const report = build(with_(f('sms', 'fail', 'sms-opted-out')), byEmail);
    const sms = report.findings.find((x) => x.check === 'sms')!;
    expect(sms.status).toBe('warn');
    expect(sms.message).toBe("sms says fail (Not blocking: this user's code goes by EMAIL.)");
    expect([report.verdict.status, report.exitCode, report.counts.fail, report.counts.warn]).toEqual([
      'at-risk',
      0,
      0,
      1,
    ]);
  });

  it('a failure on the predicted channel stays a failure', () => {
    const report = build(with_(f('sms', 'fail', 'sms-opted-out')), bySms);
    expect(report.findings.find((x) => x.check === 'sms')!.status).toBe('fail');
    expect(report.verdict.status).toBe('blocked');
  });

  it('with no qualifying channel, channel failures are capped and a core failure decides', () => {
    const report = build(with_(f('user', 'fail', 'recovery-admin-only'), f('email', 'fail', 'ses-sandbox')), none);
    expect(report.findings.find((x) => x.check === 'email')!).toMatchObject({
      status: 'warn',
      message: expect.stringContaining('no channel qualifies for this user yet'),
    });
    expect(report.verdict).toMatchObject({ status: 'blocked', channel: 'NONE', destination: null });
  });
});

describe('buildReport: the document', () => {
  it('fills target, verdict, counts and metadata', () => {
    const report = build(with_(f('mailbox', 'info', 'email-spam-junk'), f('client', 'skip')), byEmail, {
      strict: true,
    });
    expect(report).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'cognito-doctor', version: '9.9.9' },
      command: 'forgot-password',
      generatedAt: '2026-11-21T10:00:00.000Z',
      target: {
        userPoolId: 'eu-west-1_AbC123',
        region: 'eu-west-1',
        input: 'jane@example.com',
        username: 'jane',
        clientId: null,
      },
      verdict: { status: 'deliverable', channel: 'EMAIL', destination: 'j***@e***' },
      counts: { pass: 4, info: 1, warn: 0, fail: 0, skip: 1, error: 0 },
      exitCode: 0,
      durationMs: 42,
    });
    expect(report.verdict.summary).toBe('Cognito should deliver the code by e-mail to j***@e***; no problem found.');
  });

  it('without a resolved user: channel UNKNOWN, no username, no destination', () => {
    const report = build([f('pool', 'error', 'pool-not-found'), f('user', 'skip')], null);
    expect(report.target.username).toBeNull();
    expect(report.verdict).toMatchObject({ status: 'inconclusive', channel: 'UNKNOWN', destination: null });
    expect(report.verdict.summary).toBe('Could not tell whether the code can be delivered: pool-not-found.');
    expect(report.exitCode).toBe(4);
  });

  it('summaries name the failing and warning causes once each', () => {
    const blocked = build(with_(f('user', 'fail', 'user-disabled')), bySms);
    expect(blocked.verdict.summary).toBe(
      'No reset code can be delivered: user-disabled. Once fixed, the code goes by SMS to +********0123.',
    );
    const atRisk = build(with_(f('email', 'warn', 'ses-quota-exceeded'), f('sms', 'fail', 'sms-sandbox')), byEmail);
    expect(atRisk.verdict.summary).toBe(
      'The code should go by e-mail to j***@e***, but: sms-sandbox; ses-quota-exceeded.',
    );
  });

  it('a federated user has no password to reset: the summary promises no code once fixed', () => {
    const federated = build(with_(f('user', 'fail', 'federated-user')), byEmail);
    expect(federated.verdict.summary).toBe('No reset code can be delivered: federated-user.');
  });

  it('--strict makes a warning exit 1 without changing the verdict', () => {
    const report = build(with_(f('email', 'warn', 'ses-quota-exceeded')), byEmail, { strict: true });
    expect([report.verdict.status, report.exitCode]).toEqual(['at-risk', 1]);
  });
});

describe('buildReport: a selection never gives a false green', () => {
  const skipped = (check: string) => ({ ...f(check, 'skip'), message: 'Skipped: not selected by --only.' });

  it.each([
    ['the pool', ['pool'], byEmail],
    ['the user', ['user'], null],
    ["the chosen channel's check", ['email'], byEmail],
    ['the SMS check when SMS is chosen', ['sms'], bySms],
  ] as const)('leaving out %s → inconclusive (exit 3), naming what did not run', (_what, out, prediction) => {
    const report = build(with_(...out.map(skipped)), prediction, { leftOut: out });
    expect([report.verdict.status, report.exitCode]).toEqual(['inconclusive', 3]);
    expect(report.verdict.summary).toContain(`not run (--only/--skip): ${out.join(', ')}`);
  });

  it('leaving out the other channel or advice still gives a verdict', () => {
    const report = build(with_(skipped('sms'), skipped('client')), byEmail, { leftOut: ['sms', 'client'] });
    expect(report.verdict.status).toBe('deliverable');
  });

  it('a proven failure still blocks', () => {
    const report = build(with_(f('user', 'fail', 'user-disabled'), skipped('email')), byEmail, { leftOut: ['email'] });
    expect([report.verdict.status, report.exitCode]).toEqual(['blocked', 1]);
  });
});

describe('buildReport: verdict.causes', () => {
  const causes = (
    findings: Finding[],
    prediction: ChannelPrediction | null = byEmail,
    more: Partial<ReportInput> = {},
  ) => build(findings, prediction, more).verdict.causes;

  it('is empty when the code can be delivered, info and all', () => {
    expect(causes(with_(f('mailbox', 'info', 'email-spam-junk')))).toEqual([]);
  });

  it('names the one failing cause, not the warnings, errors or info around it', () => {
    const findings = with_(
      f('user', 'fail', 'user-disabled'),
      f('client', 'warn', 'prevent-user-existence-errors-masking'),
      f('email', 'error', 'access-denied'),
      f('mailbox', 'info', 'email-spam-junk'),
    );
    expect(causes(findings)).toEqual(['user-disabled']);
  });

  it("puts the request's causes before the channel's, though the channel check comes first in the checklist", () => {
    // Cognito runs the CustomMessage trigger before it hands the message to SES.
    const findings = [
      ...with_(f('email', 'fail', 'ses-sandbox')),
      f('triggers', 'fail', 'custom-message-lambda-error'),
    ];
    expect(causes(findings)).toEqual(['custom-message-lambda-error', 'ses-sandbox']);
  });

  it('keeps checklist order among the request checks, and names a code reported twice once', () => {
    const findings = [
      ...with_(f('user', 'fail', 'user-disabled'), f('pool', 'fail', 'recovery-admin-only')),
      f('triggers', 'fail', 'custom-message-lambda-error'),
      f('triggers', 'fail', 'custom-message-lambda-error'),
    ];
    expect(causes(findings)).toEqual(['recovery-admin-only', 'user-disabled', 'custom-message-lambda-error']);
  });

  it("at risk: the chosen channel's warning before the other channel's capped failure", () => {
    const findings = with_(f('sms', 'fail', 'sms-sandbox'), f('email', 'warn', 'ses-quota-exceeded'));
    expect(causes(findings)).toEqual(['ses-quota-exceeded', 'sms-sandbox']);
    expect(causes(findings, bySms)).toEqual(['sms-sandbox']);
  });

  it('inconclusive: the error codes of the checks the answer depends on, and only those', () => {
    const findings = with_(
      f('user', 'error', 'throttled'),
      f('client', 'error', 'access-denied'),
      f('sms', 'error', 'network-error'),
      f('email', 'error', 'access-denied'),
      f('mailbox', 'warn', 'email-spam-junk'),
    );
    expect(causes(findings)).toEqual(['throttled', 'access-denied']);
  });

  it('inconclusive because --only/--skip left a decisive check out: no code, the summary names the checks', () => {
    const skipped = { ...f('email', 'skip'), message: 'Skipped: not selected by --only.' };
    expect(causes(with_(skipped), byEmail, { leftOut: ['email'] })).toEqual([]);
  });
});

describe('buildReport: console links', () => {
  const named = { ...f('user', 'fail', 'user-disabled'), evidence: { 'AdminGetUser.Enabled': false } };
  const passed = { ...f('email', 'pass'), evidence: { 'AdminGetUser.UserAttributes.email': 'jane@example.com' } };

  it('a finding a ticket acts on carries the console page of what it names; a pass does not', () => {
    const report = build(with_(named, passed));
    expect(report.findings.find((x) => x.check === 'user')!.links).toEqual([
      {
        label: 'Cognito console: user jane',
        url: 'https://eu-west-1.console.aws.amazon.com/cognito/v2/idp/user-pools/eu-west-1_AbC123/user-management/users/details/jane?region=eu-west-1',
      },
    ]);
    expect(report.findings.find((x) => x.check === 'email')).not.toHaveProperty('links');
  });

  it('--no-links (links: false) leaves them out', () => {
    const report = build(with_(named), byEmail, { links: false });
    expect(report.findings.find((x) => x.check === 'user')).not.toHaveProperty('links');
  });
});
