// Error paths and output options of the built CLI, end to end: usage errors, AWS setup errors, one API
// denied or throttled, and what --strict, --quiet, --redact, --output and colour do to stdout.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeAws, type FakeAws } from '../fake/server.js';
import { resolveWorld, WORLDS_DIR } from '../fake/world.js';
import { runCli, spawnCli, testEnv, type CliResult } from '../helpers/cli.js';
import { schemaErrors } from '../helpers/schema.js';

const POOL = 'eu-west-1_AbC123';
const ANSI = /\x1b\[/; // eslint-disable-line no-control-regex

interface JsonFinding {
  check: string;
  status: string;
  code?: string;
  message: string;
  evidence: Record<string, unknown>;
  remediation?: { text: string; commands: string[] };
}

/** A patch of the base world: objects merge, arrays replace, null deletes. */
type Patch = Record<string, unknown>;

interface Run extends CliResult {
  requests: FakeAws['requests'];
}

/** The base world patched by `patch`, served by its own fake endpoint for one CLI run. */
async function run(
  args: string[],
  patch: Patch = {},
  env: (url: string) => Record<string, string> = (url) => testEnv(url),
): Promise<Run> {
  const fake = await startFakeAws(resolveWorld({ extends: 'base', ...patch }, WORLDS_DIR));
  try {
    const result = await runCli(args, env(fake.url));
    return { ...result, requests: fake.requests };
  } finally {
    await fake.close();
  }
}

const diagnose = (extra: string[], patch?: Patch, env?: (url: string) => Record<string, string>) =>
  run(['forgot-password', 'jane', '--user-pool-id', POOL, ...extra], patch, env);

function expectNoStack(stderr: string) {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/\.(js|ts|mjs):\d+/);
}

/** A complete schema-1 report, and nothing else, on stdout. */
function report(r: CliResult) {
  const doc = JSON.parse(r.stdout);
  expect(schemaErrors(doc)).toEqual([]);
  expect(doc.verdict).toBeDefined();
  expect(doc.exitCode).toBe(r.code);
  expectNoStack(r.stderr);
  return doc as {
    verdict: { status: string; channel: string; summary: string };
    findings: JsonFinding[];
    exitCode: number;
  };
}

/** A test environment without keys whose HOME has ~/.aws/config with these lines. */
function withAwsConfig(url: string, lines: string[]): Record<string, string> {
  const env = testEnv(url);
  delete env.AWS_ACCESS_KEY_ID;
  delete env.AWS_SECRET_ACCESS_KEY;
  mkdirSync(join(env.HOME!, '.aws'));
  writeFileSync(join(env.HOME!, '.aws/config'), [...lines, ''].join('\n'));
  return env;
}

const notable = (findings: JsonFinding[]) => findings.filter((f) => !['pass', 'skip'].includes(f.status));

