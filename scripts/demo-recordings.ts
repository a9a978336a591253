// The demo from recordings: one --record file per demo user (scripts/demo-cases.ts), made against the
// demo world and committed in demo/recordings/, so `npm run demo -- --replay` shows the tool with no
// endpoint and no credentials. `npm run generate` writes them; test/e2e/demo.test.ts fails while a
// committed one differs from what the demo world answers today (times aside).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoArgs, type DemoCase, DEMO_CASES } from './demo-cases.js';

export const DEMO_RECORDINGS_DIR = 'demo/recordings';

/** The file of a demo user's recording, under `dir`: its place in the demo, then the user. */
export function demoRecording(dir: string, c: DemoCase): string {
  const n = String(DEMO_CASES.indexOf(c) + 1).padStart(2, '0');
  return join(dir, `${n}-${c.args[0]!.replace(/[^\w.-]/g, '_')}.json`);
}

/** The command line that records a demo user into `dir`. */
export const recordArgs = (c: DemoCase, dir: string): string[] => [
  ...demoArgs(c),
  '--json',
  '--record',
  demoRecording(dir, c),
];

/**
 * A recording as two generations of it agree: without the times the demo world computes from its
 * start (and the run's own, and the log event ids made of them), the fake's request ids, and where it
 * was written.
 */
export function comparableRecording(path: string): string {
  const r = JSON.parse(readFileSync(path, 'utf8')) as { commandLine: string[] };
  r.commandLine = r.commandLine.slice(0, -1);
  return (
    JSON.stringify(r, null, 2)
      .replace(/00000000-0000-4000-8000-\d{12}/g, '<request-id>')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
      .replace(/\b1\d{12}\b/g, '<epoch-ms>')
      // A log event's id carries its time.
      .replace(/"eventId": "\d+"/g, '"eventId": "<id>"')
  );
}
