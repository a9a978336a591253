// What the --fix tests share: a fake endpoint for one body of runs, and a JSON report read from a run
// that must follow the schema and carry the process's own exit code.

import { expect } from 'vitest';
import { startFakeAws, type FakeAws } from '../fake/server.js';
import type { World } from '../fake/world.js';
import type { CliResult } from './cli.js';
import { schemaErrors } from './schema.js';

export async function withFake<T>(w: World, body: (fake: FakeAws) => Promise<T>): Promise<T> {
  const fake = await startFakeAws(w);
  try {
    return await body(fake);
  } finally {
    await fake.close();
  }
}

/** The report on stdout, checked against the schema and the exit code; the caller names its shape. */
export function parseReport(result: CliResult): unknown {
  const report = JSON.parse(result.stdout) as { exitCode?: unknown };
  expect(schemaErrors(report)).toEqual([]);
  expect(report.exitCode).toBe(result.code);
  return report;
}
