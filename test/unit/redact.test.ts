import { describe, expect, it } from 'vitest';
import type { UserResolution } from '../../src/context/index.js';
import { Redactor, redactReport } from '../../src/redact.js';
import type { Report } from '../../src/report.js';

const report: Report = {
  schemaVersion: 1,
  tool: { name: 'cognito-doctor', version: '1.0.0' },
  command: 'forgot-password',
  generatedAt: '2026-11-21T10:00:00.000Z',
  target: {
    userPoolId: 'eu-west-1_AbC123',
    region: 'eu-west-1',
    input: 'jane.doe@example.com',
    username: 'jane.doe',
    clientId: '1example23456789',
  },
  verdict: {
    status: 'blocked',
    channel: 'SMS',
    destination: '+********0123',
    summary: 'No code for jane.doe at +447700900123.',
    causes: ['sms-opted-out'],
  },
  findings: [
    {
      check: 'sms',
      status: 'fail',
      code: 'sms-opted-out',
      title: 'The phone number opted out of SMS',
      message: '+447700900123 of jane.doe (also known as jane) opted out; mail to jane.doe@example.com works.',
      evidence: {
        'AdminGetUser.UserAttributes.phone_number': '+447700900123',
        'ListUsers.Users': [{ Username: 'jane', Enabled: true }],
        'AdminGetUser.UserStatus': 'CONFIRMED',
      },
      remediation: {
        text: 'Opt jane.doe back in.',
        commands: ['aws sns opt-in-phone-number --phone-number +447700900123 --region eu-west-1'],
        docs: ['https://docs.aws.amazon.com/sns/'],
      },
    },
  ],
  counts: { pass: 0, info: 0, warn: 0, fail: 1, skip: 0, error: 0 },
  exitCode: 1,
  durationMs: 12,
};

const resolution = {
  input: 'jane.doe@example.com',
  via: 'email',
  attributes: {},
  candidates: [{ Username: 'jane' }, { Username: 'jane.doe' }, { Username: 'j' }],
} as unknown as UserResolution;

describe('redactReport', () => {
  const redacted = redactReport(report, resolution);
  const text = JSON.stringify(redacted);

  it('leaves no e-mail address, phone number or username anywhere', () => {
    for (const raw of ['jane.doe@example.com', 'example.com', '447700900123', 'jane']) expect(text).not.toContain(raw);
  });

  it('masks like Cognito does, longest username first', () => {
    expect(redacted.target).toMatchObject({ input: 'j***@e***', username: 'j***' });
    expect(redacted.findings[0]!.message).toBe(
      '+********0123 of j*** (also known as j***) opted out; mail to j***@e*** works.',
    );
    expect(redacted.findings[0]!.evidence).toEqual({
      'AdminGetUser.UserAttributes.phone_number': '+********0123',
      'ListUsers.Users': [{ Username: 'j***', Enabled: true }],
      'AdminGetUser.UserStatus': 'CONFIRMED',
    });
    expect(redacted.findings[0]!.remediation!.commands).toEqual([
      "aws sns opt-in-phone-number --phone-number '+********0123' --region eu-west-1",
    ]);
  });

  it('keeps evidence keys, ids, Region, tool, time and numbers', () => {
    expect(redacted).toMatchObject({
      tool: report.tool,
      generatedAt: report.generatedAt,
      target: { userPoolId: 'eu-west-1_AbC123', region: 'eu-west-1', clientId: '1example23456789' },
      counts: report.counts,
      exitCode: 1,
      durationMs: 12,
    });
    expect(redacted.findings[0]!.remediation!.docs).toEqual(report.findings[0]!.remediation!.docs);
  });

  it('masks a username of any length, whole when it is short, and leaves the original report alone', () => {
    expect(
      redactReport({ ...report, verdict: { ...report.verdict, summary: 'user j (not jo) is j.' } }, resolution).verdict
        .summary,
    ).toBe('user *** (not jo) is ***.');
    expect(redacted.findings[0]!.title).toBe('The phone number opted out of SMS');
    expect(report.target.username).toBe('jane.doe');
  });

  it('masks addresses in any script and the sub of every user it knows', () => {
    const sub = '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
    const known = {
      ...resolution,
      user: { Username: 'jürgen', UserAttributes: [{ Name: 'sub', Value: sub }] },
    } as unknown as UserResolution;
    const r = redactReport(
      { ...report, verdict: { ...report.verdict, summary: `jürgen.müller@bücher.example, sub ${sub}, user jürgen` } },
      known,
    );
    expect(r.verdict.summary).toBe('j***@b***, sub 0***, user j***');
  });

  it('works without a resolution (user not found)', () => {
    const r = redactReport({ ...report, target: { ...report.target, username: null } }, undefined);
    expect(r.target.input).toBe('j***@e***');
    expect(r.findings[0]!.message).toContain('+********0123');
  });

  it('masks the name the ticket gave, in any case, even when it resolved to nobody', () => {
    const typed = {
      ...report,
      target: { ...report.target, input: 'Jane.Doe', username: null },
      verdict: { ...report.verdict, summary: 'No user matches "Jane.Doe"; jane.doe was searched too.' },
    };
    const r = redactReport(typed, undefined);
    expect(r.target.input).toBe('J***');
    expect(r.verdict.summary).toBe('No user matches "J***"; j*** was searched too.');
  });

  it('masks an address with an apostrophe whole, and not a name inside a longer word', () => {
    const r = redactReport(
      {
        ...report,
        target: { ...report.target, input: 'ann', username: 'ann' },
        verdict: { ...report.verdict, summary: "o'brien@example.com belongs to ann, not to annabel." },
      },
      undefined,
    );
    expect(r.verdict.summary).toBe('o***@e*** belongs to ***, not to annabel.');
  });

  it('keeps the vocabulary: check ids, finding codes and verdict causes, even when a name matches a word of them', () => {
    const r = redactReport({ ...report, target: { ...report.target, input: 'sms', username: 'sms' } }, undefined);
    expect(r.target.input).toBe('***');
    expect(r.findings[0]).toMatchObject({ check: 'sms', code: 'sms-opted-out' });
    expect(r.verdict.causes).toEqual(['sms-opted-out']);
  });

  it('masks the personal values of console links in their encoded form, and keeps the rest of the link', () => {
    const user =
      'https://eu-west-1.console.aws.amazon.com/cognito/v2/idp/user-pools/eu-west-1_AbC123/user-management/users/details/j%C3%BCrgen.m%C3%BCller?region=eu-west-1';
    const identity =
      'https://eu-west-1.console.aws.amazon.com/ses/home?region=eu-west-1#/verified-identities/jane.doe%40example.com';
    const lambda =
      'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/shop-custom-message';
    const linked = {
      ...report,
      target: { ...report.target, username: 'jürgen.müller' },
      findings: [
        {
          ...report.findings[0]!,
          links: [
            { label: 'Cognito console: user jürgen.müller', url: user },
            { label: 'SES console: identity jane.doe@example.com (eu-west-1)', url: identity },
            { label: 'Lambda console: function shop-custom-message (eu-west-1)', url: lambda },
          ],
        },
      ],
    };
    expect(redactReport(linked, undefined).findings[0]!.links).toEqual([
      {
        label: 'Cognito console: user j***',
        url: 'https://eu-west-1.console.aws.amazon.com/cognito/v2/idp/user-pools/eu-west-1_AbC123/user-management/users/details/j***?region=eu-west-1',
      },
      {
        label: 'SES console: identity j***@e*** (eu-west-1)',
        url: 'https://eu-west-1.console.aws.amazon.com/ses/home?region=eu-west-1#/verified-identities/j***@e***',
      },
      { label: 'Lambda console: function shop-custom-message (eu-west-1)', url: lambda },
    ]);
  });
});