describe.concurrent('usage errors: exit 2, one line on stderr, nothing sent', () => {
  const cases: [string, string[], RegExp][] = [
    ['bad pool id', ['forgot-password', 'jane', '-p', 'not-a-pool'], /"not-a-pool" is not a user pool id/],
    [
      'region mismatch',
      ['forgot-password', 'jane', '-p', POOL, '--region', 'us-east-1'],
      /--region us-east-1 disagrees with the pool id/,
    ],
    ['unknown option', ['forgot-password', 'jane', '-p', POOL, '--colour'], /unknown option '--colour'/],
    [
      'unknown --only id',
      ['forgot-password', 'jane', '-p', POOL, '--only', 'sms,nope'],
      /--only: unknown check id nope/,
    ],
    ['unknown --skip id', ['forgot-password', 'jane', '-p', POOL, '--skip', 'dns'], /--skip: unknown check id dns/],
    ['missing pool id', ['forgot-password', 'jane'], /--user-pool-id/],
    ['missing user', ['forgot-password', '-p', POOL], /missing required argument 'user'/],
    ['bad --since', ['forgot-password', 'jane', '-p', POOL, '--since', 'yesterday'], /--since "yesterday"/],
    ['bad --output', ['forgot-password', 'jane', '-p', POOL, '-o', 'yaml'], /--output "yaml"/],
    [
      'contradictory selection',
      ['forgot-password', 'jane', '-p', POOL, '--only', 'email', '--skip', 'email'],
      /--only and --skip both name email/,
    ],
    ['empty --only', ['forgot-password', 'jane', '-p', POOL, '--only', ''], /--only names no check/],
    ['--since beyond 90 days', ['forgot-password', 'jane', '-p', POOL, '--since', '120d'], /at most 90d/],
    ['user too long', ['forgot-password', 'j'.repeat(129), '-p', POOL], /129 characters long/],
    ['control characters in the user', ['forgot-password', 'jane\u001b]0;x\u0007', '-p', POOL], /control character/],
    [
      'an invisible character in the user (pasted from a ticket)',
      ['forgot-password', '-p', POOL, '--', 'ja\u200bne'],
      /invisible formatting character \(U\+200B\) at character 3 of 5, which Cognito never accepts/,
    ],
    [
      'a right-to-left override in the user',
      ['forgot-password', '-p', POOL, '--', 'ab\u202ecba'],
      /invisible formatting character \(U\+202E\) at character 3 of 6/,
    ],
    ['a space inside the user', ['forgot-password', 'jane doe', '-p', POOL], /a space \(U\+0020\) at character 5/],
    ['unknown command', ['forgotpassword', 'jane'], /unknown command 'forgotpassword'/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^cognito-doctor: /);
      expect(lines[0]).toMatch(message);
      expectNoStack(r.stderr);
      expect(r.requests).toEqual([]);
    });
  }

  const jsonCases: [string, string[]][] = [
    ['bad pool id', ['forgot-password', 'jane', '-p', 'eu-west-1', '--json']],
    ['unknown option', ['forgot-password', 'jane', '-p', POOL, '--output', 'json', '--bogus']],
    ['unknown --only id', ['forgot-password', 'jane', '-p', POOL, '-o', 'json', '--only', 'nope']],
    ['region mismatch', ['forgot-password', '--json', 'jane', '-p', POOL, '--region', 'eu-west-2']],
    ['-o yaml --json', ['forgot-password', 'jane', '-p', POOL, '-o', 'yaml', '--json']],
    ['-o markdown --json', ['forgot-password', 'jane', '-p', POOL, '-o', 'markdown', '--json']],
  ];
  for (const [name, args] of jsonCases) {
    it(`--output json, ${name}: only a JSON error document on stdout`, async () => {
      const r = await run(args);
      expect(r.code).toBe(2);
      const doc = JSON.parse(r.stdout);
      expect(schemaErrors(doc)).toEqual([]);
      expect(doc).toMatchObject({ schemaVersion: 1, error: { kind: 'usage' }, exitCode: 2 });
      expect(doc).not.toHaveProperty('verdict');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expectNoStack(r.stderr);
      expect(r.requests).toEqual([]);
    });
  }

  const ndjsonCases: [string, string[]][] = [
    ['missing users file', ['sign-up', '--users-file', '/nonexistent/users.txt', '-p', POOL, '-o', 'ndjson']],
    ['unknown option', ['forgot-password', '--users-file', '-', '-p', POOL, '--output=ndjson', '--bogus']],
  ];
  for (const [name, args] of ndjsonCases) {
    it(`--output ndjson, ${name}: the error document as one line on stdout`, async () => {
      const r = await run(args);
      expect(r.code).toBe(2);
      const lines = r.stdout.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toBe('');
      const doc = JSON.parse(lines[0]!);
      expect(schemaErrors(doc)).toEqual([]);
      expect(doc).toMatchObject({ schemaVersion: 1, error: { kind: 'usage' }, exitCode: 2 });
      expect(r.requests).toEqual([]);
    });
  }
});

