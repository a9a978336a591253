import { describe, expect, it } from 'vitest';
import { AwsCallError } from '../../src/aws/errors.js';
import type { Check, Finding, Outcome } from '../../src/checks/types.js';
import type { Context } from '../../src/context/index.js';
import { unread } from '../../src/checks/unread.js';
import { leftOut, RunStopped, runChecks } from '../../src/runner.js';

const ctx = { target: { profile: 'support' } } as unknown as Context;

function check(
  id: string,
  run: Check['run'] = async () => ({ status: 'pass', message: `${id} ok` }),
  more: Partial<Check> = {},
): Check {
  return { id, title: `${id} title`, scope: 'core', codes: [], reads: [], docs: [], run, ...more };
}

const summary = (findings: Finding[]) => findings.map((f) => `${f.check}:${f.status}${f.code ? `:${f.code}` : ''}`);

describe('runChecks', () => {
  it('turns outcomes into findings: a coded outcome takes its cause title, a pass the check title', async () => {
    const outcomes: Outcome[] = [
      {
        status: 'fail',
        code: 'user-disabled',
        message: 'disabled',
        evidence: { 'AdminGetUser.Enabled': false },
        remediation: { text: 'enable', commands: ['aws x'], docs: [] },
      },
      { status: 'info', code: 'user-reset-required', message: 'reset' },
    ];
    const findings = await runChecks([check('a'), check('b', async () => outcomes)], ctx);
    expect(findings).toEqual([
      { check: 'a', status: 'pass', title: 'a title', message: 'a ok', evidence: {} },
      {
        check: 'b',
        status: 'fail',
        code: 'user-disabled',
        title: 'The user is disabled',
        message: 'disabled',
        evidence: { 'AdminGetUser.Enabled': false },
        remediation: { text: 'enable', commands: ['aws x'], docs: [] },
      },
      expect.objectContaining({ check: 'b', status: 'info', code: 'user-reset-required' }),
    ]);
  });

  it('a thrown AwsCallError becomes an error finding naming the IAM action', async () => {
    const denied = new AwsCallError(
      'access-denied',
      'sns:GetSMSAttributes',
      'eu-west-1',
      'AuthorizationErrorException',
      'not authorized',
      'req-9',
    );
    const [finding] = await runChecks(
      [
        check('sms', async () => {
          throw denied;
        }),
      ],
      ctx,
    );
    expect(finding).toMatchObject({
      check: 'sms',
      status: 'error',
      code: 'access-denied',
      evidence: {
        'iam:action': 'sns:GetSMSAttributes',
        region: 'eu-west-1',
        'error.code': 'AuthorizationErrorException',
        'error.requestId': 'req-9',
      },
    });
    expect(finding!.message).toContain(
      'sns:GetSMSAttributes in eu-west-1 failed with AuthorizationErrorException: not authorized',
    );
    expect(finding!.remediation?.text).toContain('Grant sns:GetSMSAttributes');
  });

  it('titles a check that could not run by what is unknown, never by its healthy title', async () => {
    const denied = new AwsCallError(
      'access-denied',
      'logs:FilterLogEvents',
      'eu-west-1',
      'AccessDeniedException',
      'no',
    );
    const fail = async () => {
      throw denied;
    };
    const findings = await runChecks(
      [
        check('logs', fail, { title: 'The logs show no failed delivery for this user', unknown: 'what the logs show' }),
        check('sms', fail, { title: 'SMS can reach the user' }),
        check('user', fail, { title: 'The user exists' }),
      ],
      ctx,
    );
    expect(findings.map((f) => f.title)).toEqual([
      'Unknown what the logs show (Access denied: an IAM permission is missing)',
      'Unknown whether SMS can reach the user (Access denied: an IAM permission is missing)',
      'Unknown whether the user exists (Access denied: an IAM permission is missing)',
    ]);
    for (const f of findings) expect(f.message).toMatch(/^Not checked: unknown /);
  });

  it('keeps the proven findings of a check beside a source it could not read, and does not skip its dependents', async () => {
    const denied = new AwsCallError(
      'access-denied',
      'sns:GetSMSSandboxAccountStatus',
      'eu-west-1',
      'AuthorizationError',
      'no',
    );
    const findings = await runChecks(
      [
        check('sms', async () => [
          {
            status: 'fail',
            code: 'sms-opted-out',
            message: 'opted out',
            remediation: { text: 't', commands: [], docs: [] },
          },
          unread(denied, 'whether the account is in the SMS sandbox'),
        ]),
        check('after', undefined, { dependsOn: ['sms'] }),
      ],
      ctx,
    );
    expect(summary(findings)).toEqual(['sms:fail:sms-opted-out', 'sms:error:access-denied', 'after:pass']);
    expect(findings[1]).toMatchObject({
      title: 'Unknown whether the account is in the SMS sandbox (Access denied: an IAM permission is missing)',
      unread: {
        action: 'sns:GetSMSSandboxAccountStatus',
        region: 'eu-west-1',
        errorCode: 'AuthorizationError',
        wouldShow: 'whether the account is in the SMS sandbox',
      },
    });
  });

  it.each([
    ['throttled', 'throttled'],
    ['network', 'network-error'],
    ['credentials', 'aws-credentials'],
    ['aws-error', 'aws-error'],
    ['not-found', 'aws-error'],
  ] as const)('%s → %s', async (kind, code) => {
    const [finding] = await runChecks(
      [
        check('x', async () => {
          throw new AwsCallError(kind, 'ses:GetAccount', 'eu-west-1', 'X', 'x');
        }),
      ],
      ctx,
    );
    expect(finding).toMatchObject({ status: 'error', code });
  });

  it("a check's errorCodes override the generic code", async () => {
    const pool = check(
      'pool',
      async () => {
        throw new AwsCallError(
          'not-found',
          'cognito-idp:DescribeUserPool',
          'eu-west-1',
          'ResourceNotFoundException',
          'no pool',
        );
      },
      { errorCodes: { 'not-found': 'pool-not-found' } },
    );
    expect(summary(await runChecks([pool], ctx))).toEqual(['pool:error:pool-not-found']);
  });

  it('a plain Error is an internal error, not a crash', async () => {
    const [finding] = await runChecks(
      [
        check('x', async () => {
          throw new TypeError('x is undefined');
        }),
      ],
      ctx,
    );
    expect(finding).toMatchObject({
      status: 'error',
      code: 'internal-error',
      message: 'cognito-doctor failed on this check: x is undefined',
      evidence: {},
    });
  });

  it('dependents of an errored or skipped check are skipped with the reason; a failed dependency still lets them run', async () => {
    const findings = await runChecks(
      [
        check('a', async () => {
          throw new AwsCallError('throttled', 'ses:GetAccount', 'r', 'X', 'x');
        }),
        check('b', async () => ({ status: 'skip', message: 'nothing to do' })),
        check('c', async () => ({
          status: 'fail',
          code: 'user-disabled',
          message: 'x',
          remediation: { text: 't', commands: [], docs: [] },
        })),
        check('after-a', undefined, { dependsOn: ['a'] }),
        check('after-b', undefined, { dependsOn: ['b'] }),
        check('after-c', undefined, { dependsOn: ['c'] }),
        check('after-after-b', undefined, { dependsOn: ['after-b'] }),
      ],
      ctx,
    );
    expect(summary(findings)).toEqual([
      'a:error:throttled',
      'b:skip',
      'c:fail:user-disabled',
      'after-a:skip',
      'after-b:skip',
      'after-c:pass',
      'after-after-b:skip',
    ]);
    expect(findings.find((f) => f.check === 'after-a')!.message).toBe('Skipped: check "a" could not run (error).');
    expect(findings.find((f) => f.check === 'after-b')!.message).toBe('Skipped: check "b" could not run (skip).');
  });

  it('--only runs the named checks and what they depend on; the rest are reported as skip', async () => {
    const ran: string[] = [];
    const c = (id: string, dependsOn: string[] = []) =>
      check(id, async () => (ran.push(id), { status: 'pass', message: id }), { dependsOn });
    const findings = await runChecks(
      [c('pool'), c('user', ['pool']), c('contact', ['user']), c('sms', ['pool'])],
      ctx,
      { only: ['contact'] },
    );
    expect(ran.sort()).toEqual(['contact', 'pool', 'user']);
    expect(summary(findings)).toEqual(['pool:pass', 'user:pass', 'contact:pass', 'sms:skip']);
    expect(findings[3]!.message).toBe('Skipped: not selected by --only.');
  });

  it('--skip reports the check as skip, and its dependents skip too', async () => {
    const findings = await runChecks(
      [
        check('pool'),
        check('client', undefined, { dependsOn: ['pool'] }),
        check('user', undefined, { dependsOn: ['pool'] }),
        check('contact', undefined, { dependsOn: ['user'] }),
      ],
      ctx,
      { skip: ['user'] },
    );
    expect(summary(findings)).toEqual(['pool:pass', 'client:pass', 'user:skip', 'contact:skip']);
    expect(findings[2]!.message).toBe('Skipped: excluded by --skip.');
  });

  it('independent checks run concurrently, and findings keep checklist order', async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => {
        reject(new Error('checks ran one after another'));
      }, 2_000),
    );
    const finished: string[] = [];
    const findings = await runChecks(
      [
        check('slow', async () => {
          await Promise.race([released, timeout]);
          return { status: 'pass', message: 'slow' };
        }),
        check('fast', async () => {
          release();
          return { status: 'pass', message: 'fast' };
        }),
      ],
      ctx,
      {},
      { onFinish: (c) => finished.push(c.id) },
    );
    expect(finished).toEqual(['fast', 'slow']);
    expect(findings.map((f) => f.check)).toEqual(['slow', 'fast']);
  });

  it('a dependent check starts only after its dependency finished', async () => {
    const events: string[] = [];
    await runChecks(
      [
        check('pool', async () => {
          events.push('pool:start');
          await new Promise((r) => setTimeout(r, 5));
          events.push('pool:end');
          return { status: 'pass', message: '' };
        }),
        check(
          'user',
          async () => {
            events.push('user:start');
            return { status: 'pass', message: '' };
          },
          { dependsOn: ['pool'] },
        ),
      ],
      ctx,
    );
    expect(events).toEqual(['pool:start', 'pool:end', 'user:start']);
  });

  it('when stopped, unfinished checks end as error with the reason; finished ones keep their findings', async () => {
    const stop = new AbortController();
    const never = () => new Promise<Outcome>(() => undefined);
    const run = runChecks(
      [
        check('pool'),
        check('user', never, { dependsOn: ['pool'] }),
        check('contact', async () => ({ status: 'pass', message: '' }), { dependsOn: ['user'] }),
        check('logs', never),
      ],
      ctx,
      {},
      {},
      stop.signal,
    );
    await new Promise((r) => setTimeout(r, 5));
    stop.abort(new RunStopped('deadline-exceeded', 'the time limit of 2 s (--timeout) was reached.'));
    const findings = await run;
    expect(summary(findings)).toEqual([
      'pool:pass',
      'user:error:deadline-exceeded',
      'contact:skip',
      'logs:error:deadline-exceeded',
    ]);
    expect(findings[1]!.message).toBe(
      'user title: could not be checked, not finished when the time limit of 2 s (--timeout) was reached.',
    );
  });
});

describe('leftOut', () => {
  const list = [
    check('pool'),
    check('user', undefined, { dependsOn: ['pool'] }),
    check('email', undefined, { dependsOn: ['pool', 'user'] }),
    check('client', undefined, { dependsOn: ['pool'] }),
  ];
  it('names the checks not selected and those waiting on one that is not', () => {
    expect(leftOut(list, {})).toEqual([]);
    expect(leftOut(list, { only: ['client'] })).toEqual(['user', 'email']);
    expect(leftOut(list, { skip: ['user'] })).toEqual(['user', 'email']);
    expect(leftOut(list, { only: ['email'], skip: ['pool'] })).toEqual(['pool', 'user', 'email', 'client']);
  });
});
