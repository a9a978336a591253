import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { AwsCallError } from '../../aws/errors.js';
import type { Context } from '../../context/index.js';
import type { Trigger } from './path.js';

export interface Facts {
  config?: FunctionConfiguration;
  policy?: string;
  health?: { errors: number | undefined; maxDurationMs: number | undefined };
  /** Why the metrics could not be read (they are supporting evidence, never the verdict). */
  healthError?: string;
}

export type Read<T> = { ok: T } | { error: AwsCallError };

export async function read<T>(promise: Promise<T>): Promise<Read<T>> {
  try {
    return { ok: await promise };
  } catch (err) {
    if (err instanceof AwsCallError) return { error: err };
    throw err;
  }
}

/** GetFunction, GetPolicy and the function's recent metrics, concurrently. */
export async function inspect(ctx: Context, t: Trigger): Promise<Read<Facts>> {
  const [config, policy, health] = await Promise.all([
    read(ctx.lambda.configuration(t.fn)),
    read(ctx.lambda.policy(t.fn)),
    read(ctx.cloudwatch.lambdaHealth(t.fn.region, t.fn.name, ctx.target.sinceMs)),
  ]);
  if ('error' in config) return config;
  if ('error' in policy) return policy;
  return {
    ok: {
      ...(config.ok ? { config: config.ok } : {}),
      ...(policy.ok ? { policy: policy.ok } : {}),
      ...('ok' in health ? { health: health.ok } : { healthError: `${health.error.action}: ${health.error.awsCode}` }),
    },
  };
}
