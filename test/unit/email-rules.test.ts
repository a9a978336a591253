import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { defaultSender, senderAddresses, template } from '../../src/checks/email/config.js';
import { mergeByCode, type EmailSetup } from '../../src/checks/email/setup.js';
import { parseSesIdentityArn } from '../../src/domain/ses.js';

function setup(pool: UserPoolType): EmailSetup {
  const sourceArn = pool.EmailConfiguration?.SourceArn;
  const source = sourceArn ? parseSesIdentityArn(sourceArn) : undefined;
  return {
    pool,
    sendingAccount: pool.EmailConfiguration?.EmailSendingAccount === 'DEVELOPER' ? 'DEVELOPER' : 'COGNITO_DEFAULT',
    ...(sourceArn ? { sourceArn } : {}),
    ...(source ? { source } : {}),
    sesRegion: 'eu-west-1',
    poolRegion: 'eu-west-1',
    poolArn: 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123',
    account: '123456789012',
    address: 'jane@example.com',
    where: {},
  };
}
const codes = (outcomes: { code?: string; status: string }[]) => outcomes.map((o) => `${o.status} ${o.code}`);
const DOMAIN_ARN = 'arn:aws:ses:eu-west-1:123456789012:identity/shop.example.com';
const ADDRESS_ARN = 'arn:aws:ses:eu-west-1:123456789012:identity/no-reply@shop.example.com';

describe('template (ForgotPassword uses the verification message)', () => {
  const noCode = { VerificationMessageTemplate: { EmailMessage: 'Reset your password' } };

  it('fails a message without {####}', () => {
    expect(codes(template(setup(noCode)))).toEqual(['fail email-template-invalid']);
  });

  it('passes a message with {####}, and a pool with no template (Cognito default)', () => {
    expect(template(setup({ VerificationMessageTemplate: { EmailMessage: 'Code: {####}' } }))).toEqual([]);
    expect(template(setup({}))).toEqual([]);
  });

  it('prefers VerificationMessageTemplate over the older EmailVerificationMessage', () => {
    expect(template(setup({ ...noCode, EmailVerificationMessage: 'Code: {####}' }))).toHaveLength(1);
    expect(
      template(setup({ VerificationMessageTemplate: { EmailMessage: 'Code: {####}' }, EmailVerificationMessage: 'x' })),
    ).toEqual([]);
    expect(codes(template(setup({ EmailVerificationMessage: 'no code' })))).toEqual(['fail email-template-invalid']);
  });

  it('ignores the link template: ForgotPassword always sends a code', () => {
    const pool = {
      VerificationMessageTemplate: {
        DefaultEmailOption: 'CONFIRM_WITH_LINK' as const,
        EmailMessageByLink: '{##Click##}',
        EmailMessage: 'x',
      },
    };
    expect(codes(template(setup(pool)))).toEqual(['fail email-template-invalid']);
  });

  it('says nothing when a CustomMessage trigger or a custom e-mail sender builds the message', () => {
    expect(
      template(setup({ ...noCode, LambdaConfig: { CustomMessage: 'arn:aws:lambda:eu-west-1:1:function:m' } })),
    ).toEqual([]);
    const sender = { LambdaArn: 'arn:aws:lambda:eu-west-1:1:function:s', LambdaVersion: 'V1_0' as const };
    expect(template(setup({ ...noCode, LambdaConfig: { CustomEmailSender: sender } }))).toEqual([]);
  });
});

describe('senderAddresses', () => {
  const developer = (extra: Record<string, string>) =>
    setup({ EmailConfiguration: { EmailSendingAccount: 'DEVELOPER', SourceArn: DOMAIN_ARN, ...extra } });

  it('accepts From inside the domain identity (subdomains too) and a valid Reply-To', () => {
    expect(
      senderAddresses(
        developer({ From: 'Shop <no-reply@shop.example.com>', ReplyToEmailAddress: 'help@shop.example.com' }),
      ),
    ).toEqual([]);
    expect(senderAddresses(developer({ From: 'no-reply@mail.shop.example.com' }))).toEqual([]);
  });

  it('fails From outside the domain identity', () => {
    const [o] = senderAddresses(developer({ From: 'no-reply@example.org' }));
    expect(o?.code).toBe('invalid-reply-to-or-from');
    expect(o?.message).toContain('outside the SourceArn');
  });

  it('fails From that is not the address identity', () => {
    const s = setup({
      EmailConfiguration: { EmailSendingAccount: 'DEVELOPER', SourceArn: ADDRESS_ARN, From: 'help@shop.example.com' },
    });
    expect(senderAddresses(s)[0]?.message).toContain("is not the SourceArn's address identity");
    const same = setup({
      EmailConfiguration: {
        EmailSendingAccount: 'DEVELOPER',
        SourceArn: ADDRESS_ARN,
        From: 'Shop <No-Reply@Shop.Example.com>',
      },
    });
    expect(senderAddresses(same)).toEqual([]);
  });

  it('reports both bad fields in one finding', () => {
    const out = senderAddresses(
      developer({ From: 'Shop, Inc. <no-reply@shop.example.com>', ReplyToEmailAddress: 'support@shop' }),
    );
    expect(out).toHaveLength(1);
    expect(Object.keys(out[0]!.evidence!)).toEqual([
      'DescribeUserPool.UserPool.EmailConfiguration.From',
      'DescribeUserPool.UserPool.EmailConfiguration.ReplyToEmailAddress',
    ]);
  });

  it('ignores From without a SourceArn (the default sender then uses its own address), but not Reply-To', () => {
    expect(senderAddresses(setup({ EmailConfiguration: { From: 'not an address' } }))).toEqual([]);
    expect(codes(senderAddresses(setup({ EmailConfiguration: { ReplyToEmailAddress: 'a@@b.com' } })))).toEqual([
      'fail invalid-reply-to-or-from',
    ]);
  });
});

describe('defaultSender', () => {
  it('warns about the quota and informs about the hidden suppression list and the shared sender', () => {
    expect(codes(defaultSender(setup({})))).toEqual([
      'warn cognito-default-email-daily-limit',
      'info cognito-default-suppression-list',
      'info cognito-default-sender-filtered',
    ]);
  });

  it('does not call a custom From the shared sender', () => {
    const s = setup({ EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT', SourceArn: DOMAIN_ARN } });
    expect(codes(defaultSender(s))).not.toContain('info cognito-default-sender-filtered');
  });

  it('says nothing for DEVELOPER', () => {
    expect(
      defaultSender(setup({ EmailConfiguration: { EmailSendingAccount: 'DEVELOPER', SourceArn: DOMAIN_ARN } })),
    ).toEqual([]);
  });
});

describe('mergeByCode', () => {
  it('keeps one finding per code, with the worst status, both messages and all evidence and commands', () => {
    const fix = (c: string) => ({ text: c, commands: [c], docs: ['d'] });
    const merged = mergeByCode([
      { status: 'warn', code: 'ses-sending-paused', message: 'A.', evidence: { a: 1 }, remediation: fix('x') },
      { status: 'info', code: 'ses-sandbox', message: 'S.' },
      { status: 'fail', code: 'ses-sending-paused', message: 'B.', evidence: { b: 2 }, remediation: fix('y') },
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({
      status: 'fail',
      message: 'A. B.',
      evidence: { a: 1, b: 2 },
      remediation: { commands: ['x', 'y'], docs: ['d'] },
    });
  });
});
