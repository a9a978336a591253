// The contactHolders fact over the wire: the real SDK against the fake endpoint. It shares the
// ListUsers request with the user search, and stops after a bounded number of pages.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsCaller } from '../../src/aws/caller.js';
import { Context } from '../../src/context/index.js';
import { startFakeAws, type FakeAws } from '../fake/server.js';
import { loadWorld, WORLDS_DIR, type World } from '../fake/world.js';

const POOL = 'eu-west-1_AbC123';
const saved = { ...process.env };

beforeAll(() => {
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'AKIDTESTFAKE',
    AWS_SECRET_ACCESS_KEY: 'test-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
});
afterAll(async () => {
  process.env = saved;
  // A caller starts loading the other services' SDK after its first request: done before teardown.
  await import('../../src/aws/sdk/others.js');
});

function withUsers(users: World['pools']): World {
  const base = loadWorld(`${WORLDS_DIR}/base.json`);
  base.pools![POOL]!.users = { ...base.pools![POOL]!.users, ...users![POOL]!.users };
  return base;
}

async function diagnose(world: World, input: string, run: (ctx: Context, fake: FakeAws) => Promise<void>) {
  const fake = await startFakeAws(world);
  try {
    const ctx = new Context(
      { userPoolId: POOL, region: 'eu-west-1', input, sinceMs: 86_400_000, now: new Date() },
      new AwsCaller({ endpointUrl: fake.url }),
    );
    await run(ctx, fake);
  } finally {
    await fake.close();
  }
}

const listUsers = (fake: FakeAws) => fake.requests.filter((r) => r.action === 'cognito-idp:ListUsers');

describe('Context.contactHolders', () => {
  it('lists the other holders of the unverified e-mail with their flags, in one request shared with the search', async () => {
    const world = withUsers({
      [POOL]: {
        pool: {},
        users: {
          jane: { attributes: { email: 'jane@example.com', email_verified: 'false' } },
          'jane-2019': { attributes: { email: 'jane@example.com', email_verified: 'true' } },
        },
      },
    });
    await diagnose(world, 'jane@example.com', async (ctx, fake) => {
      // The verified alias resolves to jane-2019; jane is the other holder.
      const { user } = await ctx.user();
      expect(user?.Username).toBe('jane-2019');
      const holders = await ctx.contactHolders('email');
      expect(holders?.others).toEqual([
        expect.objectContaining({ username: 'jane', verified: false, email_verified: 'false' }),
      ]);
      expect(await ctx.contactHolders('email')).toBe(holders);
      expect(listUsers(fake)).toHaveLength(1);
    });
  });

  it('is undefined when the user has no such attribute', async () => {
    const jane = { attributes: { email: 'jane@example.com', email_verified: 'true' } };
    const world = withUsers({ [POOL]: { pool: {}, users: { jane } } });
    await diagnose(world, 'jane', async (ctx, fake) => {
      expect(await ctx.contactHolders('phone_number')).toBeUndefined();
      expect(listUsers(fake)).toHaveLength(0);
    });
  });

  it('reads at most five pages of 60, and says the list is truncated', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 320 }, (_, i) => [`dup-${i}`, { attributes: { email: 'jane@example.com' } }]),
    );
    await diagnose(withUsers({ [POOL]: { pool: {}, users: many } }), 'jane', async (ctx, fake) => {
      const holders = await ctx.contactHolders('email');
      expect(holders?.truncated).toBe(true);
      expect(holders?.others).toHaveLength(299); // 300 read, jane among them
      expect(listUsers(fake)).toHaveLength(5);
    });
  });
});
