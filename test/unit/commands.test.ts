import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  aws,
  changeEmailRequest,
  clientCallCommand,
  enableUserRequest,
  poolUser,
  publish,
  requestOf,
  setPasswordRequest,
  shellQuote,
  write,
} from '../../src/remedy/commands.js';
import { sdkInput } from '../../src/remedy/write-request.js';
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

describe('a value that starts with -', () => {
  /** The words a POSIX shell makes of a printed line, with the variables given. */
  const words = (line: string, env: Record<string, string> = {}) =>
    execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8', env })
      .split('\0')
      .slice(0, -1);

  it('is joined to its option with =, in a write, a read line and the secret-hash line', () => {
    const enable = write(ctx(), enableUserRequest(ctx(), '-rf')).line;
    expect(enable).toBe(
      'aws cognito-idp admin-enable-user --user-pool-id eu-west-1_AbC123 --username=-rf --region eu-west-1',
    );
    const quoted = aws(ctx(), ['cognito-idp', 'admin-get-user', ...poolUser(ctx(), "-o'x")]);
    expect(words(quoted)).toContain("--username=-o'x");
    const call = clientCallCommand(ctx(), 'forgot-password', '-rf', { id: '1example23456789', hasSecret: true });
    expect(call).toContain(' --username=-rf ');
    // secret-hash takes the user after `--`, so it is its argument, never an option.
    expect(call).toContain(
      '"$(cognito-doctor secret-hash --client-id 1example23456789 --user-pool-id eu-west-1_AbC123 -- -rf)"',
    );
    const plainCall = clientCallCommand(ctx(), 'forgot-password', 'jane', { id: '1example23456789', hasSecret: true });
    expect(plainCall).toContain('"$(cognito-doctor secret-hash jane --client-id 1example23456789 ');
    expect(words(enable)).toContain('--username=-rf');
  });

  it('an operator’s value is joined with = too, and the shell stops when it is unset', () => {
    const line = write(ctx(), setPasswordRequest(ctx(), 'jane')).line;
    expect(line).toContain(' --password="${NEW_PASSWORD:?set NEW_PASSWORD}" --permanent ');
    expect(words(line, { NEW_PASSWORD: '-Secret1!' })).toContain('--password=-Secret1!');
    expect(() => execFileSync('/bin/sh', ['-c', `printf '%s' ${line}`], { env: {}, stdio: 'pipe' })).toThrow(
      /NEW_PASSWORD: set NEW_PASSWORD/,
    );
  });
});

describe('the e-mail address change', () => {
  it('is a write like the others: a guarded NEW_EMAIL in the line, ${NEW_EMAIL} in the request, the value in the SDK input', () => {
    const command = write(ctx(), changeEmailRequest(ctx(), 'jane'));
    expect(command.line).toBe(
      'aws cognito-idp admin-update-user-attributes --user-pool-id eu-west-1_AbC123 --username jane --user-attributes Name=email,Value="${NEW_EMAIL:?set NEW_EMAIL}" --region eu-west-1',
    );
    const published = publish(command);
    expect(published.input).toEqual({
      UserPoolId: 'eu-west-1_AbC123',
      Username: 'jane',
      UserAttributes: [{ Name: 'email', Value: '${NEW_EMAIL}' }],
    });
    expect(Object.keys(published.placeholders ?? {})).toEqual(['NEW_EMAIL']);
    const again = requestOf(published);
    expect(sdkInput(again, { NEW_EMAIL: 'jane@example.org' })).toEqual({
      UserPoolId: 'eu-west-1_AbC123',
      Username: 'jane',
      UserAttributes: [{ Name: 'email', Value: 'jane@example.org' }],
    });
    expect(() => sdkInput(again)).toThrow(/no value for NEW_EMAIL/);
    expect(write(ctx(), again).line).toBe(command.line);
  });
});