describe.concurrent('AWS setup errors: exit 4 with a complete report', () => {
  it('no credentials: aws-credentials, inconclusive, UNKNOWN, nothing sent', async () => {
    const r = await diagnose(['--json'], {}, (url) => {
      const env = testEnv(url);
      delete env.AWS_ACCESS_KEY_ID;
      delete env.AWS_SECRET_ACCESS_KEY;
      return env;
    });
    expect(r.code).toBe(4);
    const doc = report(r);
    expect(doc.verdict).toMatchObject({ status: 'inconclusive', channel: 'UNKNOWN' });
    expect(notable(doc.findings).map((f) => [f.check, f.status, f.code])).toEqual([
      ['pool', 'error', 'aws-credentials'],
    ]);
    expect(notable(doc.findings)[0]!.remediation?.text).toMatch(/aws configure|aws sso login/);
    expect(r.requests).toEqual([]);
  });

  it('no credentials, pretty: the report names the cause; stderr stays clean', async () => {
    const r = await diagnose([], {}, (url) => {
      const env = testEnv(url);
      delete env.AWS_ACCESS_KEY_ID;
      delete env.AWS_SECRET_ACCESS_KEY;
      return env;
    });
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/^INCONCLUSIVE .*No usable AWS credentials/m);
    expect(r.stderr).toBe('');
  });

  it('pool not found', async () => {
    const r = await run(['forgot-password', 'jane', '-p', 'eu-west-1_Missing1', '--json']);
    expect(r.code).toBe(4);
    const doc = report(r);
    expect(doc.verdict).toMatchObject({ status: 'inconclusive', channel: 'UNKNOWN' });
    expect(notable(doc.findings).map((f) => [f.check, f.code])).toEqual([['pool', 'pool-not-found']]);
    expect(notable(doc.findings)[0]!.evidence).toMatchObject({ 'iam:action': 'cognito-idp:DescribeUserPool' });
  });

  it('pool id naming another Region than the pool lives in', async () => {
    // Answers take 50 ms, so both first requests have arrived before the run ends and closes its clients.
    const r = await run(['forgot-password', 'jane', '-p', 'us-east-1_AbC123', '--json'], { latencyMs: 50 });
    expect(r.code).toBe(4);
    const doc = report(r);
    expect(notable(doc.findings).map((f) => f.code)).toEqual(['pool-not-found']);
    // AdminGetUser goes out beside DescribeUserPool (neither needs the other); nothing follows them.
    const sent = new Set(r.requests.filter((q) => q.attempt === 1).map((q) => `${q.action} ${q.region}`));
    expect([...sent].sort()).toEqual(['cognito-idp:AdminGetUser us-east-1', 'cognito-idp:DescribeUserPool us-east-1']);
  });

  it('expired token: aws-credentials with a login remedy', async () => {
    const r = await diagnose(['--json'], { faults: [{ operation: '*', kind: 'expired-token' }] });
    expect(r.code).toBe(4);
    const doc = report(r);
    const [finding] = notable(doc.findings);
    expect(finding).toMatchObject({ check: 'pool', status: 'error', code: 'aws-credentials' });
    expect(finding!.message).toMatch(/ExpiredToken/);
    expect(finding!.remediation?.text).toMatch(/aws sso login/);
  });

  it('--profile with an SSO profile whose token cache is missing: aws sso login --profile x', async () => {
    const r = await diagnose(['--profile', 'x', '--json'], {}, (url) =>
      withAwsConfig(url, [
        '[profile x]',
        'sso_session = corp',
        'sso_account_id = 123456789012',
        'sso_role_name = SupportReadOnly',
        'region = eu-west-1',
        '',
        '[sso-session corp]',
        'sso_start_url = https://example.awsapps.com/start',
        'sso_region = eu-west-1',
        'sso_registration_scopes = sso:account:access',
      ]),
    );
    expect(r.code).toBe(4);
    const doc = report(r);
    const [finding] = notable(doc.findings);
    expect(finding).toMatchObject({ check: 'pool', code: 'aws-credentials' });
    // The SDK's own words, then ours.
    expect(finding!.message).toMatch(/SSO session token associated with profile=x was not found or is invalid/);
    expect(finding!.remediation?.text).toContain('aws sso login --profile x');
    expect(r.requests).toEqual([]);
  });
});

