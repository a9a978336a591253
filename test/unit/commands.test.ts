import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { aws, poolUser, shellQuote } from '../../src/remedy/commands.js';
import type { Context } from '../../src/context/index.js';

const ctx = (profile?: string) =>
  ({
    target: { userPoolId: 'eu-west-1_AbC123', region: 'eu-west-1', ...(profile ? { profile } : {}) },
  }) as unknown as Context;

describe('shellQuote', () => {
  it.each([
    'jane',
    'jane@example.com',
    '+447700900123',
    'eu-west-1_AbC123',
    'Name=email_verified,Value=true',
    'a/b:c%d',
  ])('%j needs no quotes', (arg) => {
    expect(shellQuote(arg)).toBe(arg);
  });

  it.each([
    ['', "''"],
    ['two words', "'two words'"],
    ["it's", "'it'\\''s'"],
    ['$HOME', "'$HOME'"],
    ['a*b', "'a*b'"],
    ['"quoted"', `'"quoted"'`],
  ])('%j → %s', (arg, quoted) => {
    expect(shellQuote(arg)).toBe(quoted);
  });

  it('a POSIX shell reads every quoted argument back unchanged', () => {
    const args = ["O'Brien & Sons", '$(rm -rf /)', '`id`', 'tab\there', 'new\nline', '!bang', 'back\\slash', ''];
    const script = `printf '%s\\0' ${args.map(shellQuote).join(' ')}`;
    const out = execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' });
    expect(out.split('\0').slice(0, -1)).toEqual(args);
  });
});

describe('aws', () => {
  it('adds --region, quotes arguments and passes raw ones through', () => {
    expect(
      aws(ctx(), [
        'cognito-idp',
        'admin-set-user-password',
        ...poolUser(ctx(), 'jane doe'),
        '--password',
        { raw: '"$NEW_PASSWORD"' },
      ]),
    ).toBe(
      `aws cognito-idp admin-set-user-password --user-pool-id eu-west-1_AbC123 --username 'jane doe' --password "$NEW_PASSWORD" --region eu-west-1`,
    );
  });

  it('uses the Region given (SMS and SES Regions) and adds --profile', () => {
    expect(aws(ctx('support team'), ['sns', 'get-sms-attributes'], 'us-east-1')).toBe(
      `aws sns get-sms-attributes --region us-east-1 --profile 'support team'`,
    );
  });
});
