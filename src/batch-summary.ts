// What a batch (`--users-file`) answered, line by line, and its summary record: pure.
import { batchExitCode } from './exit-codes.js';
import type { Flow } from './domain/flow.js';
import { SCHEMA_VERSION, type Report, type VerdictStatus } from './report.js';

/** The error document of a line that got no report (schema/report.v1.json, `errorDocument`). */
export interface LineError {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: Report['tool'];
  error: { kind: 'input' | 'internal'; message: string };
  line: number;
  exitCode: number;
}

/** One line of the users file as answered: its report, or why it has none. */
export type BatchRecord =
  | { kind: 'report'; line: number; report: Report }
  /** `given`: the line as written (masked with --redact), for the table. */
  | { kind: 'error'; line: number; given: string; document: LineError };

export interface BatchSummary {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: Report['tool'];
  /** Tells the summary from the reports and error documents before it. */
  record: 'batch-summary';
  command: Flow;
  userPoolId: string;
  region: string;
  generatedAt: string;
  /** Lines of the file that name a user (or try to): blank lines and comments are not counted. */
  users: number;
  /** Users with a complete report. */
  diagnosed: number;
  /** Users with no complete report: bad lines, failures of the tool, reports cut short and users never started. */
  notDiagnosed: number;
  /** Lines that name no user (their error documents say why). */
  badLines: number;
  /** Reports a signal cut short (marked `interrupted`). */
  interrupted: number;
  /** The verdicts of the complete reports. */
  verdicts: Record<VerdictStatus, number>;
  /** The main cause (`verdict.causes[0]`) of each complete report that has one, by cause. */
  causes: Record<string, number>;
  /** AWS requests the batch sent, for every user together. */
  requests: number;
  /** The signal that stopped the batch. */
  stoppedBy?: NodeJS.Signals;
  exitCode: number;
  durationMs: number;
}

/** The cause that decides a report's verdict first; undefined for a deliverable user. */
export function mainCause(report: Report): string | undefined {
  return report.verdict.causes[0];
}

const VERDICTS: readonly VerdictStatus[] = ['deliverable', 'at-risk', 'blocked', 'inconclusive'];

export interface BatchRun {
  version: string;
  command: Flow;
  userPoolId: string;
  region: string;
  startedAt: Date;
  /** Every line naming a user, answered or not. */
  users: number;
  requests: number;
  durationMs: number;
  stoppedBy?: NodeJS.Signals;
}

export function summariseBatch(records: readonly BatchRecord[], run: BatchRun): BatchSummary {
  const complete = records.flatMap((r) => (r.kind === 'report' && !r.report.interrupted ? [r.report] : []));
  const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<VerdictStatus, number>;
  const causes: Record<string, number> = {};
  for (const report of complete) {
    verdicts[report.verdict.status]++;
    const cause = mainCause(report);
    if (cause) causes[cause] = (causes[cause] ?? 0) + 1;
  }
  const codes = records.map((r) => (r.kind === 'report' ? r.report.exitCode : r.document.exitCode));
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'cognito-doctor', version: run.version },
    record: 'batch-summary',
    command: run.command,
    userPoolId: run.userPoolId,
    region: run.region,
    generatedAt: run.startedAt.toISOString(),
    users: run.users,
    diagnosed: complete.length,
    notDiagnosed: run.users - complete.length,
    badLines: records.filter((r) => r.kind === 'error' && r.document.error.kind === 'input').length,
    interrupted: records.filter((r) => r.kind === 'report' && r.report.interrupted).length,
    verdicts,
    // Most frequent first: the table a lead reads top down.
    causes: Object.fromEntries(Object.entries(causes).sort(([a, m], [b, n]) => n - m || a.localeCompare(b))),
    requests: run.requests,
    ...(run.stoppedBy ? { stoppedBy: run.stoppedBy } : {}),
    exitCode: batchExitCode(codes, run.stoppedBy),
    durationMs: run.durationMs,
  };
}