describe.concurrent('one API failing: that check errors, the rest goes on', () => {
  const denied = (operation: string): Patch => ({ faults: [{ operation, kind: 'access-denied' }] });
  /** jane without an e-mail address: the code goes by SMS. */
  const smsOnly: Patch = { pools: { [POOL]: { users: { jane: { attributes: { email: null } } } } } };

  it('sns:GetSMSAttributes denied while the code goes by e-mail: error on sms, exit 0', async () => {
    const r = await diagnose(['--json'], denied('sns:GetSMSAttributes'));
    expect(r.code).toBe(0);
    const doc = report(r);
    expect(doc.verdict).toMatchObject({ status: 'deliverable', channel: 'EMAIL' });
    const sms = doc.findings.find((f) => f.check === 'sms')!;
    expect(sms).toMatchObject({ status: 'error', code: 'access-denied' });
    expect(sms.evidence['iam:action']).toBe('sns:GetSMSAttributes');
    expect(sms.remediation?.text).toContain('sns:GetSMSAttributes');
    expect(doc.findings.find((f) => f.check === 'email')!.status).toBe('pass');
  });

  it('sns:GetSMSAttributes denied while the code goes by SMS: inconclusive, exit 3', async () => {
    const r = await diagnose(['--json'], { ...smsOnly, ...denied('sns:GetSMSAttributes') });
    expect(r.code).toBe(3);
    const doc = report(r);
    expect(doc.verdict).toMatchObject({ status: 'inconclusive', channel: 'SMS' });
    expect(notable(doc.findings).map((f) => [f.check, f.status, f.code])).toEqual([['sms', 'error', 'access-denied']]);
  });

  it('ses:GetAccount denied while the code goes by e-mail: inconclusive, exit 3', async () => {
    const r = await diagnose(['--json'], denied('ses:GetAccount'));
    expect(r.code).toBe(3);
    const doc = report(r);
    expect(doc.verdict.status).toBe('inconclusive');
    const email = doc.findings.find((f) => f.check === 'email')!;
    expect(email).toMatchObject({
      status: 'error',
      code: 'access-denied',
      evidence: { 'iam:action': 'ses:GetAccount' },
    });
  });

  it('pretty output of an access-denied error names the action, without a stack', async () => {
    const r = await diagnose([], denied('ses:GetAccount'));
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('iam:action = ses:GetAccount');
    expect(r.stdout).toMatch(/^INCONCLUSIVE /m);
    expect(r.stderr).toBe('');
  });

  it('throttled once, then answered: the SDK retries and the check passes', async () => {
    const r = await diagnose(['--json'], { faults: [{ operation: 'ses:GetAccount', kind: 'throttle', times: 1 }] });
    expect(r.code).toBe(0);
    const doc = report(r);
    expect(doc.findings.find((f) => f.check === 'email')!.status).toBe('pass');
    expect(r.requests.filter((q) => q.action === 'ses:GetAccount').map((q) => q.attempt)).toEqual([1, 2]);
  });

  it('throttled on every attempt: error throttled on that check, exit 3', async () => {
    const r = await diagnose(['--json'], { faults: [{ operation: 'ses:GetAccount', kind: 'throttle' }] });
    expect(r.code).toBe(3);
    const doc = report(r);
    expect(doc.findings.find((f) => f.check === 'email')).toMatchObject({ status: 'error', code: 'throttled' });
    expect(r.requests.filter((q) => q.action === 'ses:GetAccount').length).toBeGreaterThan(1);
  });
});

