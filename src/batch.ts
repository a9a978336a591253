// A batch (`--users-file`): many users of one pool, each diagnosed as a single run would be, on one
// shared caller so what the pool and the account answer is read once for all of them. Users run a few
// at a time; their answers are written in the order of the file as soon as each is next.
import { summariseBatch, type BatchRecord, type BatchSummary } from './batch-summary.js';
import { checklists } from './checks/index.js';
import { callerFor, diagnoseReport, type Io } from './diagnose.js';
import type { BatchEntry } from './domain/users-file.js';
import { lineExitCode } from './exit-codes.js';
import { userOptions, type BatchFormat, type DiagnoseOptions } from './options.js';
import { Redactor } from './redact.js';
import { renderBatchMarkdown, renderBatchPretty } from './render/batch.js';
import { renderJsonLine } from './render/json.js';
import { SCHEMA_VERSION } from './report.js';
import { createBatchProgress } from './ui/batch-progress.js';

export interface BatchIo extends Io {
  /** stdout: ndjson lines as they come, or the table at the end. */
  write(text: string): void;
}

export interface BatchSettings {
  /** Every option of a run but the user (the same for every user). */
  run: Omit<DiagnoseOptions, 'input'>;
  format: BatchFormat;
  /** Users in flight at once. */
  concurrency: number;
}

/** Answers finished out of order wait for the ones before them; at most this many users ahead are started. */
const REORDER_FACTOR = 4;

export async function runBatch(
  entries: readonly BatchEntry[],
  { run, format, concurrency }: BatchSettings,
  io: BatchIo,
): Promise<BatchSummary> {
  const startedAt = new Date();
  const started = performance.now();
  const checklist = checklists[run.flow ?? 'forgot-password'];
  const aws = callerFor(run, io.style, (text) => io.stderr.write(text), {}, true);
  const shared = { aws, now: startedAt };
  const progress = createBatchProgress(io, entries.length, !run.quiet && !run.verbose);
  const written: BatchRecord[] = [];
  const emit = (record: BatchRecord) => {
    progress.tick();
    if (format === 'ndjson') {
      io.write(renderJsonLine(record.kind === 'report' ? record.report : record.document));
    }
    // The summary and the table read a report's verdict, target and exit code: its findings and plan,
    // most of its size, are not kept, so a batch of thousands holds little once each line is written.
    if (record.kind !== 'report') written.push(record);
    else {
      const { fixes: _plan, ...kept } = record.report;
      written.push({ ...record, report: { ...kept, findings: [] } });
    }
  };

  const answer = async (entry: BatchEntry): Promise<BatchRecord> => {
    if (!entry.ok) return lineError(entry.line, entry.given, 'input', entry.problem, run, io.version);
    try {
      const options = { ...run, ...userOptions(entry.given, entry, run.asSent) };
      const { report } = await diagnoseReport(options, { ...io, shared }, checklist);
      return { kind: 'report', line: entry.line, report: { ...report, line: entry.line } };
    } catch (err) {
      const message = `cognito-doctor failed on this user: ${err instanceof Error ? err.message : String(err)}`;
      return lineError(entry.line, entry.given, 'internal', message, run, io.version);
    }
  };

  try {
    await inOrder(entries, concurrency, answer, emit, io.interrupt);
  } finally {
    progress.stop();
    // Nothing still in flight may keep the process alive once the answers are out.
    aws.stop();
  }
  // A signal after the last answer stopped nothing: the batch is complete.
  const cutShort = written.length < entries.length || written.some((r) => r.kind === 'report' && r.report.interrupted);
  const stoppedBy = io.interrupt?.aborted && cutShort ? (io.interrupt.reason as NodeJS.Signals) : undefined;
  const summary = summariseBatch(written, {
    version: io.version,
    command: run.flow ?? 'forgot-password',
    userPoolId: run.userPoolId,
    region: run.region,
    startedAt,
    users: entries.length,
    requests: aws.calls.length,
    durationMs: Math.round(performance.now() - started),
    ...(stoppedBy ? { stoppedBy } : {}),
  });
  if (format === 'ndjson') io.write(renderJsonLine(summary));
  else if (format === 'markdown') io.write(renderBatchMarkdown(written, summary, run.quiet));
  else io.write(renderBatchPretty(written, summary, io.style, run.quiet));
  return summary;
}

/**
 * Answer every item, at most `concurrency` at once and at most REORDER_FACTOR × that ahead of the
 * first unwritten one, and hand the answers to `emit` in input order as soon as each is next. Once
 * `stop` aborts nothing new starts; the answers in flight (cut short by the same signal) still come.
 */
async function inOrder<T, R>(
  items: readonly T[],
  concurrency: number,
  answer: (item: T) => Promise<R>,
  emit: (result: R) => void,
  stop: AbortSignal | undefined,
): Promise<void> {
  const ready = new Map<number, R>();
  let next = 0;
  let written = 0;
  let inFlight = 0;
  await new Promise<void>((finish) => {
    const pump = () => {
      for (;;) {
        while (ready.has(written)) {
          const result = ready.get(written)!;
          ready.delete(written++);
          emit(result);
        }
        const stopped = stop?.aborted === true;
        const canStart =
          !stopped && next < items.length && inFlight < concurrency && next - written < concurrency * REORDER_FACTOR;
        if (!canStart) break;
        const index = next++;
        inFlight++;
        void answer(items[index]!).then((result) => {
          inFlight--;
          ready.set(index, result);
          pump();
        });
      }
      if (inFlight === 0 && (next === items.length || stop?.aborted)) finish();
    };
    stop?.addEventListener('abort', pump, { once: true });
    pump();
  });
}

function lineError(
  line: number,
  given: string,
  kind: 'input' | 'internal',
  message: string,
  run: Pick<DiagnoseOptions, 'redact'>,
  version: string,
): BatchRecord {
  const redactor = run.redact ? new Redactor([given]) : undefined;
  const mask = (text: string) => (redactor ? redactor.text(text) : text);
  return {
    kind: 'error',
    line,
    given: mask(given),
    document: {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: 'cognito-doctor', version },
      error: { kind, message: mask(message) },
      line,
      exitCode: lineExitCode(kind),
    },
  };
}
