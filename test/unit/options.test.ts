import { describe, expect, it } from 'vitest';
import {
  decideColor,
  outputFormat,
  parseDuration,
  parseRate,
  regionOfPoolId,
  resolveDiagnoseOptions,
  UsageError,
} from '../../src/options.js';
import { normaliseUserInput } from '../../src/domain/user-input.js';

const CHECKS = ['pool', 'client', 'user', 'sms', 'email'];

describe('regionOfPoolId', () => {
  it.each([
    ['eu-west-1_AbC123', 'eu-west-1'],
    ['us-east-1_0aZ9', 'us-east-1'],
    ['ap-southeast-2_x', 'ap-southeast-2'],
    ['us-gov-west-1_Abc', 'us-gov-west-1'],
  ])('%s → %s', (id, region) => {
    expect(regionOfPoolId(id)).toBe(region);
  });

  it.each([
    'eu-west-1',
    'AbC123',
    'eu-west-1_',
    '_AbC123',
    'EU-WEST-1_AbC',
    'eu-west-1_Ab-C',
    'eu-west_Abc',
    ' eu-west-1_A',
  ])('%j is a usage error', (id) => {
    expect(() => regionOfPoolId(id)).toThrow(UsageError);
  });
});

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['90m', 5_400_000],
    ['24h', 86_400_000],
    ['7d', 604_800_000],
    [' 2h ', 7_200_000],
  ])('%j → %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('reaches back at most 90 days, as far as CloudTrail keeps events', () => {
    expect(parseDuration('90d')).toBe(90 * 86_400_000);
    expect(() => parseDuration('91d')).toThrow(/CloudTrail: 90 days/);
    expect(() => parseDuration('2161h')).toThrow(UsageError);
  });

  it.each(['', '0h', '1w', '1.5h', 'h', '-1h', '24'])('%j is a usage error', (text) => {
    expect(() => parseDuration(text)).toThrow(UsageError);
  });
});

describe('outputFormat', () => {
  it('defaults to pretty', () => {
    expect(outputFormat({})).toBe('pretty');
  });
  it('takes --output', () => {
    expect(outputFormat({ output: 'markdown' })).toBe('markdown');
  });
  it('--json agrees with --output json and contradicts any other', () => {
    expect(outputFormat({ output: 'json', json: true })).toBe('json');
    expect(() => outputFormat({ output: 'markdown', json: true })).toThrow(/--json and --output markdown/);
    expect(() => outputFormat({ output: 'yaml', json: true })).toThrow(UsageError);
  });
  it('rejects anything else', () => {
    expect(() => outputFormat({ output: 'yaml' })).toThrow(/--output "yaml"/);
  });
});

describe('decideColor: --color/--no-color, then FORCE_COLOR, then NO_COLOR, then the TTY', () => {
  it.each([
    [true, {}, false, true],
    [false, { FORCE_COLOR: '1' }, true, false],
    [true, { NO_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '0' }, true, false],
    [undefined, { FORCE_COLOR: 'false' }, true, false],
    [undefined, { FORCE_COLOR: '3' }, false, true],
    [undefined, { NO_COLOR: '1' }, true, false],
    [undefined, { NO_COLOR: '' }, true, true],
    [undefined, {}, true, true],
    [undefined, {}, false, false],
    [undefined, { TERM: 'dumb' }, true, false],
  ] as const)('flag %s, env %j, tty %s → %s', (flag, env, tty, want) => {
    expect(decideColor(flag, env, tty)).toBe(want);
  });
});