describe.concurrent('output options', () => {
  /** Cognito's default sender: a warning, nothing failing. */
  const warnOnly = {
    pools: {
      [POOL]: { pool: { EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT', SourceArn: null, From: null } } },
    },
  };

  it('a warning alone exits 0; --strict makes it 1', async () => {
    const [plain, strict] = await Promise.all([
      diagnose(['--json'], warnOnly),
      diagnose(['--json', '--strict'], warnOnly),
    ]);
    expect(report(plain).verdict.status).toBe('at-risk');
    expect(notable(report(plain).findings).map((f) => f.status)).toContain('warn');
    expect(plain.code).toBe(0);
    expect(strict.code).toBe(1);
    expect(report(strict).exitCode).toBe(1);
  });

  it('--quiet prints only the verdict line', async () => {
    const r = await diagnose(['--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([expect.stringMatching(/^DELIVERABLE \[EMAIL → j\*\*\*@e\*\*\*\] /), '']);
    expect(r.stderr).toBe('');
  });

  it('pretty: exactly one report on stdout', async () => {
    const r = await diagnose([]);
    expect(r.stdout.match(/^cognito-doctor forgot-password /gm)).toHaveLength(1);
    expect(r.stdout.match(/^DELIVERABLE /gm)).toHaveLength(1);
    expect(r.stderr).toBe('');
  });

  it('--output markdown renders a pasteable report', async () => {
    const r = await diagnose(['--output', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## cognito-doctor: forgot-password for `jane`\n/);
    // Markdown would read the mask's asterisks as emphasis: they are escaped.
    expect(r.stdout).toContain('**Verdict: DELIVERABLE** (channel EMAIL, j\\*\\*\\*@e\\*\\*\\*)');
    expect(r.stdout).toContain('| check | status | finding |');
    expect(r.stdout).toMatch(/^\| pool \| ✅ pass \|/m);
    expect(r.stdout).toMatch(/exit code 0, \d+ ms\._\n$/);
  });

  for (const format of ['json', 'markdown', 'pretty']) {
    it(`--redact masks the e-mail address, phone number and username (${format})`, async () => {
      // jane's phone must show up unredacted somewhere: opted out, so the sms finding names it.
      const world = { sns: { 'eu-west-1': { optedOut: ['+447400123456'] } } };
      const [raw, redacted] = await Promise.all([
        run(['forgot-password', 'jane@example.com', '-p', POOL, '-o', format, '--verbose'], world),
        run(['forgot-password', 'jane@example.com', '-p', POOL, '-o', format, '--verbose', '--redact'], world),
      ]);
      for (const value of ['jane@example.com', '+447400123456', 'jane']) expect(raw.stdout).toContain(value);
      for (const value of ['jane@example.com', '447400123456', 'jane']) expect(redacted.stdout).not.toContain(value);
      expect(redacted.stdout).toContain('j***@e***');
      expect(redacted.stdout).toContain('+********3456');
      expect(redacted.code).toBe(raw.code);
      if (format === 'json') expect(schemaErrors(JSON.parse(redacted.stdout))).toEqual([]);
    });
  }
});

describe.concurrent('colour', () => {
  const env = (extra: Record<string, string>) => {
    const e = testEnv();
    delete e.NO_COLOR;
    return { ...e, ...extra };
  };
  const cases: [string, string[], Record<string, string>, boolean][] = [
    ['piped, no colour variables: plain', [], {}, false],
    ['NO_COLOR: plain', [], { NO_COLOR: '1' }, false],
    ['FORCE_COLOR=1: coloured', [], { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=0: plain', [], { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR beats NO_COLOR', [], { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ['--no-color beats FORCE_COLOR', ['--no-color'], { FORCE_COLOR: '1' }, false],
    ['--color beats NO_COLOR', ['--color'], { NO_COLOR: '1' }, true],
  ];
  for (const [name, flags, extra, coloured] of cases) {
    it(name, async () => {
      const r = await runCli(['checks', ...flags], env(extra));
      expect(r.code).toBe(0);
      expect(ANSI.test(r.stdout)).toBe(coloured);
    });
  }

  it('the report follows the same rule; JSON is never coloured', async () => {
    const [pretty, json] = await Promise.all([
      diagnose([], {}, (url) => ({ ...env({ FORCE_COLOR: '1' }), AWS_ENDPOINT_URL: url })),
      diagnose(['--json'], {}, (url) => ({ ...env({ FORCE_COLOR: '1' }), AWS_ENDPOINT_URL: url })),
    ]);
    expect(ANSI.test(pretty.stdout)).toBe(true);
    expect(ANSI.test(json.stdout)).toBe(false);
    expect(schemaErrors(JSON.parse(json.stdout))).toEqual([]);
  });
});

describe.concurrent('a selection never gives a false green; a written phone number is normalised', () => {
  it('--only logs leaves out the checks the verdict depends on: inconclusive, exit 3, naming them', async () => {
    const r = await diagnose(['--only', 'logs', '--json']);
    expect(r.code).toBe(3);
    const doc = report(r);
    expect(doc.verdict.status).toBe('inconclusive');
    expect(doc.verdict.summary).toMatch(
      /not run \(--only\/--skip\): user-status, contact, recovery, email, triggers\./,
    );
  });

  it('--skip of the channel Cognito does not use still gives a verdict', async () => {
    const r = await diagnose(['--skip', 'sms,mailbox', '--json']);
    expect([r.code, report(r).verdict.status]).toEqual([0, 'deliverable']);
  });

  it('-q prints the verdict line in markdown too', async () => {
    const r = await diagnose(['-o', 'markdown', '-q']);
    expect(r.stdout).toMatch(/^\*\*Verdict: DELIVERABLE\*\* \(channel EMAIL, j(\\\*){3}@e(\\\*){3}\): .*\n$/);
  });

  it('"+44 7400 123456" is diagnosed as +447400123456, and the report says so', async () => {
    const r = await run(['forgot-password', '+44 7400 123456', '-p', POOL, '--json']);
    const doc = report(r) as unknown as { target: { input: string; inputNormalised: string; username: string } };
    expect(doc.target).toMatchObject({ input: '+447400123456', username: 'jane' });
    expect(doc.target.inputNormalised).toMatch(/^"\+44 7400 123456" was normalised to \+447400123456/);
    const pretty = await run(['forgot-password', '+44 7400 123456', '-p', POOL]);
    expect(pretty.stdout).toContain('"+44 7400 123456" was normalised to +447400123456');
  });
});

describe.concurrent('profiles: named in a failure, and their STS calls stay on --endpoint-url', () => {
  /** A role profile over a key profile. */
  const withConfig = (url: string) =>
    withAwsConfig(url, [
      '[profile base]',
      'aws_access_key_id = AKIDTESTFAKE',
      'aws_secret_access_key = test-secret',
      '',
      '[profile support]',
      'role_arn = arn:aws:iam::123456789012:role/SupportReadOnly',
      'source_profile = base',
    ]);

  it('--profile nosuch: exit 4, naming the profile and the files looked in', async () => {
    const r = await run(['forgot-password', 'jane', '-p', POOL, '--profile', 'nosuch', '--json'], {}, withConfig);
    expect(r.code).toBe(4);
    const [finding] = notable(report(r).findings);
    expect(finding).toMatchObject({ check: 'pool', status: 'error', code: 'aws-credentials' });
    expect(finding!.message).toMatch(
      /profile "nosuch" is not defined in \S+\/\.aws\/config and \S+\/\.aws\/credentials \(missing\)/,
    );
    expect(r.requests).toEqual([]);
  });

  it('--profile wins over keys in the environment, as for the aws CLI, and the SDK says nothing about it', async () => {
    const fake = await startFakeAws(resolveWorld({ extends: 'base' }, WORLDS_DIR));
    try {
      // A spawned CLI: the SDK's warning goes to the process's own stderr, not to a test's stream.
      const env = { ...withConfig(fake.url), AWS_ACCESS_KEY_ID: 'AKIDENVFAKE', AWS_SECRET_ACCESS_KEY: 'env-secret' };
      const r = await spawnCli(['forgot-password', 'jane', '-p', POOL, '--profile', 'base', '--json'], env);
      expect([r.code, r.stderr]).toEqual([0, '']);
    } finally {
      await fake.close();
    }
  });

  it('a role profile assumes its role through --endpoint-url, never a real AWS address', async () => {
    const fake = await startFakeAws(resolveWorld({ extends: 'base' }, WORLDS_DIR));
    try {
      // Only the flag names the endpoint: the role's STS call must follow it.
      const env = withConfig(fake.url);
      delete env.AWS_ENDPOINT_URL;
      const r = await runCli(
        ['forgot-password', 'jane', '-p', POOL, '--profile', 'support', '--endpoint-url', fake.url, '--json'],
        env,
      );
      expect([r.code, report(r).verdict.status]).toEqual([0, 'deliverable']);
      expect(fake.requests.filter((q) => q.action === 'sts:AssumeRole')).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });
});
