// A batch user's requests, through the real SDK against the fake endpoint: the rate limiter tells the
// user (and no one else) when one of them waits its turn, so its time limit can stand still meanwhile.

import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AwsCaller } from '../../src/aws/caller.js';
import { startFakeAws, type FakeAws } from '../fake/server.js';
import { loadWorld, WORLDS_DIR } from '../fake/world.js';
import { testEnv } from '../helpers/cli.js';

let fake: FakeAws;
const saved = process.env;

beforeAll(async () => {
  fake = await startFakeAws(loadWorld(join(WORLDS_DIR, 'base.json')));
  // The SDK reads the credentials from the environment.
  process.env = testEnv(fake.url, { AWS_ACCESS_KEY_ID: 'AKIDQUEUETIME' });
});

afterAll(async () => {
  process.env = saved;
  await fake.close();
  // A caller starts loading the other services' SDK after its first request: done before teardown.
  await import('../../src/aws/sdk/others.js');
});

it('under --rate 10, of 12 reads asked at once the 2 that wait are heard by the users awaiting them, and only by them', async () => {
  const aws = new AwsCaller({ endpointUrl: fake.url, rate: 10, queueTime: true });
  const heard = { asker: [] as string[], joiner: [] as string[], other: [] as string[] };
  const listen = (log: string[]) => ({ queued: () => log.push('queued'), granted: () => log.push('granted') });
  const stop = new AbortController();
  const asker = aws.within(stop.signal, listen(heard.asker));
  const joiner = aws.within(stop.signal, listen(heard.joiner));
  aws.within(stop.signal, listen(heard.other));
  try {
    const read = (user: typeof asker, i: number) =>
      user.call('cognito-idp:AdminGetUser', 'eu-west-1', (m) => m.AdminGetUserCommand, {
        UserPoolId: 'eu-west-1_AbC123',
        Username: i ? `nobody-${i}` : 'jane',
      });
    const reads = Array.from({ length: 12 }, (_, i) => read(asker, i));
    // Another user awaits the last read, already waiting its turn: it hears that wait too.
    const answers = await Promise.allSettled([...reads, read(joiner, 11)]);
    expect(answers[0]).toMatchObject({ status: 'fulfilled', value: { Username: 'jane' } });
    expect(heard.asker.sort()).toEqual(['granted', 'granted', 'queued', 'queued']);
    expect(heard.joiner).toEqual(['queued', 'granted']);
    expect(heard.other).toEqual([]);
    expect(fake.requests.filter((q) => q.accessKey === 'AKIDQUEUETIME')).toHaveLength(12);
  } finally {
    aws.stop();
  }
});
