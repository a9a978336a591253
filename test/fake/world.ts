// A world is the state of one fake AWS account: pools and users, SNS/SES account state per Region,
// metrics, logs, functions, and the faults to inject. Worlds are JSON files; a world may `extend`
// another and patch it (objects merge, arrays replace, null deletes).

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Quota } from './quotas.js';

export interface UserWorld {
  /** Attributes by name; `sub` is derived from the username when absent. */
  attributes?: Record<string, string>;
  status?: string;
  enabled?: boolean;
  /** ISO date or relative (`now-10d`, `now-3h`). */
  created?: string;
  modified?: string;
  mfa?: string[];
  preferredMfa?: string;
  mfaOptions?: { DeliveryMedium: string; AttributeName: string }[];
  /** AdminListUserAuthEvents' AuthEvents (CreationDate may be relative); needs threat protection on. */
  authEvents?: Record<string, unknown>[];
}

export interface PoolWorld {
  /** DescribeUserPool's UserPool, as AWS returns it (dates may be relative). */
  pool: Record<string, unknown>;
  clients?: Record<string, Record<string, unknown>>;
  users?: Record<string, UserWorld>;
  /** GetLogDeliveryConfiguration's LogConfigurations; none when absent. */
  logDelivery?: Record<string, unknown>[];
  /** ListUserImportJobs' UserImportJobs, as AWS returns them (dates may be relative). */
  importJobs?: Record<string, unknown>[];
  [extra: string]: unknown;
}

/**
 * AWS errors (`throttle` … `expired-token`), a slow answer (`latency`), a raw answer (`body`), and
 * transport faults: `stall`
 * (the connection is accepted and never answered), `trickle` (headers, then the body one byte at a
 * time, never finished), `close` (the connection drops mid-response), `garbage` (a 200 whose body is
 * not the protocol's), and for paginated reads `repeat-token` (every page names the same next token)
 * and `empty-pages` (`pages` empty pages, each with a token, before the real answer).
 */
export type FaultKind =
  | 'latency'
  | 'throttle'
  | '5xx'
  | 'access-denied'
  | 'expired-token'
  | 'body'
  | 'stall'
  | 'trickle'
  | 'close'
  | 'garbage'
  | 'repeat-token'
  | 'empty-pages';

export interface Fault {
  /** `service:Operation` as IAM names it (`sns:GetSMSAttributes`), or `*` for every request. */
  operation: string;
  kind: FaultKind;
  /** How many requests to affect; every one when absent. */
  times?: number;
  /** Let this many matching requests through first (a fault mid-listing: page 3 of ListUsers). */
  after?: number;
  /** Extra delay for `latency`. */
  ms?: number;
  /** For `body`: the raw answer, exactly as sent (`{}`, an HTML error page), its HTTP status (200) and type. */
  body?: string;
  status?: number;
  contentType?: string;
  region?: string;
  /** Only requests signed with this access key id: many runs, each with its own faults, share one endpoint. */
  accessKey?: string;
  /** For `empty-pages`: how many empty pages come first. */
  pages?: number;
  /** Only requests whose input has these values (`{ "Username": "dana" }`): one user of a batch. */
  input?: Record<string, unknown>;
}

export interface World {
  extends?: string;
  account?: string;
  /** Added to every response (the benchmark's 50 ms). */
  latencyMs?: number;
  faults?: Fault[];
  /** Request-rate quotas: a request over one is answered "Rate exceeded" (test/fake/quotas.ts). */
  quotas?: Quota[];
  pools?: Record<string, PoolWorld>;
  /** Per Region. */
  sns?: Record<string, Record<string, unknown>>;
  ses?: Record<string, Record<string, unknown>>;
  cloudwatch?: Record<string, { metrics?: Record<string, number | number[]> }>;
  [service: string]: unknown;
}

export const DEFAULT_ACCOUNT = '123456789012';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function deepMerge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    typeof base === 'object' && base !== null && !Array.isArray(base) ? { ...base } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) Reflect.deleteProperty(out, k);
    else out[k] = deepMerge(out[k], v);
  }
  return out;
}

/** Resolve `extends` chains relative to the file (or to test/worlds for bare names). */
export function resolveWorld(world: World, fromDir: string): World {
  if (!world.extends) return world;
  const path = world.extends.endsWith('.json')
    ? resolve(fromDir, world.extends)
    : resolve(WORLDS_DIR, `${world.extends}.json`);
  const base = resolveWorld(JSON.parse(readFileSync(path, 'utf8')) as World, dirname(path));
  const { extends: _, ...patch } = world;
  return deepMerge(base, patch) as World;
}

const here = dirname(new URL(import.meta.url).pathname);
/** test/worlds, from the source (test/fake) or from a bundle in build/. */
export const WORLDS_DIR = [resolve(here, '../worlds'), resolve(here, '../test/worlds')].find((d) =>
  existsSync(resolve(d, 'base.json')),
)!;

export function loadWorld(path: string): World {
  return resolveWorld(JSON.parse(readFileSync(path, 'utf8')) as World, dirname(path));
}

/** `now-10d` → an ISO date relative to `now`; ISO dates pass through. */
export function worldDate(value: unknown, now: Date): string | undefined {
  if (typeof value !== 'string') return undefined;
  const rel = /^now(?:([+-])(\d+)([smhd]))?$/.exec(value);
  if (!rel) return value;
  const unit = { s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7 }[(rel[3] ?? 's') as 's'];
  const offset = rel[1] ? Number(rel[2]) * unit * (rel[1] === '-' ? -1 : 1) : 0;
  return new Date(now.getTime() + offset).toISOString();
}

/** Every string value shaped `now…` becomes an ISO date (for pool and client records). */
export function withDates<T>(value: T, now: Date): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string' && /^now([+-]\d+[smhd])?$/.test(v)) return worldDate(v, now);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** A stable sub for a username, so worlds need not spell one out. */
export function subFor(poolId: string, username: string): string {
  const h = createHash('sha256').update(`${poolId}/${username}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type { Json };
