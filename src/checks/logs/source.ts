import type { Context } from '../../context/index.js';
import { excerpt } from '../../domain/text.js';
import { aws } from '../../remedy/commands.js';
import { optionArgs } from '../../remedy/write-request.js';
import type { Evidence, Outcome } from '../types.js';

/** Log lines shown verbatim per finding: the latest few say enough, the command lists them all. */
export const SHOWN = 3;

/** What one log source says: a finding to report, or a line for the passing summary. */
export interface SourceResult {
  outcome?: Outcome;
  note?: string;
  evidence?: Evidence;
}

export interface Window {
  start: Date;
  end: Date;
  /** `the last 24 h`. */
  text: string;
}

/** The exact CLI search that lists every matching event of the window. */
export function logCommand(ctx: Context, region: string, group: string, pattern: string, window: Window): string {
  return aws(
    ctx,
    [
      'logs',
      'filter-log-events',
      '--log-group-name',
      group,
      '--start-time',
      String(window.start.getTime()),
      ...optionArgs('--filter-pattern', pattern),
    ],
    region,
  );
}

export function iso(ms: number | undefined): string {
  return ms === undefined ? 'an unknown time' : new Date(ms).toISOString();
}

export function windowEvidence(window: Window): string {
  return `${window.start.toISOString()} to ${window.end.toISOString()}`;
}

/** `24 h`, `7 d`, `30 min`: how a person says the --since window (hours up to two days). */
export function duration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
    [1000, 's'],
  ];
  const [size, unit] = units.find(([u, name]) => ms % u === 0 && (name !== 'd' || ms >= 2 * u)) ?? [1, 'ms'];
  return `${ms / size} ${unit}`;
}

/** A log text quoted in a message: the evidence carries it whole, so a huge line is not carried twice. */
export const quote = (text: string) => excerpt(text, QUOTED_MAX, '; the evidence has the whole line');
const QUOTED_MAX = 300;
