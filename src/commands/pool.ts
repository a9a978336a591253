// `cognito-doctor pool`: the census's options resolved, the report written to stdout and the evidence to
// the --record file (a --replay answers every read from one).
import { census } from '../census/run.js';
import type { CliIo } from '../cli-io.js';
import { checkRecordTarget, readRecording, saveRecording } from '../evidence.js';
import { runExitCode } from '../exit-codes.js';
import { decideColor, resolveCensusOptions, type RawCensusOptions } from '../options.js';
import { renderCensus } from '../render/census.js';
import { createStyle } from '../render/style.js';
import { VERSION } from '../version.js';

/** Runs the census of `raw`'s pool; resolves to the exit code. */
export async function runPoolCommand(
  raw: RawCensusOptions & { color?: boolean },
  args: readonly string[],
  io: CliIo,
): Promise<number> {
  const options = resolveCensusOptions(raw);
  // Before the first page: a census of a large pool takes long, and its evidence must have somewhere to go.
  if (options.record) checkRecordTarget(options.record);
  if (options.profile) io.env.AWS_PROFILE = options.profile;
  const replay = options.replay ? readRecording(options.replay) : undefined;
  const style = createStyle(decideColor(raw.color, io.env, io.stdout.isTTY === true));
  const { report, recording } = await census(options, {
    stderr: io.stderr,
    env: io.env,
    style,
    version: VERSION,
    ...(io.interrupt ? { interrupt: io.interrupt } : {}),
    ...(replay ? { replay } : {}),
    commandLine: args,
  });
  const saved = !recording || !options.record || saveRecording(options.record, recording, io.stderr);
  const exitCode = runExitCode(report.exitCode, saved);
  // The report states the exit code the process ends with, that of an unwritten --record file too.
  io.stdout.write(renderCensus({ ...report, exitCode }, options.output, style, options.verbose));
  return exitCode;
}
