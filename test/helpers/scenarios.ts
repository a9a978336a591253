import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';
import { resolveWorld, type World } from '../fake/world.js';

export const SCENARIOS_DIR = join(ROOT, 'test/scenarios');

export interface ExpectedFinding {
  status: 'info' | 'warn' | 'fail' | 'error';
  /** Evidence keys the finding must carry. */
  evidence?: string[];
  /** A fragment one of its remediation commands must contain (e.g. `admin-set-user-password`). */
  command?: string;
}

export interface Scenario {
  name: string;
  description: string;
  world: World;
  /** The diagnose command; `forgot-password` when absent. */
  command?: 'forgot-password' | 'sign-up' | 'verify-attribute' | 'invitation';
  /** After the command; the harness adds `--json`. */
  args: string[];
  expect: {
    exitCode: number;
    status: 'deliverable' | 'blocked' | 'at-risk' | 'inconclusive';
    channel: 'EMAIL' | 'SMS' | 'NONE' | 'UNKNOWN';
    /** verdict.causes, in order, where the world pins it. */
    causes?: string[];
    /** Every info/warn/fail/error finding, by code: no more, no fewer. */
    findings: Record<string, ExpectedFinding>;
    /** Actions that must not be requested in this run (`lambda:GetFunction`, or `lambda:*` for a whole service). */
    noRequests?: string[];
    /** What `--fix --yes` does with each step, by finding code (test/e2e/fix-round-trip.test.ts): no more, no fewer. */
    fixes?: Record<string, 'applied' | 'refused' | 'skipped'>;
  };
}

export function loadScenarios(): Scenario[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(join(SCENARIOS_DIR, file), 'utf8')) as Omit<Scenario, 'name'>;
      return { ...raw, name: file.replace(/\.json$/, ''), world: resolveWorld(raw.world, SCENARIOS_DIR) };
    });
}

/** Operations that only read; anything else changed the account. */
export const isReadOnly = (operation: string) =>
  /^(Describe|Get|List|Check|Lookup|Filter|AdminGet|AdminList)/.test(operation);
