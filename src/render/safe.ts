// The report as pretty and markdown show it: every string plain (src/domain/text.ts) and bounded.
// JSON renders the report itself, with every value exact.

import type { Finding } from '../checks/types.js';
import type { CensusReport } from '../census/report.js';
import type { Report } from '../report.js';
import { excerpt, plain } from '../domain/text.js';

/** An evidence value longer than this is cut on screen and in tickets. */
export const VALUE_MAX = 500;
/** Prose (messages, fixes) is ours around quoted values; it is cut only when a value made it huge. */
export const TEXT_MAX = 2_000;

const NOTE = '; --output json has the whole value';

function walk(value: unknown, max: number): unknown {
  if (typeof value === 'string') return excerpt(plain(value), max, NOTE);
  if (Array.isArray(value)) return value.map((v) => walk(v, max));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [plain(k), walk(v, max)]));
  }
  return value;
}

/** Evidence values become display strings (objects as JSON), so they are cut as a whole. */
const shown = (v: unknown) => excerpt(plain(typeof v === 'string' ? v : JSON.stringify(v)), VALUE_MAX, NOTE);

/** Every string of a census report plain and bounded (usernames are AWS data), findings as in safeReport. */
export function safeCensus(report: CensusReport): CensusReport {
  const safe = walk(report, TEXT_MAX) as CensusReport;
  return { ...safe, pool: { ...safe.pool, findings: report.pool.findings.map(safeFinding) } };
}

function safeFinding(f: Finding): Finding {
  return {
    ...(walk(f, TEXT_MAX) as Finding),
    evidence: Object.fromEntries(Object.entries(f.evidence).map(([k, v]) => [plain(k), shown(v)])),
  };
}

export function safeReport(report: Report): Report {
  const safe = walk(report, TEXT_MAX) as Report;
  return {
    ...safe,
    findings: report.findings.map(safeFinding),
  };
}
