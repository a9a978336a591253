// A diagnose command for one user: the options resolved, --fix's confirmation decided before any request,
// the report written to stdout and the evidence to the --record file. Everything a diagnosis needs is
// imported here statically, so the command line loads it with one import: each chunk a run loads costs
// its own load (see docs/architecture.md).
import { checklists } from '../checks/index.js';
import type { CliIo } from '../cli-io.js';
import { diagnoseReport } from '../diagnose.js';
import type { Flow } from '../domain/flow.js';
import { normaliseUserInput } from '../domain/user-input.js';
import { checkRecordTarget, readRecording, saveRecording } from '../evidence.js';
import { runExitCode } from '../exit-codes.js';
import { autoConfirm } from '../fixes/apply.js';
import { decideColor, fixConfirmation, resolveDiagnoseOptions, type RawDiagnoseOptions } from '../options.js';
import { renderReport } from '../render/index.js';
import { createStyle } from '../render/style.js';
import type { Prompter } from '../ui/prompt.js';
import { VERSION } from '../version.js';

export interface DiagnoseCommandLine {
  flow: Flow;
  input: string;
  attribute: string | undefined;
  raw: RawDiagnoseOptions & { color?: boolean };
  /** The whole command line, for the --record file. */
  args: readonly string[];
}

/** Diagnoses one user and writes the report; resolves to the exit code. */
export async function runDiagnoseCommand(line: DiagnoseCommandLine, io: CliIo): Promise<number> {
  const { flow, raw } = line;
  const options = resolveDiagnoseOptions(
    line.input,
    raw,
    checklists[flow].map((c) => c.id),
    normaliseUserInput,
    flow,
    line.attribute,
  );
  // Refuse before any AWS request when nobody can confirm a change.
  const confirmation = fixConfirmation(
    options,
    { stdinIsTTY: io.stdin.isTTY === true, stderrIsTTY: io.stderr.isTTY === true },
    io.env,
  );
  if (options.record) checkRecordTarget(options.record);
  if (options.profile) io.env.AWS_PROFILE = options.profile; // the SDK's endpoint config reads only the env
  const style = createStyle(decideColor(raw.color, io.env, io.stdout.isTTY === true));
  let prompter: Prompter | undefined;
  // readline loads only for a person at a terminal.
  if (confirmation === 'prompt') prompter = (await import('../ui/prompt.js')).createPrompter(io.stdin, io.stderr);
  // A signal at a prompt declines the rest: the report of what was seen still comes out.
  io.interrupt?.addEventListener('abort', () => prompter?.close(), { once: true });
  const replay = options.replay ? readRecording(options.replay) : undefined;
  try {
    const operator = confirmation === 'auto' ? autoConfirm(io.stderr) : prompter;
    const { report, fixable, recording } = await diagnoseReport(options, {
      stderr: io.stderr,
      env: io.env,
      style,
      version: VERSION,
      ...(operator ? { operator } : {}),
      ...(io.interrupt ? { interrupt: io.interrupt } : {}),
      ...(replay ? { replay } : {}),
      commandLine: line.args,
    });
    const saved = !recording || !options.record || saveRecording(options.record, recording, io.stderr);
    const exitCode = runExitCode(report.exitCode, saved);
    // The report states the exit code the process ends with, that of an unwritten --record file too.
    io.stdout.write(renderReport({ ...report, exitCode }, { ...options, fixable }, style));
    return exitCode;
  } finally {
    prompter?.close();
  }
}
