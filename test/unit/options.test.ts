import { describe, expect, it } from 'vitest';
import {
  decideColor,
  outputFormat,
  parseDuration,
  regionOfPoolId,
  resolveDiagnoseOptions,
  UsageError,
} from '../../src/options.js';

const CHECKS = ['pool', 'client', 'user', 'sms', 'email'];

describe('regionOfPoolId', () => {
  it.each([
    ['eu-west-1_AbC123', 'eu-west-1'],
    ['us-east-1_0aZ9', 'us-east-1'],
    ['ap-southeast-2_x', 'ap-southeast-2'],
    ['us-gov-west-1_Abc', 'us-gov-west-1'],
  ])('%s → %s', (id, region) => expect(regionOfPoolId(id)).toBe(region));

  it.each([
    'eu-west-1',
    'AbC123',
    'eu-west-1_',
    '_AbC123',
    'EU-WEST-1_AbC',
    'eu-west-1_Ab-C',
    'eu-west_Abc',
    ' eu-west-1_A',
  ])('%j is a usage error', (id) => expect(() => regionOfPoolId(id)).toThrow(UsageError));
});

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['90m', 5_400_000],
    ['24h', 86_400_000],
    ['7d', 604_800_000],
    [' 2h ', 7_200_000],
  ])('%j → %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '0h', '1w', '1.5h', 'h', '-1h', '24'])('%j is a usage error', (text) =>
    expect(() => parseDuration(text)).toThrow(UsageError),
  );
});

describe('outputFormat', () => {
  it('defaults to pretty', () => expect(outputFormat({})).toBe('pretty'));
  it('takes --output', () => expect(outputFormat({ output: 'markdown' })).toBe('markdown'));
  it('--json wins over --output', () => expect(outputFormat({ output: 'markdown', json: true })).toBe('json'));
  it('rejects anything else', () => expect(() => outputFormat({ output: 'yaml' })).toThrow(/--output "yaml"/));
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
  ] as const)('flag %s, env %j, tty %s → %s', (flag, env, tty, want) => expect(decideColor(flag, env, tty)).toBe(want));
});

describe('resolveDiagnoseOptions', () => {
  const resolve = (raw: Parameters<typeof resolveDiagnoseOptions>[1], input = 'jane') =>
    resolveDiagnoseOptions(input, raw, CHECKS);

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
      sinceMs: 86_400_000,
      quiet: false,
      verbose: false,
      fix: false,
      dryRun: false,
      yes: false,
    });
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
    [{ userPoolId: undefined }, /user-pool-id/],
    [{ userPoolId: 'eu-west-1_A1', endpointUrl: 'localhost:4566' }, /--endpoint-url/],
    [{ userPoolId: 'eu-west-1_A1', clientId: 'abc def' }, /--client-id/],
    [{ userPoolId: 'eu-west-1_A1', since: '1 week' }, /--since/],
  ])('%j is a usage error', (raw, message) => expect(() => resolve(raw)).toThrow(message));

  it('rejects an empty user and trims the input', () => {
    expect(() => resolve({ userPoolId: 'eu-west-1_A1' }, '  ')).toThrow(UsageError);
    expect(resolve({ userPoolId: 'eu-west-1_A1' }, ' jane@example.com ').input).toBe('jane@example.com');
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
    });
    expect(o).toMatchObject({
      clientId: '1example23456789',
      profile: 'support',
      endpointUrl: 'http://127.0.0.1:4566',
      output: 'json',
      strict: true,
      redact: true,
      sinceMs: 7_200_000,
    });
  });
});
