// A short --timeout leaves each attempt a sixth of it: AWS slower than that is told as --timeout's
// doing, with a larger --timeout as the fix, while a connection refused stays a network error.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report.js';
import { startFakeAws, type FakeAws } from '../fake/server.js';
import { loadWorld, WORLDS_DIR } from '../fake/world.js';
import { runCli, testEnv } from '../helpers/cli.js';

const POOL = 'eu-west-1_AbC123';
let slow: FakeAws;

beforeAll(async () => {
  // Every answer takes 1.5 s; --timeout 6s lets an attempt wait 1 s, so all three attempts time out.
  slow = await startFakeAws({ ...loadWorld(join(WORLDS_DIR, 'base.json')), latencyMs: 1_500 });
});
afterAll(() => slow.close());

const pool = (r: { stdout: string }) => (JSON.parse(r.stdout) as Report).findings.find((f) => f.check === 'pool')!;

describe('an attempt that hits the share of --timeout it may take', () => {
  it('is the time limit’s doing, with a larger --timeout as the fix, never "could not reach AWS"', async () => {
    const r = await runCli(['forgot-password', 'jane', '-p', POOL, '--timeout', '6s', '--json'], testEnv(slow.url));
    const f = pool(r);
    expect(f.status).toBe('error');
    expect(f.code).toBe('deadline-exceeded');
    expect(f.message).toMatch(
      /no answer within 1000 ms on any attempt, the most one attempt may take with this --timeout/,
    );
    expect(f.remediation?.text).toMatch(/run again with a larger --timeout/);
    expect(f.remediation?.text).not.toMatch(/network|proxy|--endpoint-url/);
    expect(r.code).toBe(3);
  });

  it('a refused connection stays a network error', async () => {
    const r = await runCli(
      ['forgot-password', 'jane', '-p', POOL, '--timeout', '6s', '--json'],
      testEnv('http://127.0.0.1:1'),
    );
    const f = pool(r);
    expect(f.code).toBe('network-error');
    expect(f.remediation?.text).toMatch(/check the network, proxy or --endpoint-url/);
  });
});
