// The replay half of a recorded run: the same command with --replay, no credentials and the endpoint
// unused, must print the report the live run printed; the recording must be valid and hold no secret.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { World } from '../fake/world.js';
import { runCli, type CliResult } from './cli.js';
import { recordingSchemaErrors } from './schema.js';

/** A directory for the recordings of one test file (under the OS's temporary directory). */
export const recordingsDir = () => mkdtempSync(join(tmpdir(), 'cognito-doctor-recordings-'));

/** Every secret a run could come across: the test credentials, the fake's STS keys, client secrets. */
export function secretsOf(world: World, env: Record<string, string>): string[] {
  const secrets = [env.AWS_ACCESS_KEY_ID!, env.AWS_SECRET_ACCESS_KEY!, 'fake-assumed-secret', 'fake-session-token'];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'ClientSecret' && typeof v === 'string') secrets.push(v);
        else walk(v);
      }
    }
  };
  walk(world);
  return secrets;
}

/** A JSON report without what only the clock decides. */
export function comparable(stdout: string): unknown {
  const { durationMs: _, ...rest } = JSON.parse(stdout) as { durationMs: number };
  return rest;
}

/** A loopback address nothing listens on (the discard port). */
export const NO_ENDPOINT = 'http://127.0.0.1:9';

/**
 * The environment without credentials and with an endpoint nothing answers: a replay that looked for
 * credentials or sent a request would report the failure.
 */
export function offline(env: Record<string, string>): Record<string, string> {
  const { AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _key, ...bare } = env;
  return { ...bare, AWS_ENDPOINT_URL: NO_ENDPOINT };
}

/**
 * Replay `file` (recorded by `args` plus --record) and expect `live`'s report, offline; the recording
 * valid against its schema, without the world's secrets.
 */
export async function expectSameReplay(
  args: readonly string[],
  file: string,
  live: CliResult,
  world: World,
  env: Record<string, string>,
): Promise<void> {
  const replay = await runCli([...args, '--replay', file], offline(env));
  expect(replay.stderr).toBe('');
  expect(replay.code).toBe(live.code);
  expect(comparable(replay.stdout)).toEqual(comparable(live.stdout));
  const text = readFileSync(file, 'utf8');
  expect(recordingSchemaErrors(JSON.parse(text))).toEqual([]);
  for (const secret of secretsOf(world, env)) expect(text, `the recording holds ${secret}`).not.toContain(secret);
}
