import { AwsCaller, type CallRecord } from './aws/caller.js';
import { checks } from './checks/index.js';
import type { Check } from './checks/types.js';
import { Context } from './context/index.js';
import type { DiagnoseOptions } from './options.js';
import { redactReport } from './redact.js';
import { renderReport } from './render/index.js';
import type { Style } from './render/style.js';
import { buildReport, type Report } from './report.js';
import { runChecks } from './runner.js';
import { createProgress } from './ui/progress.js';

export interface Io {
  /** Diagnostics for people: progress, --verbose call lines. Never the report. */
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  style: Style;
  version: string;
}

export interface Diagnosis {
  report: Report;
  /** The one rendered report for stdout. */
  output: string;
  calls: CallRecord[];
}

/** The forgot-password command from options to rendered report; no process.* in here. */
export async function diagnose(
  options: DiagnoseOptions,
  io: Io,
  checklist: readonly Check[] = checks,
): Promise<Diagnosis> {
  const started = performance.now();
  const aws = new AwsCaller(
    options.endpointUrl ? { endpointUrl: options.endpointUrl } : {},
    options.verbose ? (c) => io.stderr.write(callLine(c, io.style)) : undefined,
  );
  const ctx = new Context(
    {
      userPoolId: options.userPoolId,
      region: options.region,
      input: options.input,
      ...(options.clientId ? { clientId: options.clientId } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
      sinceMs: options.sinceMs,
      now: new Date(),
    },
    aws,
  );
  const progress = createProgress(io, !options.quiet && !options.verbose);
  try {
    const findings = await runChecks(checklist, ctx, options, progress.hooks);
    // Read facts the checks established; never start a request the runner skipped.
    const userChecked = findings.some((f) => f.check === 'user' && f.status !== 'skip' && f.status !== 'error');
    const resolution = userChecked ? await ctx.user() : undefined;
    const prediction = resolution?.user ? await ctx.channel() : undefined;
    let report = buildReport({
      version: io.version,
      target: ctx.target,
      checks: checklist,
      findings,
      resolution,
      prediction,
      strict: options.strict,
      durationMs: Math.round(performance.now() - started),
    });
    if (options.redact) report = redactReport(report, resolution);
    return { report, output: renderReport(report, options, io.style), calls: aws.calls };
  } finally {
    progress.stop();
    aws.destroy();
  }
}

function callLine(c: CallRecord, style: Style): string {
  const outcome = c.outcome === 'ok' ? style.green('ok') : style.yellow(c.outcome);
  const retries = c.attempts > 1 ? ` (${c.attempts} attempts)` : '';
  return `${style.dim('aws')} ${c.action} ${c.region} ${c.ms} ms ${outcome}${retries}\n`;
}