describe('Redactor names as the output spells them', () => {
  const names = ["o'brien", 'back\\slash', 'pay$day', 'say"hi', 'star*name'];
  const redactor = new Redactor(names);
  const at = (s: string) => redactor.text(s);

  it('masks a name inside shell quotes, JSON and filter strings and Markdown prose', () => {
    expect(at(`aws cognito-idp admin-get-user --username 'o'\\''brien' --region eu-west-1`)).toBe(
      `aws cognito-idp admin-get-user --username 'o***' --region eu-west-1`,
    );
    expect(at(`{"username": "back\\\\slash", "other": "say\\"hi"}`)).toBe(`{"username": "b***", "other": "s***"}`);
    expect(at('User star\\*name is CONFIRMED')).toBe('User s*** is CONFIRMED');
    for (const name of names) {
      const spelled = [`'${name.replace(/'/g, `'\\''`)}'`, JSON.stringify(name), name.replace(/[\\*]/g, '\\$&')];
      for (const s of spelled) expect(at(`x ${s} y`).toLowerCase()).not.toContain(s.slice(1, -1).toLowerCase());
    }
  });

  it('keeps a masked value in a shell command quoted, so a paste expands no glob', () => {
    const r = new Redactor(['dave', 'jo']);
    expect(r.text('    $ aws cognito-idp admin-enable-user --user-pool-id eu-west-1_AbC123 --username dave')).toBe(
      "    $ aws cognito-idp admin-enable-user --user-pool-id eu-west-1_AbC123 --username 'd***'",
    );
    expect(
      r.text(
        'aws x --username=dave --filter \'email = "dave@example.com"\' --user-attributes Name=phone_number,Value=+447700900123',
      ),
    ).toBe(
      `aws x --username='d***' --filter 'email = "d***@e***"' --user-attributes 'Name=phone_number,Value=+********0123'`,
    );
    // Prose is not a command: its masks stay as they are, unquoted.
    expect(r.text('User dave is CONFIRMED')).toBe('User d*** is CONFIRMED');
    // A variable the line leaves for the shell is not a value.
    expect(r.text('aws x --client-id "$CLIENT_ID" --username dave')).toBe(
      `aws x --client-id "$CLIENT_ID" --username 'd***'`,
    );
  });
});