describe('resolveDiagnoseOptions', () => {
  const resolve = (raw: Parameters<typeof resolveDiagnoseOptions>[1], input = 'jane') =>
    resolveDiagnoseOptions(input, raw, CHECKS, normaliseUserInput);

  it('fills the defaults and takes the Region from the pool id', () => {
    expect(resolve({ userPoolId: 'eu-west-1_AbC123' })).toEqual({
      input: 'jane',
      userPoolId: 'eu-west-1_AbC123',
      region: 'eu-west-1',
      output: 'pretty',
      only: [],
      skip: [],
      strict: false,
      redact: false,
      links: true,
      sinceMs: 86_400_000,
      timeoutMs: 60_000,
      quiet: false,
      verbose: false,
      fix: false,
      dryRun: false,
      yes: false,
    });
  });

  it('--no-links (commander sets links false) turns the console links off', () => {
    expect(resolve({ userPoolId: 'eu-west-1_AbC123', links: false }).links).toBe(false);
  });

  it('accepts a --region that agrees and rejects one that does not', () => {
    expect(resolve({ userPoolId: 'eu-west-1_AbC123', region: 'eu-west-1' }).region).toBe('eu-west-1');
    expect(() => resolve({ userPoolId: 'eu-west-1_AbC123', region: 'us-east-1' })).toThrow(
      /--region us-east-1 disagrees .* eu-west-1/,
    );
  });

  it('parses --only and --skip lists and rejects unknown ids', () => {
    const o = resolve({ userPoolId: 'eu-west-1_A1', only: ' sms, email ,', skip: 'client' });
    expect([o.only, o.skip]).toEqual([['sms', 'email'], ['client']]);
    expect(() => resolve({ userPoolId: 'eu-west-1_A1', only: 'sms,dns' })).toThrow(/--only: unknown check id dns/);
    expect(() => resolve({ userPoolId: 'eu-west-1_A1', skip: 'nope' })).toThrow(/--skip: unknown check id nope/);
  });

  it.each([
    [{ userPoolId: 'eu-west-1_A1', only: 'email', skip: 'email' }, /--only and --skip both name email/],
    [{ userPoolId: 'eu-west-1_A1', only: '' }, /--only names no check/],
    [{ userPoolId: 'eu-west-1_A1', skip: ' , ' }, /--skip names no check/],
    [{ userPoolId: 'eu-west-1_A1', output: 'yaml', json: true }, /contradict/],
    [{ userPoolId: undefined }, /user-pool-id/],
    [{ userPoolId: 'eu-west-1_A1', endpointUrl: 'localhost:4566' }, /--endpoint-url/],
    [{ userPoolId: 'eu-west-1_A1', clientId: 'abc def' }, /--client-id/],
    [{ userPoolId: 'eu-west-1_A1', since: '1 week' }, /--since/],
    [{ userPoolId: 'eu-west-1_A1', timeout: '5' }, /--timeout "5" is not a duration/],
    [{ userPoolId: 'eu-west-1_A1', timeout: '0s' }, /--timeout must be longer than zero/],
  ])('%j is a usage error', (raw, message) => {
    expect(() => resolve(raw)).toThrow(message);
  });

  it('rejects an empty user and trims the input and the ids', () => {
    expect(() => resolve({ userPoolId: 'eu-west-1_A1' }, '  ')).toThrow(UsageError);
    const o = resolve({ userPoolId: ' eu-west-1_A1 ', clientId: ' 1example23456789 ' }, ' jane@example.com ');
    expect([o.input, o.userPoolId, o.clientId]).toEqual(['jane@example.com', 'eu-west-1_A1', '1example23456789']);
  });

  it('checks the user as Cognito does before any request: at most 128 characters, no control characters', () => {
    expect(resolve({ userPoolId: 'eu-west-1_A1' }, 'é'.repeat(128)).input).toHaveLength(128);
    expect(() => resolve({ userPoolId: 'eu-west-1_A1' }, 'a'.repeat(129))).toThrow(/129 characters long.*128/);
    expect(() => resolve({ userPoolId: 'eu-west-1_A1' }, 'jane\u001b[2Jdoe')).toThrow(
      /a control character \(U\+001B\)/,
    );
    expect(() => resolve({ userPoolId: 'eu-west-1_A1' }, 'jane\ndoe')).toThrow(/a control character \(U\+000A\)/);
    expect(() => resolve({ userPoolId: 'eu-west-1_A1' }, 'ja\u200bne')).toThrow(
      /formatting character \(U\+200B\) at character 3/,
    );
  });

  it('normalises a phone number written as tickets write it to E.164, and says so', () => {
    const uk = resolve({ userPoolId: 'eu-west-2_A1' }, '+44 7400 123457');
    expect(uk.input).toBe('+447400123457');
    expect(uk.inputNormalised).toMatch(/"\+44 7400 123457" was normalised to \+447400123457/);
    const us = resolve({ userPoolId: 'us-west-2_A1', region: 'us-west-2' }, '(415) 555-0100');
    expect(us.input).toBe('+14155550100');
    expect(us.inputNormalised).toMatch(/in US \(the pool's Region is us-west-2\)/);
    expect(resolve({ userPoolId: 'eu-west-2_A1' }, '07400 123457').input).toBe('+447400123457');
    expect(resolve({ userPoolId: 'eu-west-1_A1' }, '+44-7400-123457').input).toBe('+447400123457');
  });

  it('with --as-sent, keeps what the app really sends when the input had to be normalised', () => {
    const written = resolve({ userPoolId: 'eu-west-2_A1', asSent: true }, ' +44 7400 123457 ');
    expect([written.input, written.asSent, written.sentAs]).toEqual(['+447400123457', true, '+44 7400 123457']);
    const exact = resolve({ userPoolId: 'eu-west-2_A1', asSent: true }, '+447400123457');
    expect([exact.asSent, exact.sentAs]).toEqual([true, undefined]);
    expect(resolve({ userPoolId: 'eu-west-2_A1' }, '+44 7400 123457').sentAs).toBeUndefined();
  });

  it('leaves what may be a username alone, and refuses a written number that is no number', () => {
    for (const name of ['+447400123457', '4155550100', '415-555-0100', 'jane.doe', 'jürgen@example.de']) {
      const o = resolve({ userPoolId: 'us-east-1_A1' }, name);
      expect([o.input, o.inputNormalised]).toEqual([name, undefined]);
    }
    expect(() => resolve({ userPoolId: 'us-east-1_A1' }, '+1 (000) 000-0000')).toThrow(/not a valid one.*E\.164/);
  });

  it('keeps the optional settings it was given', () => {
    const o = resolve({
      userPoolId: 'eu-west-1_A1',
      clientId: '1example23456789',
      profile: 'support',
      endpointUrl: 'http://127.0.0.1:4566',
      json: true,
      strict: true,
      redact: true,
      since: '2h',
      timeout: '2m',
    });
    expect(o).toMatchObject({
      clientId: '1example23456789',
      profile: 'support',
      endpointUrl: 'http://127.0.0.1:4566',
      output: 'json',
      strict: true,
      redact: true,
      sinceMs: 7_200_000,
      timeoutMs: 120_000,
    });
  });
});

describe('parseRate', () => {
  it.each([
    ['10', 10],
    ['0.5', 0.5],
    [' 2 ', 2],
    ['1000', 1000],
  ])('%j → %d requests a second', (text, rate) => {
    expect(parseRate(text)).toBe(rate);
  });

  it('absent: no ceiling', () => {
    expect(parseRate(undefined)).toBeUndefined();
  });

  it.each(['0', '0.0', '-1', 'fast', '', '1e3', '10rps', 'Infinity', 'NaN', '1001'])('%j is a usage error', (text) => {
    expect(() => parseRate(text)).toThrow(UsageError);
  });
});
