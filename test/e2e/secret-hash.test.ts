// `secret-hash` through the built CLI: the secret from Cognito, the environment or stdin, never argv;
// the hash alone on stdout; the real username when the input is an alias.

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startFakeAws } from '../fake/server.js';
import type { World } from '../fake/world.js';
import { loadWorld, WORLDS_DIR } from '../fake/world.js';
import { runCli, testEnv } from '../helpers/cli.js';

const POOL = 'eu-west-1_AbC123';
const CLIENT = '1example23456789';
const SECRET = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c2v3b4n5m';
/** Computed here, independently of the CLI. */
const expected = (username: string) =>
  createHmac('sha256', SECRET)
    .update(username + CLIENT)
    .digest('base64');

function world(clientSecret?: string): World {
  const w = loadWorld(`${WORLDS_DIR}/base.json`);
  const client = w.pools![POOL]!.clients![CLIENT]!;
  if (clientSecret) client.ClientSecret = clientSecret;
  return w;
}

async function withFake<T>(w: World, run: (url: string) => Promise<T>): Promise<T> {
  const fake = await startFakeAws(w);
  try {
    return await run(fake.url);
  } finally {
    await fake.close();
  }
}

describe.concurrent('secret-hash', () => {
  it('--rate caps its requests like every command: the second read waits its turn; a bad rate is a usage error', async () => {
    const fake = await startFakeAws(world(SECRET));
    try {
      const r = await runCli(['secret-hash', 'jane', '-c', CLIENT, '-p', POOL, '--rate', '1'], testEnv(fake.url));
      expect(r).toEqual({ code: 0, stdout: `${expected('jane')}\n`, stderr: '' });
      // Two reads of different categories, which would go at once: at one a second, a window apart.
      const [first, second] = fake.requests.map((q) => q.receivedAt).sort((a, b) => a - b);
      expect(fake.requests).toHaveLength(2);
      expect(second! - first!).toBeGreaterThanOrEqual(900);
      const bad = await runCli(['secret-hash', 'jane', '-c', CLIENT, '-p', POOL, '--rate', '0'], testEnv(fake.url));
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^cognito-doctor: --rate /);
      expect(fake.requests).toHaveLength(2);
    } finally {
      await fake.close();
    }
  });

  it('reads the secret from DescribeUserPoolClient and prints the hash alone', async () => {
    await withFake(world(SECRET), async (url) => {
      const r = await runCli(['secret-hash', 'jane', '-c', CLIENT, '-p', POOL], testEnv(url));
      expect(r).toEqual({ code: 0, stdout: `${expected('jane')}\n`, stderr: '' });
    });
  });

  it('hashes the real username when the input is an alias, and says so', async () => {
    await withFake(world(SECRET), async (url) => {
      const r = await runCli(['secret-hash', 'jane@example.com', '-c', CLIENT, '-p', POOL], testEnv(url));
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${expected('jane')}\n`);
      expect(r.stderr).toContain('secret-hash-wrong-input');
      expect(r.stderr).toContain('resolves to user "jane"');
      expect(r.stdout + r.stderr).not.toContain(SECRET);
    });
  });

  it('says when no such user exists, and hashes the input as given', async () => {
    await withFake(world(SECRET), async (url) => {
      const r = await runCli(['secret-hash', 'nobody', '-c', CLIENT, '-p', POOL], testEnv(url));
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${expected('nobody')}\n`);
      expect(r.stderr).toContain('No user "nobody"');
    });
  });

  it('takes the secret from COGNITO_CLIENT_SECRET or standard input without a pool', async () => {
    const env = testEnv(undefined, { COGNITO_CLIENT_SECRET: SECRET });
    expect(await runCli(['secret-hash', 'jane', '-c', CLIENT], env)).toEqual({
      code: 0,
      stdout: `${expected('jane')}\n`,
      stderr: '',
    });
    expect(await runCli(['secret-hash', 'jane', '-c', CLIENT], testEnv(), `${SECRET}\n`)).toEqual({
      code: 0,
      stdout: `${expected('jane')}\n`,
      stderr: '',
    });
  });

  it('refuses without a secret source, and never takes the secret as an argument', async () => {
    const none = await runCli(['secret-hash', 'jane', '-c', CLIENT], testEnv());
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('COGNITO_CLIENT_SECRET');
    const argv = await runCli(['secret-hash', 'jane', '-c', CLIENT, '--client-secret', SECRET], testEnv());
    expect(argv.code).toBe(2);
    expect(argv.stdout).toBe('');
  });

  it('prints no hash for a client without a secret or one that does not exist (exit 1)', async () => {
    await withFake(world(), async (url) => {
      const plain = await runCli(['secret-hash', 'jane', '-c', CLIENT, '-p', POOL], testEnv(url));
      expect(plain).toMatchObject({ code: 1, stdout: '' });
      expect(plain.stderr).toContain('has no secret');
      const other = await runCli(['secret-hash', 'jane', '-c', 'nosuchclient1', '-p', POOL], testEnv(url));
      expect(other).toMatchObject({ code: 1, stdout: '' });
      expect(other.stderr).toContain('wrong-pool-client-or-region');
    });
  });

  it('exits 4 when the pool cannot be read', async () => {
    await withFake(world(SECRET), async (url) => {
      const r = await runCli(['secret-hash', 'jane', '-c', CLIENT, '-p', 'eu-west-1_Missing1'], testEnv(url));
      expect(r).toMatchObject({ code: 4, stdout: '' });
      expect(r.stderr).toContain('DescribeUserPoolClient');
    });
  });
});
